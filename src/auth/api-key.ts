import { toBase64url } from './keys';

/**
 * API keys are 32 random bytes behind a readable prefix. Only a SHA-256 of the key is stored:
 * the key is as unguessable as a password hash's output, so a slow hash would add nothing but
 * latency to every API call. The key is shown once, when it is created.
 */
export const apiKeyPrefix = 'sck_';

export async function hashApiKey(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function generateApiKey(): Promise<{ key: string; prefix: string; hash: string }> {
  const key = `${apiKeyPrefix}${toBase64url(crypto.getRandomValues(new Uint8Array(32)))}`;
  return { key, prefix: key.slice(0, 12), hash: await hashApiKey(key) };
}
