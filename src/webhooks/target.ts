/**
 * Which URLs a webhook may be sent to, shared by every runtime: http(s) only, no credentials in
 * the URL, and, unless private networks are allowed, no host that is or resolves to a private,
 * loopback, link-local or otherwise non-public address (src/webhooks/address.ts). `resolve`
 * (Node) returns every address of a name; without it (Workers) only IP literals and localhost
 * names are judged, since Cloudflare's network cannot reach private addresses anyway.
 */
import { isIpLiteral, isPublicAddress } from './address';

export interface TargetPolicy {
  allowPrivate: boolean;
  resolve?: (host: string) => Promise<string[]>;
}

const maxUrlLength = 2000;

/** What is wrong with the URL as written, for the person who typed it, or null. */
export function urlProblem(text: string): string | null {
  if (text.length > maxUrlLength) return `The URL is longer than ${maxUrlLength} characters.`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'Enter a full URL, starting with https://.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The URL must start with https:// or http://.';
  if (url.username || url.password) return 'Leave credentials out of the URL: verify requests with the signing secret.';
  if (!url.hostname) return 'The URL has no host.';
  return null;
}

const privateHint =
  'Only public addresses are allowed (WEBHOOK_ALLOW_PRIVATE=1 allows private networks when self-hosting).';

/** Why the URL may not be called, or null when it may. Checked at registration and on every delivery. */
export async function targetRefusal(text: string, policy: TargetPolicy): Promise<string | null> {
  const problem = urlProblem(text);
  if (problem) return problem;
  if (policy.allowPrivate) return null;
  // URL canonicalizes IPv4 literals (http://2130706433/ and http://0x7f.1/ are 127.0.0.1).
  const host = new URL(text).hostname.replace(/^\[|\]$/g, '');
  if (isIpLiteral(host)) return isPublicAddress(host) ? null : `${host} is not a public address. ${privateHint}`;
  if (!policy.resolve) {
    // Without DNS, at least the names that always mean this machine (RFC 6761).
    return host === 'localhost' || host.endsWith('.localhost') ? `${host} is this machine. ${privateHint}` : null;
  }
  let addresses: string[];
  try {
    addresses = await policy.resolve(host);
  } catch {
    return `${host} could not be resolved.`;
  }
  if (addresses.length === 0) return `${host} could not be resolved.`;
  const refused = addresses.find((address) => !isPublicAddress(address));
  return refused ? `${host} resolves to ${refused}, which is not a public address. ${privateHint}` : null;
}
