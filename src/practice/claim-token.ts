/**
 * The private link to a practice result (audience 'practice-owner'): the way to keep a result
 * without an account. Whoever opens it gets the owner's access in that browser, and a signed-in
 * visitor can take the result into their history. It works while the result is in no account;
 * once claimed, the account is the key and the link stops opening it for anyone else.
 * Minted from the finish time, so a result always shows the same link.
 */
import { signToken, verifyToken } from '../auth/tokens';
import type { AppDeps } from '../deps';

const claimTtlSeconds = 5 * 365 * 24 * 3600;

export function claimToken(
  deps: Pick<AppDeps, 'keys'>,
  attempt: { id: string; submittedAt: number | null; deadlineAt: number },
): Promise<string> {
  return signToken(
    deps.keys,
    'practice-owner',
    { sub: attempt.id },
    attempt.submittedAt ?? attempt.deadlineAt,
    claimTtlSeconds,
  );
}

/** The attempt id of a valid private link; null for anything else. */
export async function attemptIdFromClaimToken(
  deps: Pick<AppDeps, 'keys' | 'clock'>,
  token: string,
): Promise<string | null> {
  if (token.length > 2000) return null;
  const claims = await verifyToken(deps.keys, 'practice-owner', token, deps.clock());
  return claims?.sub ?? null;
}
