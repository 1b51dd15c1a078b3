/**
 * HMAC signing keys for every token we issue. The first key signs; every key verifies, so a
 * rotation is: put a new key first, keep the old one until the longest-lived token it signed
 * (invitations, result links) no longer matters, then drop it.
 *
 * Text form (env `SIGNING_KEYS` or the Node key file): `kid:base64url-secret,kid2:secret2`.
 */
export interface SigningKey {
  kid: string;
  secret: Uint8Array;
}
export interface SigningKeys {
  signing: SigningKey;
  all: SigningKey[];
}

const minSecretBytes = 32;

export function parseSigningKeys(text: string): SigningKeys {
  const all = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [kid, encoded] = part.split(':');
      if (!kid || !encoded) throw new Error('SIGNING_KEYS: each key is written kid:base64url-secret');
      const secret = fromBase64url(encoded);
      if (secret.length < minSecretBytes) throw new Error(`SIGNING_KEYS: key ${kid} is shorter than 32 bytes`);
      return { kid, secret };
    });
  const signing = all[0];
  if (!signing) throw new Error('SIGNING_KEYS: no key given');
  return { signing, all };
}

export function formatSigningKeys(keys: SigningKey[]): string {
  return keys.map((k) => `${k.kid}:${toBase64url(k.secret)}`).join(',');
}

/** A fresh key with a date-based id, so rotations read in order. */
export function generateSigningKey(now: number): SigningKey {
  const kid = `k${new Date(now).toISOString().slice(0, 10).replaceAll('-', '')}-${toBase64url(crypto.getRandomValues(new Uint8Array(3)))}`;
  return { kid, secret: crypto.getRandomValues(new Uint8Array(minSecretBytes)) };
}

export function toBase64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

export function fromBase64url(text: string): Uint8Array {
  const b64 = text.replaceAll('-', '+').replaceAll('_', '/');
  return Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
}
