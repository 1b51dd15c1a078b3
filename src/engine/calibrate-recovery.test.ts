/**
 * Parameter recovery of the 2PL calibration on simulated data: 2,000 takers answer 40 items of
 * known parameters, and the calibration is run the way production runs it
 * (src/practice/calibration.ts): each taker's ability is the test's own EAP estimate under the
 * items' priors from authored difficulty, and calibrateItem fits each item against those
 * abilities. The estimated difficulties must follow the true ones (r >= 0.95).
 */
import { describe, expect, it } from 'vitest';
import { calibrateItem, correlation } from './calibrate';
import { estimateEAP, type ItemParams, priorFromDifficulty, probability } from './irt';
import { createRng, randomNormal } from './random';

const takers = 2000;
const itemCount = 40;

describe('2PL calibration recovers simulated items', () => {
  it('estimates difficulties that correlate >= 0.95 with the true ones (2,000 takers, 40 items)', () => {
    const rng = createRng('calibration-recovery');
    const truth: ItemParams[] = Array.from({ length: itemCount }, () => ({
      a: 0.6 + 1.4 * rng(),
      b: Math.max(-2.5, Math.min(2.5, 1.1 * randomNormal(rng))),
    }));
    // Authors guess difficulty on a 1-5 scale, about one level off at times.
    const priors = truth.map((t) => priorFromDifficulty(Math.round(t.b + 3 + 0.8 * randomNormal(rng))));
    const scores = Array.from({ length: takers }, () => {
      const theta = randomNormal(rng);
      return truth.map((item) => (rng() < probability(theta, item) ? 1 : 0));
    });
    const thetas = scores.map(
      (row) => estimateEAP(row.map((score, i) => ({ ...(priors[i] as ItemParams), score }))).theta,
    );
    const estimates = truth.map((_, i) =>
      calibrateItem(
        scores.map((row, t) => ({ theta: thetas[t] as number, score: row[i] as number })),
        priors[i] as ItemParams,
      ),
    );
    const difficulty = correlation(
      truth.map((t) => t.b),
      estimates.map((e) => e.b),
    );
    const discrimination = correlation(
      truth.map((t) => t.a),
      estimates.map((e) => e.a),
    );
    const authored = correlation(
      truth.map((t) => t.b),
      priors.map((p) => p.b),
    );
    console.log(
      `2PL recovery, ${takers} takers x ${itemCount} items: r(true b, estimated b) = ${difficulty?.toFixed(3)}, ` +
        `r(true a, estimated a) = ${discrimination?.toFixed(3)}; the authored difficulty alone: r = ${authored?.toFixed(3)}`,
    );
    expect(difficulty).toBeGreaterThanOrEqual(0.95);
    // The data, not the prior, carries the estimate: it beats the authors' guess it started from.
    expect(difficulty ?? 0).toBeGreaterThan(authored ?? 1);
    expect(discrimination).toBeGreaterThan(0.8);
  });
});
