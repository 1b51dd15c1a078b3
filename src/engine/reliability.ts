/**
 * How far a test's scores can be trusted, in classical test theory (CTT).
 *
 * Formulas, with σ² the population variance (divide by n, as KR-20's p·q is):
 *
 *   Cronbach's alpha   α = k/(k − 1) · (1 − Σ σ²ᵢ / σ²ₓ)
 *                      k items, σ²ᵢ the variance of item i's score, σ²ₓ that of the total.
 *   KR-20              α = k/(k − 1) · (1 − Σ pᵢqᵢ / σ²ₓ)
 *                      for items scored 0 or 1, pᵢ the share right and qᵢ = 1 − pᵢ: then
 *                      σ²ᵢ = pᵢqᵢ, so KR-20 is alpha's special case (Kuder & Richardson 1937).
 *   SEM                σₓ · √(1 − α)
 *                      the standard deviation of a person's observed scores around their true
 *                      score: about two observed scores in three lie within ± 1 SEM of it.
 *
 * Sources: L. Crocker & J. Algina, Introduction to Classical and Modern Test Theory (1986), the
 * chapters on reliability (the SEM; internal consistency: alpha, KR-20); L. J. Cronbach,
 * "Coefficient alpha and the internal structure of tests", Psychometrika 16 (1951); Moodle's quiz statistics
 * report (https://docs.moodle.org/dev/Quiz_statistics_calculations: "coefficient of internal
 * consistency" and "error ratio", the same two figures computed per slot).
 */

/** Mean of the values; NaN for none (callers check the length first). */
export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Population variance Σ(x − x̄)²/n: the divisor KR-20's p·q implies. 0 for fewer than two values. */
export function variance(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  let sum = 0;
  for (const v of values) sum += (v - m) ** 2;
  return sum / values.length;
}

/**
 * Alpha from its parts: k items (slots), the sum of their score variances and the variance of the
 * total. Null when it is undefined: fewer than two items, or totals that do not vary.
 */
export function alphaFromVariances(k: number, sumItemVariance: number, totalVariance: number): number | null {
  if (!(k > 1) || !(totalVariance > 0)) return null;
  return (k / (k - 1)) * (1 - sumItemVariance / totalVariance);
}

/**
 * Cronbach's alpha of a complete matrix: one row per taker, one column per item, every taker
 * scored on every item. Null for fewer than two takers or items, or when totals do not vary.
 */
export function cronbachAlpha(matrix: readonly (readonly number[])[]): number | null {
  const k = matrix[0]?.length ?? 0;
  if (matrix.length < 2 || matrix.some((row) => row.length !== k)) return null;
  let sumItemVariance = 0;
  for (let i = 0; i < k; i++) sumItemVariance += variance(matrix.map((row) => row[i] as number));
  const totals = matrix.map((row) => row.reduce((s, x) => s + x, 0));
  return alphaFromVariances(k, sumItemVariance, variance(totals));
}

/** KR-20 for items scored 0 or 1, by its own formula (Σ p·q): equal to cronbachAlpha on such data. */
export function kr20(matrix: readonly (readonly (0 | 1)[])[]): number | null {
  const k = matrix[0]?.length ?? 0;
  if (matrix.length < 2 || matrix.some((row) => row.length !== k)) return null;
  let sumPq = 0;
  for (let i = 0; i < k; i++) {
    const p = mean(matrix.map((row) => row[i] as number));
    sumPq += p * (1 - p);
  }
  const totals = matrix.map((row) => row.reduce<number>((s, x) => s + x, 0));
  return alphaFromVariances(k, sumPq, variance(totals));
}

/**
 * SEM = SD · √(1 − α), in the units of the scores. Alpha below 0 (items that disagree with each
 * other) is taken as 0: the error is then the whole spread of scores, never more. Null without alpha.
 */
export function standardErrorOfMeasurement(sd: number, alpha: number | null): number | null {
  if (alpha === null || !Number.isFinite(sd)) return null;
  return sd * Math.sqrt(1 - Math.min(1, Math.max(0, alpha)));
}

export interface ScoreSummary {
  n: number;
  mean: number;
  /** Population standard deviation, the σₓ of the SEM. */
  sd: number;
  median: number;
  min: number;
  max: number;
}

/** The centre and spread of a set of scores; null for none. */
export function describeScores(scores: readonly number[]): ScoreSummary | null {
  if (scores.length === 0) return null;
  const sorted = [...scores].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  const median =
    sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return {
    n: sorted.length,
    mean: mean(sorted),
    sd: Math.sqrt(variance(sorted)),
    median,
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
  };
}
