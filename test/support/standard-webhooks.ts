import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A receiver's check written from the Standard Webhooks specification with node:crypto, sharing
 * no code with the app's Web Crypto signer: strip `whsec_`, base64-decode the key, HMAC-SHA256
 * `<webhook-id>.<webhook-timestamp>.<body>`, compare with every `v1,` signature in the header.
 */
export function verifiesStandardWebhook(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
): boolean {
  const header = (name: string) => String(headers[name] ?? '');
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key)
    .update(`${header('webhook-id')}.${header('webhook-timestamp')}.${body}`)
    .digest();
  return header('webhook-signature')
    .split(' ')
    .some((entry) => {
      const [version, signature] = entry.split(',');
      if (version !== 'v1' || !signature) return false;
      const given = Buffer.from(signature, 'base64');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}
