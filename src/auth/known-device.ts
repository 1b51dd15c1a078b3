import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { newId } from '../db/ids';
import type { AppEnv } from '../env';
import { signToken, verifyToken } from './tokens';

/**
 * A browser that signed in to an account before carries a signed cookie naming the account and a
 * random device id. Its sign-ins count in that device's own bucket (auth/throttle.ts), so failures
 * elsewhere never lock the owner out of their usual browser. The cookie proves a past successful
 * sign-in only: the password is still needed every time.
 */
const cookieName = 'sc_known';
const ttlSeconds = 180 * 24 * 3600;

/** The device id this browser holds for `userId`, or null (no cookie, another account's, forged, expired). */
export async function knownDeviceOf<E extends AppEnv>(c: Context<E>, userId: string): Promise<string | null> {
  const token = getCookie(c, cookieName);
  if (!token || token.length > 1000) return null;
  const { keys, clock } = c.get('deps');
  const claims = await verifyToken(keys, 'known-device', token, clock());
  if (!claims || claims.sub !== userId || typeof claims.dev !== 'string') return null;
  return claims.dev;
}

/** After a successful sign-in: remember this browser for the account, keeping its device id if it had one. */
export async function rememberDevice<E extends AppEnv>(c: Context<E>, userId: string, device: string | null) {
  const { keys, clock, settings } = c.get('deps');
  const token = await signToken(keys, 'known-device', { sub: userId, dev: device ?? newId() }, clock(), ttlSeconds);
  setCookie(c, cookieName, token, {
    // Only the sign-in form needs it.
    path: '/login',
    httpOnly: true,
    sameSite: 'Strict',
    secure: settings.secureCookies,
    maxAge: ttlSeconds,
  });
}
