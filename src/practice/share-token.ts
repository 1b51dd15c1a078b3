/**
 * The secret of a result link: a jose-signed token naming a result_shares row. The signature
 * proves this server issued the link; the row lets its owner withdraw it. The page shows what the
 * database says now, never figures carried in the token, so a link cannot be edited into a
 * better score. Tokens are minted from the share's creation time, so the same share always has
 * the same link (while the signing key is the same).
 */
import { signToken, verifyToken } from '../auth/tokens';
import type { AppDeps } from '../deps';

/** Ten years: a result link is a certificate, and its owner revokes it rather than waiting. */
const shareTtlSeconds = 10 * 365 * 24 * 3600;

export function shareToken(deps: Pick<AppDeps, 'keys'>, share: { id: string; createdAt: number }): Promise<string> {
  return signToken(deps.keys, 'result', { sub: share.id }, share.createdAt, shareTtlSeconds);
}

/** The share id of a valid token; null for a tampered, foreign, expired or malformed one. */
export async function shareIdFromToken(deps: Pick<AppDeps, 'keys' | 'clock'>, token: string): Promise<string | null> {
  if (token.length > 2000) return null;
  const claims = await verifyToken(deps.keys, 'result', token, deps.clock());
  return claims?.sub ?? null;
}

/** The absolute address of a result link, behind a proxy too. */
export function shareUrl(origin: string, token: string): string {
  return `${origin}/results/${token}`;
}
