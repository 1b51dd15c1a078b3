import { errors, jwtVerify, SignJWT } from 'jose';
import type { SigningKeys } from './keys';

export const issuer = 'skillcheck';

/** What a token is for; a token minted for one audience never verifies for another. */
export type Audience =
  | 'session'
  | 'invitation'
  | 'attempt'
  | 'result'
  | 'team-invite'
  | 'practice-owner'
  | 'known-device'
  | 'password-reset';

/**
 * How far in the future a token's `iat` may lie. Clocks of instances sharing the keys drift a
 * little; a token "issued" later than that was signed by a wrong clock and is refused (jose
 * itself checks `iat` only when given `maxTokenAge`).
 */
export const maxClockSkewSeconds = 60;

export interface TokenClaims {
  sub: string;
  [claim: string]: string | number | boolean | undefined;
}

/**
 * Each secret imported as an HMAC key once per process (or isolate): given the raw bytes, jose
 * imports them again for every token, an extra Web Crypto job per sign and per verify.
 */
const hmacKeys = new WeakMap<Uint8Array, Promise<CryptoKey>>();
function hmacKey(secret: Uint8Array): Promise<CryptoKey> {
  let key = hmacKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', secret as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
    hmacKeys.set(secret, key);
  }
  return key;
}

/** Signs `claims` for `audience`, valid for `ttlSeconds` from `now` (epoch ms). */
export async function signToken(
  keys: SigningKeys,
  audience: Audience,
  claims: TokenClaims,
  now: number,
  ttlSeconds: number,
): Promise<string> {
  const iat = Math.floor(now / 1000);
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256', kid: keys.signing.kid, typ: 'JWT' })
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(await hmacKey(keys.signing.secret));
}

/**
 * The claims of a valid token, or null for anything else: wrong key, algorithm, audience or
 * issuer, expired, issued in the future, missing claims, malformed. Callers answer null with 401/404, never a reason.
 */
export async function verifyToken(
  keys: SigningKeys,
  audience: Audience,
  token: string,
  now: number,
): Promise<TokenClaims | null> {
  try {
    const { payload } = await jwtVerify(
      token,
      (header) => {
        const key = keys.all.find((k) => k.kid === header.kid);
        if (!key) throw new errors.JWSSignatureVerificationFailed('unknown key id');
        return hmacKey(key.secret);
      },
      {
        algorithms: ['HS256'],
        audience,
        issuer,
        requiredClaims: ['exp', 'iat', 'sub', 'aud', 'iss'],
        currentDate: new Date(now),
      },
    );
    if (typeof payload.sub !== 'string') return null;
    if (typeof payload.iat !== 'number' || payload.iat > Math.floor(now / 1000) + maxClockSkewSeconds) return null;
    return payload as TokenClaims;
  } catch {
    return null;
  }
}
