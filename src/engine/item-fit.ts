/**
 * How well the 2PL curve of an item matches what takers actually did: takers are sorted by
 * ability and cut into groups of (nearly) equal size; in each group the observed proportion
 * correct (mean credit) is set against the expected one, the mean of P(theta) over the group.
 *
 * - RMSE = sqrt( Σ n_k (O_k − E_k)² / N ): the typical gap between curve and data, in proportion
 *   correct (0.05 = five percentage points).
 * - Q1 = Σ n_k (O_k − E_k)² / (E_k (1 − E_k)), with K − 2 degrees of freedom for the two estimated
 *   parameters: Yen's Q1 (Yen, "Using simulation results to choose a latent trait model",
 *   Applied Psychological Measurement 5, 1981); large against its degrees of freedom means misfit.
 *
 * Pure: the abilities come from the caller (practice tests' final estimates).
 */
import { type ItemParams, probability } from './irt';

export interface FitObservation {
  theta: number;
  /** Credit in [0, 1]. */
  credit: number;
}

export interface FitGroup {
  n: number;
  meanTheta: number;
  observed: number;
  expected: number;
}

export interface ItemFit {
  groups: FitGroup[];
  rmse: number;
  q1: number;
  /** Groups minus the two estimated parameters; 0 with two groups (Q1 then says little). */
  df: number;
}

/** Takers per ability group at the least: fewer make the observed proportion too noisy to compare. */
export const minFitGroupSize = 10;

/**
 * The fit of one item, with up to `maxGroups` ability groups of at least minFitGroupSize takers;
 * null below two groups' worth of observations.
 */
export function itemFit(item: ItemParams, observations: readonly FitObservation[], maxGroups = 10): ItemFit | null {
  const count = Math.min(maxGroups, Math.floor(observations.length / minFitGroupSize));
  if (count < 2) return null;
  const sorted = [...observations].sort((x, y) => x.theta - y.theta);
  const base = Math.floor(sorted.length / count);
  const extra = sorted.length % count;
  const groups: FitGroup[] = [];
  let start = 0;
  for (let k = 0; k < count; k++) {
    const size = base + (k < extra ? 1 : 0);
    const members = sorted.slice(start, start + size);
    start += size;
    const mean = (f: (o: FitObservation) => number) => members.reduce((s, o) => s + f(o), 0) / size;
    groups.push({
      n: size,
      meanTheta: mean((o) => o.theta),
      observed: mean((o) => o.credit),
      expected: mean((o) => probability(o.theta, item)),
    });
  }
  let squares = 0;
  let q1 = 0;
  for (const g of groups) {
    const gap = g.observed - g.expected;
    squares += g.n * gap * gap;
    q1 += (g.n * gap * gap) / (g.expected * (1 - g.expected));
  }
  return { groups, rmse: Math.sqrt(squares / sorted.length), q1, df: count - 2 };
}

/** The fit in plain words, by the RMSE: how far the curve is from what takers did. */
export function fitWords(fit: ItemFit): string {
  const points = Math.round(fit.rmse * 100);
  if (fit.rmse < 0.05) return `Fits well: the curve is within about ${points} percentage points of what takers did.`;
  if (fit.rmse < 0.1) {
    return `Fits acceptably: the curve is about ${points} percentage points off what takers did; read its parameters as approximate.`;
  }
  return `Fits poorly: the curve is about ${points} percentage points off what takers did, so its difficulty and discrimination describe this question badly; trust the classical figures instead.`;
}
