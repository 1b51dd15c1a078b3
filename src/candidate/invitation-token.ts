import { signToken, verifyToken } from '../auth/tokens';
import type { AppDeps } from '../deps';

/**
 * The secret part of an invitation link: a signed token naming the invitation and its link
 * version. The database's expiry is the one that counts; the token lives 30 days longer so that
 * an expired link can still say "expired" (and a manager can extend the expiry without sending a
 * new link). A resend raises the invitation's version, which retires every link sent before.
 */
const afterlifeSeconds = 30 * 24 * 3600;

export async function invitationToken(
  deps: AppDeps,
  invitationId: string,
  expiresAt: number,
  version = 1,
): Promise<string> {
  const now = deps.clock();
  const ttl = Math.max(60, Math.ceil((expiresAt - now) / 1000)) + afterlifeSeconds;
  return signToken(deps.keys, 'invitation', { sub: invitationId, v: version }, now, ttl);
}

export interface InvitationLink {
  invitationId: string;
  /** The link version the token was signed for; tokens from before versions existed are version 1. */
  version: number;
}

/** What a valid token names; null for a tampered, foreign or long-dead one. */
export async function invitationFromToken(deps: AppDeps, token: string): Promise<InvitationLink | null> {
  if (token.length > 2000) return null;
  const claims = await verifyToken(deps.keys, 'invitation', token, deps.clock());
  if (!claims) return null;
  const version = claims.v ?? 1;
  if (typeof version !== 'number' || !Number.isInteger(version)) return null;
  return { invitationId: claims.sub, version };
}
