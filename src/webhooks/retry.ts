/**
 * When to try a message again. Exponential backoff from 10 s, doubling up to 2 h between tries,
 * each delay jittered by ±20 % so endpoints that failed together are not retried together. A
 * message is given up (failed) after a try made 24 h or more after it was written, so every
 * message is tried for at least a day. Pure: the caller passes the clock and the random number.
 */

export const firstDelayMs = 10_000;
export const maxDelayMs = 2 * 3600_000;
export const retryWindowMs = 24 * 3600_000;

/** The delay after the `tries`-th failed try (1 for the first), before jitter. */
export function backoffMs(tries: number): number {
  return Math.min(maxDelayMs, firstDelayMs * 2 ** Math.max(0, tries - 1));
}

/**
 * After a failed try at `now`: the time of the next try, or null to give up. `random` in [0, 1).
 * `once`: a message that is never retried (the "send test event" button).
 */
export function nextTryAt(input: {
  tries: number;
  createdAt: number;
  now: number;
  random: number;
  once?: boolean;
}): number | null {
  if (input.once || input.now - input.createdAt >= retryWindowMs) return null;
  const jitter = 0.8 + 0.4 * input.random;
  return input.now + Math.round(backoffMs(input.tries) * jitter);
}
