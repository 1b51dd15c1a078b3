import { findUserById } from '../db/accounts';
import type { AppDeps } from '../deps';
import { toBase64url } from './keys';
import { signToken, verifyToken } from './tokens';

/**
 * Links to set a new password, sent by email. Stateless and single-use: the token carries a
 * fingerprint of the password hash it was issued against, so once the password changes (by this
 * link or any other way) every earlier link stops working. Valid for an hour.
 */
export const resetTtlSeconds = 3600;

async function fingerprint(passwordHash: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(passwordHash));
  return toBase64url(new Uint8Array(digest)).slice(0, 22);
}

export async function passwordResetToken(
  deps: Pick<AppDeps, 'keys' | 'clock'>,
  user: { id: string; passwordHash: string },
) {
  const claims = { sub: user.id, fp: await fingerprint(user.passwordHash) };
  return signToken(deps.keys, 'password-reset', claims, deps.clock(), resetTtlSeconds);
}

/** The user a live reset link is for; null when it is forged, expired, or already used. */
export async function userOfResetToken(deps: AppDeps, token: string) {
  if (token.length > 2000) return null;
  const claims = await verifyToken(deps.keys, 'password-reset', token, deps.clock());
  const user = claims ? await findUserById(deps.db, claims.sub) : null;
  if (!user || claims?.fp !== (await fingerprint(user.passwordHash))) return null;
  return user;
}
