import { signToken, verifyToken } from '../auth/tokens';
import type { AppDeps } from '../deps';

/**
 * The secret part of an invitation link: a signed token naming the invitation. The database's
 * expiry is the one that counts; the token lives 30 days longer so that an expired link can
 * still say "expired" (and a manager can extend the expiry without sending a new link).
 */
const afterlifeSeconds = 30 * 24 * 3600;

export async function invitationToken(deps: AppDeps, invitationId: string, expiresAt: number): Promise<string> {
  const now = deps.clock();
  const ttl = Math.max(60, Math.ceil((expiresAt - now) / 1000)) + afterlifeSeconds;
  return signToken(deps.keys, 'invitation', { sub: invitationId }, now, ttl);
}

/** The invitation id of a valid token; null for a tampered, foreign or long-dead one. */
export async function invitationIdFromToken(deps: AppDeps, token: string): Promise<string | null> {
  if (token.length > 2000) return null;
  const claims = await verifyToken(deps.keys, 'invitation', token, deps.clock());
  return claims?.sub ?? null;
}
