import { fromBase64url, type SigningKeys, toBase64url } from './keys';

/**
 * A partner's API key, kept so that we can authenticate to the partner with it later: Greenhouse
 * expects its completion PATCH to carry the organization's key as the Basic username, and
 * api_keys stores only hashes. The key is sealed with AES-256-GCM under a key derived (HKDF-SHA256)
 * from a signing key, so the database alone does not reveal it. The text names the signing key's
 * id; after a rotation, credentials sealed under a key still listed in SIGNING_KEYS still open.
 *
 * Form: `v1.<kid>.<iv b64url>.<ciphertext and tag b64url>`.
 */
const info = new TextEncoder().encode('skillcheck partner credential v1');

async function aesKey(secret: Uint8Array, usage: KeyUsage): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', secret as BufferSource, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

export async function sealCredential(keys: SigningKeys, plaintext: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await aesKey(keys.signing.secret, 'encrypt');
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(keys.signing.kid) },
    key,
    new TextEncoder().encode(plaintext),
  );
  return ['v1', keys.signing.kid, toBase64url(iv), toBase64url(new Uint8Array(sealed))].join('.');
}

/** The credential, or null when it was tampered with or its signing key is no longer configured. */
export async function openCredential(keys: SigningKeys, sealed: string): Promise<string | null> {
  const [version, kid, iv, data, ...rest] = sealed.split('.');
  if (version !== 'v1' || !kid || !iv || !data || rest.length > 0) return null;
  const signing = keys.all.find((k) => k.kid === kid);
  if (!signing) return null;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64url(iv) as BufferSource, additionalData: new TextEncoder().encode(kid) },
      await aesKey(signing.secret, 'decrypt'),
      fromBase64url(data) as BufferSource,
    );
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}

/** HTTP Basic with the key as the username and an empty password (RFC 7617), as Greenhouse sends and expects. */
export function basicAuthorization(username: string): string {
  return `Basic ${btoa(`${username}:`)}`;
}
