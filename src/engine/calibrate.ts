/**
 * Item statistics and 2PL calibration from response data. Author-set difficulty is a guess;
 * once enough people answered an item, its parameters come from how they actually did.
 */
import { type ItemParams, probability } from './irt';

/** Below this many responses an item keeps its prior: a handful of answers says little about a and b. */
export const minResponsesForCalibration = 30;

/** Discrimination stays in this range: below 0.3 an item barely measures, above 2.5 is an artefact of small data. */
export const discriminationRange = { min: 0.3, max: 2.5 } as const;

/** Difficulty stays within ±5 on the theta scale, beyond which nobody's ability is measured anyway. */
const difficultyLimit = 5;

export interface ItemObservation {
  /** Credit earned on this item, in [0, 1]. */
  score: number;
  /** What the item is correlated with: the rest score (total without this item) or theta. */
  criterion: number;
  /** Time spent on the item, when known. */
  timeMs?: number;
}

export interface ItemStatistics {
  n: number;
  /** Mean credit: the share of takers who got it right. Null with no responses. */
  pValue: number | null;
  /** Correlation of credit with the criterion; null when either does not vary. */
  pointBiserial: number | null;
  meanTimeMs: number | null;
}

/**
 * Classical statistics of one item. A point-biserial near zero or negative flags an item that
 * strong takers miss as often as weak ones (a wrong key or an ambiguous prompt). Pass a criterion
 * that excludes the item itself, or the correlation is inflated.
 */
export function itemStatistics(observations: readonly ItemObservation[]): ItemStatistics {
  const n = observations.length;
  if (n === 0) return { n, pValue: null, pointBiserial: null, meanTimeMs: null };
  const scores = observations.map((o) => o.score);
  const criteria = observations.map((o) => o.criterion);
  const times = observations.flatMap((o) => (o.timeMs === undefined ? [] : [o.timeMs]));
  return {
    n,
    pValue: mean(scores),
    pointBiserial: correlation(scores, criteria),
    meanTimeMs: times.length > 0 ? mean(times) : null,
  };
}

/** Pearson correlation; null when fewer than two pairs or either side is constant. */
export function correlation(xs: readonly number[], ys: readonly number[]): number | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return null;
  const mx = mean(xs.slice(0, n));
  const my = mean(ys.slice(0, n));
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

export interface CalibrationOptions {
  /** SD of the normal prior on b around the prior's b. */
  priorSdB?: number;
  /** SD of the normal prior on log a around log of the prior's a (a lognormal prior on a). */
  priorSdLogA?: number;
  iterations?: number;
}

/**
 * Estimates a and b from (theta, score) pairs by Fisher scoring on the 2PL log-posterior, with a
 * normal prior on b and a lognormal prior on a, both centred on `prior`. Invariants: returns the
 * prior unchanged below minResponsesForCalibration responses; a stays in [0.3, 2.5] and b in
 * [−5, 5]. Partial credit counts as a fractional Bernoulli outcome, as in ability estimation.
 */
export function calibrateItem(
  responses: readonly { theta: number; score: number }[],
  prior: ItemParams,
  options: CalibrationOptions = {},
): ItemParams {
  if (responses.length < minResponsesForCalibration) return prior;
  const { priorSdB = 1, priorSdLogA = 0.5, iterations = 30 } = options;
  const logA0 = Math.log(clampA(prior.a));
  // Working in log a keeps a positive and makes its prior a plain normal.
  let logA = logA0;
  let b = prior.b;
  for (let iteration = 0; iteration < iterations; iteration++) {
    const a = Math.exp(logA);
    let gLogA = -(logA - logA0) / priorSdLogA ** 2;
    let gB = -(b - prior.b) / priorSdB ** 2;
    let iAA = 1 / priorSdLogA ** 2;
    let iBB = 1 / priorSdB ** 2;
    let iAB = 0;
    for (const { theta, score } of responses) {
      const s = Math.min(1, Math.max(0, score));
      const p = probability(theta, { a, b });
      const w = p * (1 - p);
      const d = theta - b;
      // z = a(theta − b): dz/dlog a = a·d, dz/db = −a, and dlogL/dz = s − p.
      gLogA += (s - p) * a * d;
      gB += -(s - p) * a;
      iAA += w * a * a * d * d;
      iBB += w * a * a;
      iAB += -w * a * a * d;
    }
    // Expected information is positive definite (the priors add to its diagonal), so the
    // 2×2 solve is safe; the step is capped so one noisy round cannot throw the estimate far.
    const det = iAA * iBB - iAB * iAB;
    if (!(det > 0)) break;
    const stepLogA = cap((iBB * gLogA - iAB * gB) / det, 0.5);
    const stepB = cap((iAA * gB - iAB * gLogA) / det, 1);
    logA = Math.log(clampA(Math.exp(logA + stepLogA)));
    b = Math.min(difficultyLimit, Math.max(-difficultyLimit, b + stepB));
    if (Math.abs(stepLogA) < 1e-6 && Math.abs(stepB) < 1e-6) break;
  }
  return { a: Math.exp(logA), b };
}

function clampA(a: number): number {
  return Math.min(discriminationRange.max, Math.max(discriminationRange.min, a));
}

function cap(step: number, limit: number): number {
  return Math.min(limit, Math.max(-limit, step));
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
