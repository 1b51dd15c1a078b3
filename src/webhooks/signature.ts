/**
 * Signatures as the Standard Webhooks specification defines them
 * (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md), so
 * receivers can verify with its libraries: HMAC-SHA256 over `<webhook-id>.<webhook-timestamp>.<body>`
 * with the secret's bytes, sent as `v1,<base64>`; several signatures (during a secret rotation)
 * are separated by spaces. Secrets are `whsec_` + base64 of 24 random bytes. Web Crypto only.
 */

const secretPrefix = 'whsec_';
const secretBytes = 24;
const encoder = new TextEncoder();

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

export function newWebhookSecret(): string {
  return secretPrefix + toBase64(crypto.getRandomValues(new Uint8Array(secretBytes)));
}

function keyBytes(secret: string): Uint8Array<ArrayBuffer> {
  const encoded = secret.startsWith(secretPrefix) ? secret.slice(secretPrefix.length) : secret;
  return Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
}

/** One `v1,<base64>` signature of a message with one secret. `timestamp` is in whole seconds. */
export async function signMessage(secret: string, id: string, timestamp: number, body: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', keyBytes(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(`${id}.${timestamp}.${body}`));
  return `v1,${toBase64(new Uint8Array(mac))}`;
}

/**
 * The three headers of a signed message. `secrets`: the current secret first, then any previous
 * one still honoured, each giving one signature.
 */
export async function signedHeaders(
  secrets: readonly string[],
  id: string,
  timestamp: number,
  body: string,
): Promise<Record<string, string>> {
  const signatures = await Promise.all(secrets.map((secret) => signMessage(secret, id, timestamp, body)));
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signatures.join(' '),
  };
}
