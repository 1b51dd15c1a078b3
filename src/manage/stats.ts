/** Small statistics for the pipeline: medians, the score histogram, a score's margin of error. */

/** The middle value (mean of the two middle ones for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

export interface Bin {
  /** Lower bound, included. */
  from: number;
  /** Upper bound, excluded, except for the last bin, which includes 100. */
  to: number;
  count: number;
}

/**
 * Scores (0-100) counted in bins of `width` points: [0, 10), [10, 20) ... [90, 100]. A perfect
 * score belongs to the last bin, not to a bin of its own.
 */
export function histogram(scores: readonly number[], width = 10): Bin[] {
  const n = Math.ceil(100 / width);
  const bins: Bin[] = Array.from({ length: n }, (_, i) => ({
    from: i * width,
    to: Math.min(100, (i + 1) * width),
    count: 0,
  }));
  for (const score of scores) {
    if (!Number.isFinite(score)) continue;
    const i = Math.min(n - 1, Math.max(0, Math.floor(score / width)));
    (bins[i] as Bin).count++;
  }
  return bins;
}

/** The margin of error of a percent score (the rule lives in the engine: webhook events report it too). */
export { percentStandardError } from '../engine/percent-error';

/** How the ± is computed, in words for a title attribute or footnote. */
export const standardErrorNote =
  '± is one standard error: 100·√(p(1−p)/n) for n questions, with p = (correct + 1)/(n + 2). About two in three retakes of a similar test would land within it.';
