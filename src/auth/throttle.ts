/**
 * Failed-login policy, per account and per client address. Pure: the caller stores the state.
 * The first 3 failures cost nothing (typos); then each failure doubles the wait from 1 s up to
 * 15 minutes; and no key gets more than 100 failures in an hour, whatever the waits.
 */
export interface ThrottleState {
  failures: number;
  windowStart: number;
  nextAllowedAt: number;
}

export const throttleWindowMs = 60 * 60 * 1000;
export const maxFailuresPerWindow = 100;
const freeFailures = 3;
const maxDelayMs = 15 * 60 * 1000;

/** Milliseconds to wait before another attempt is considered; 0 when allowed now. */
export function waitBeforeAttempt(state: ThrottleState | null, now: number): number {
  if (!state) return 0;
  if (now - state.windowStart >= throttleWindowMs) return 0;
  if (state.failures >= maxFailuresPerWindow) return state.windowStart + throttleWindowMs - now;
  return Math.max(0, state.nextAllowedAt - now);
}

export function afterFailure(state: ThrottleState | null, now: number): ThrottleState {
  const fresh = !state || now - state.windowStart >= throttleWindowMs;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStart = fresh ? now : state.windowStart;
  const delay = failures <= freeFailures ? 0 : Math.min(maxDelayMs, 1000 * 2 ** (failures - freeFailures - 1));
  return { failures, windowStart, nextAllowedAt: now + delay };
}
