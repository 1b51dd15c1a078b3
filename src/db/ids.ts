/**
 * Random bytes are drawn from Web Crypto 4 KiB at a time and handed out 16 at a time, each byte
 * once: one getRandomValues call costs about 3 µs whatever its size up to a few KiB, and a start
 * makes several ids and a save a CSP nonce. Filled on first use, never at module scope (Workers
 * refuse random values outside a request).
 */
let pool = new Uint8Array(0);
let next = 0;

function sixteenRandomBytes(): Uint8Array {
  if (next + 16 > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(4096));
    next = 0;
  }
  const bytes = pool.subarray(next, next + 16);
  next += 16;
  return bytes;
}

/** A 128-bit random id in base64url (22 characters): unguessable, URL-safe, Web Crypto only. */
export function newId(): string {
  return btoa(String.fromCharCode(...sixteenRandomBytes()))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}
