import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { SigningKeys } from '../auth/keys';
import { signToken, type TokenClaims, verifyToken } from '../auth/tokens';
import { type BoundedCache, boundedCache } from '../db/bounded-cache';
import { newId } from '../db/ids';
import type { AppEnv } from '../env';

/**
 * Who may see an attempt: the browser holding its cookie. The cookie is a signed token scoped to
 * the attempt's own path, so attempts in one browser never see each other's, and it names the
 * device (a long-lived random id) so a resume from another browser shows as a new device.
 */
const attemptCookie = 'sc_attempt';
const deviceCookie = 'sc_device';
const accessDays = 30;

export function deviceIdOf<E extends AppEnv>(c: Context<E>): string {
  const existing = getCookie(c, deviceCookie);
  if (existing && /^[\w-]{22}$/.test(existing)) return existing;
  const id = newId();
  const { settings } = c.get('deps');
  setCookie(c, deviceCookie, id, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: settings.secureCookies,
    maxAge: 365 * 24 * 3600,
  });
  return id;
}

export async function grantAttemptAccess<E extends AppEnv>(c: Context<E>, attemptId: string, deviceId: string) {
  const { keys, clock, settings } = c.get('deps');
  const token = await signToken(keys, 'attempt', { sub: attemptId, dev: deviceId }, clock(), accessDays * 24 * 3600);
  setCookie(c, attemptCookie, token, {
    path: `/attempts/${attemptId}`,
    httpOnly: true,
    sameSite: 'Lax',
    secure: settings.secureCookies,
    maxAge: accessDays * 24 * 3600,
  });
}

/** The device id this browser holds access with, or null: no cookie, another attempt's, tampered, expired. */
export async function attemptAccess<E extends AppEnv>(c: Context<E>, attemptId: string): Promise<string | null> {
  const token = getCookie(c, attemptCookie);
  if (!token) return null;
  const { keys, clock } = c.get('deps');
  const claims = await verifiedAttemptToken(keys, token, clock());
  if (!claims || claims.sub !== attemptId || typeof claims.dev !== 'string') return null;
  return claims.dev;
}

/**
 * verifyToken with memory: a candidate sends the same cookie with every save, and checking its
 * HMAC was a tenth of the save's CPU. Only tokens that verified are kept, keyed by their exact
 * text under the key set that verified them (a new key set starts empty); expiry is still checked
 * on every use. Bounded, least recently used out first.
 */
const verified = new WeakMap<SigningKeys, BoundedCache<TokenClaims>>();

async function verifiedAttemptToken(keys: SigningKeys, token: string, now: number): Promise<TokenClaims | null> {
  let known = verified.get(keys);
  if (!known) {
    known = boundedCache<TokenClaims>(20_000);
    verified.set(keys, known);
  }
  const hit = known.get(token);
  if (hit) return typeof hit.exp === 'number' && now < hit.exp * 1000 ? hit : null;
  const claims = await verifyToken(keys, 'attempt', token, now);
  if (!claims) return null;
  known.set(token, claims);
  return claims;
}

export { clientAddressOf } from '../http/client-address';
