/**
 * The reported practice score: theta mapped to a 100-300 scale (200 is the average taker, 25
 * points per standard deviation), so people read a number without negative values or decimals.
 */

export const scaleCenter = 200;
export const scaleSpread = 25;
export const scaleMin = 100;
export const scaleMax = 300;

/** round(200 + 25·theta), clamped to 100..300 (theta beyond ±4 is outside what the test can tell). */
export function scaleScore(theta: number): number {
  return Math.min(scaleMax, Math.max(scaleMin, Math.round(scaleCenter + scaleSpread * theta)));
}

/** The ± shown next to a scale score: round(25·se), never negative. */
export function scaleUncertainty(se: number): number {
  return Math.max(0, Math.round(scaleSpread * se));
}

export const scoreBands = ['Foundational', 'Developing', 'Proficient', 'Advanced', 'Expert'] as const;
export type ScoreBand = (typeof scoreBands)[number];

/**
 * Bands on the scale (theta in brackets):
 *   below 150  Foundational  (theta < −2)
 *   150-187    Developing    (−2 to about −0.5)
 *   188-212    Proficient    (about ±0.5 around the average)
 *   213-237    Advanced      (about 0.5 to 1.5)
 *   238+       Expert        (about 1.5 and above, the top 7 % or so)
 * Proficient is centred on 200, so the average taker lands in the middle band.
 */
export function scoreBand(score: number): ScoreBand {
  if (score < 150) return 'Foundational';
  if (score < 188) return 'Developing';
  if (score < 213) return 'Proficient';
  if (score < 238) return 'Advanced';
  return 'Expert';
}

/**
 * Mid-rank percentile of `score` among `others` (everyone else's scores, not including this one):
 * 100 × (below + ½·equal) / count, to one decimal; null when there is nobody to compare with.
 */
export function percentileRank(score: number, others: readonly number[]): number | null {
  if (others.length === 0) return null;
  let below = 0;
  let equal = 0;
  for (const other of others) {
    if (other < score) below++;
    else if (other === score) equal++;
  }
  return Math.round(((below + equal / 2) / others.length) * 1000) / 10;
}
