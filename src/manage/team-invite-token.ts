import { signToken, verifyToken } from '../auth/tokens';
import type { AppDeps } from '../deps';

/**
 * The secret part of a team invitation link (/team/join/<token>): a signed 'team-invite' token
 * naming the team_invites row. The row decides (pending, accepted, revoked, expired); the token
 * only proves the link came from us. Used by the team page that hands links out
 * (src/routes/manage/team.tsx) and the join page that reads them (src/routes/join.tsx).
 */

/** Team invitations are valid for 7 days. */
export const teamInviteTtlMs = 7 * 24 * 3600 * 1000;

/**
 * The token outlives the invitation by 30 days, as candidate links do (src/candidate/
 * invitation-token.ts): an expired link can then say "expired, ask for a new one" instead of
 * "not valid". The database's expiry is the one that counts.
 */
const afterlifeSeconds = 30 * 24 * 3600;

export async function teamInviteToken(deps: AppDeps, inviteId: string, expiresAt: number): Promise<string> {
  const now = deps.clock();
  const ttl = Math.max(60, Math.ceil((expiresAt - now) / 1000)) + afterlifeSeconds;
  return signToken(deps.keys, 'team-invite', { sub: inviteId }, now, ttl);
}

export function teamInvitePath(token: string): string {
  return `/team/join/${token}`;
}

/** The invitation a valid token names; null for a tampered, foreign or long-dead one. */
export async function teamInviteIdFromToken(deps: AppDeps, token: string): Promise<string | null> {
  if (token.length > 2000) return null;
  return (await verifyToken(deps.keys, 'team-invite', token, deps.clock()))?.sub ?? null;
}
