/**
 * The rules of a practice test, in one place: how long it runs, how it stops, how often a person
 * may retake it. Pages quote these numbers, so what the rules say is what the engine does.
 */
import { type CatConfig, defaultCatConfig } from '../engine/cat';

/** Stop rule and exposure control: the engine's defaults (15 to 25 questions, stop at SE 0.35). */
export const practiceCat: Readonly<CatConfig> = defaultCatConfig;

/**
 * Time budget per question. The whole test gets maxLength × this, fixed at start: a person who
 * moves fast on easy questions banks time for hard ones, and nobody can stall a session forever.
 */
export const secondsPerQuestion = 90;

/** One practice test per area per person (account or browser) in this window, counted from the last finish. */
export const cooldownMs = 24 * 3600 * 1000;

/** Below this many active questions an area offers no practice test: the estimate would mean little. */
export const minPoolForPractice = 10;

/** Exposure rates come from the most recent sessions of the area, and only once there are enough of them. */
export const exposureWindow = 500;
export const minSessionsForExposure = 20;

/** How many questions a test gives: a small bank shortens it rather than repeating questions. */
export interface TestLength {
  minLength: number;
  maxLength: number;
}

/** The length bounds for a pool of `poolSize` active questions: the standard 15 to 25, capped by the pool. */
export function testLength(poolSize: number): TestLength {
  return {
    minLength: Math.min(practiceCat.minLength, poolSize),
    maxLength: Math.min(practiceCat.maxLength, poolSize),
  };
}

/** The fixed time limit of a test of at most `maxLength` questions, in seconds. */
export function timeLimitSeconds(maxLength: number): number {
  return maxLength * secondsPerQuestion;
}

/**
 * The length bounds an attempt started with, read back from its time limit (which is maxLength ×
 * secondsPerQuestion, fixed at start), so a bank that grows or shrinks mid-test changes nothing.
 */
export function lengthOfAttempt(attempt: { startedAt: number; deadlineAt: number }): TestLength {
  const maxLength = Math.max(1, Math.round((attempt.deadlineAt - attempt.startedAt) / 1000 / secondsPerQuestion));
  return { minLength: Math.min(practiceCat.minLength, maxLength), maxLength };
}

/**
 * When a person may start the area again: `cooldownMs` after their most recent finish, or now
 * when they have none (or it is long past). Attempts still running are resumed, not counted here.
 */
export function nextStartAt(finishedAt: readonly number[], now: number): number {
  const last = finishedAt.length > 0 ? Math.max(...finishedAt) : Number.NEGATIVE_INFINITY;
  return Math.max(now, last + cooldownMs);
}

/**
 * Share of recent sessions that showed each item, or undefined below `minSessionsForExposure`
 * sessions (a handful of sessions says nothing about over-exposure, and would only add noise).
 */
export function exposureRates(
  shownCounts: ReadonlyMap<string, number>,
  sessions: number,
): Record<string, number> | undefined {
  if (sessions < minSessionsForExposure) return undefined;
  const rates: Record<string, number> = {};
  for (const [id, count] of shownCounts) rates[id] = count / sessions;
  return rates;
}
