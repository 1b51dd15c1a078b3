import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { activeSessionUser, createSession, revokeSession } from '../db/accounts';
import type { AppEnv } from '../env';
import { signToken, verifyToken } from './tokens';

/**
 * Sessions are signed tokens in an HttpOnly cookie that name a server-side session row, so a
 * logout (or a password change) revokes them everywhere. A new session id on every login.
 */
const cookieName = 'sc_session';
export const sessionTtlMs = 14 * 24 * 3600 * 1000;

export async function startSession<E extends AppEnv>(c: Context<E>, userId: string) {
  const { db, keys, clock, settings } = c.get('deps');
  const now = clock();
  const sid = await createSession(db, userId, now, sessionTtlMs);
  const token = await signToken(keys, 'session', { sub: userId, sid }, now, sessionTtlMs / 1000);
  setCookie(c, cookieName, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: settings.secureCookies,
    maxAge: sessionTtlMs / 1000,
  });
  return sid;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  sessionId: string;
}

/** The signed-in user, or null: no cookie, bad token, revoked or expired session. */
export async function sessionUser<E extends AppEnv>(c: Context<E>): Promise<SessionUser | null> {
  const token = getCookie(c, cookieName);
  if (!token) return null;
  const { db, keys, clock } = c.get('deps');
  const claims = await verifyToken(keys, 'session', token, clock());
  if (!claims || typeof claims.sid !== 'string') return null;
  const user = await activeSessionUser(db, claims.sid, clock());
  if (!user || user.id !== claims.sub) return null;
  return { ...user, sessionId: claims.sid };
}

export async function endSession<E extends AppEnv>(c: Context<E>) {
  const user = await sessionUser(c);
  const { db, clock, settings } = c.get('deps');
  if (user) await revokeSession(db, user.sessionId, clock());
  deleteCookie(c, cookieName, { path: '/', secure: settings.secureCookies });
}
