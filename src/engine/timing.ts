/**
 * The attempt clock. All values are epoch milliseconds read from the server clock and passed in;
 * the deadline is fixed once, at start, and every other rule is a comparison against it.
 */

/** Fixed at start: started + (limit + extra) seconds. Extra time is an accommodation for one candidate. */
export function deadlineFor(startedAt: number, timeLimitSeconds: number, extraSeconds = 0): number {
  return startedAt + (timeLimitSeconds + extraSeconds) * 1000;
}

/**
 * Whole seconds left, rounded down and never negative. Rounding down means the page's countdown
 * never promises time the server will not give: it reaches 0 at most one second early, and the
 * grace window covers saves in flight at that moment.
 */
export function remainingSeconds(now: number, deadline: number): number {
  return Math.max(0, Math.floor((deadline - now) / 1000));
}

/**
 * Whole seconds until saves stop counting (deadline + grace), rounded up and never negative: a
 * page that waits this long before leaving lets its last saves land and finds the attempt final.
 */
export function secondsUntilSavesClose(now: number, deadline: number, graceMs: number): number {
  return Math.max(0, Math.ceil((deadline + graceMs - now) / 1000));
}

/** The time is up from the deadline itself onwards. */
export function isExpired(now: number, deadline: number): boolean {
  return now >= deadline;
}

export type SaveWindow = 'open' | 'grace' | 'closed';

/**
 * Whether a save arriving at `now` is accepted: 'open' before the deadline, 'grace' from the
 * deadline up to and including deadline + grace (accepted: it was sent as time ran out),
 * 'closed' after that (refused). The grace is a setting (Settings.saveGraceMs), passed in.
 */
export function saveWindow(now: number, deadline: number, graceMs: number): SaveWindow {
  if (now < deadline) return 'open';
  if (now <= deadline + graceMs) return 'grace';
  return 'closed';
}

/**
 * The save window closed at `now` exactly for deadlines before this instant, so a query can
 * find the attempts due for finalization ("deadline < cutoff") by the same rule as saveWindow.
 */
export function closedDeadlinesBefore(now: number, graceMs: number): number {
  return now - graceMs;
}

/** When an attempt finished: the deadline if it ran out (however late we notice), else now. */
export function finalizationTime(now: number, deadline: number): number {
  return isExpired(now, deadline) ? deadline : now;
}
