import { describe, expect, it } from 'vitest';
import { calibrateItem, correlation, itemStatistics, minResponsesForCalibration } from './calibrate';
import { probability } from './irt';
import { createRng, randomNormal } from './random';

function simulate(n: number, item: { a: number; b: number }, seed: string) {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const theta = randomNormal(rng);
    return { theta, score: rng() < probability(theta, item) ? 1 : 0 };
  });
}

describe('item statistics', () => {
  it('reports n, p-value, point-biserial and mean time', () => {
    const stats = itemStatistics([
      { score: 1, criterion: 30, timeMs: 20_000 },
      { score: 1, criterion: 25, timeMs: 40_000 },
      { score: 0, criterion: 10 },
      { score: 0, criterion: 15 },
    ]);
    expect(stats.n).toBe(4);
    expect(stats.pValue).toBe(0.5);
    expect(stats.meanTimeMs).toBe(30_000);
    // Hand computation: scores centred ±0.5, criteria centred 10, 5, −10, −5 → 15 / sqrt(1 · 250).
    expect(stats.pointBiserial).toBeCloseTo(15 / Math.sqrt(250), 12);
  });

  it('has nothing to correlate when everyone scored alike, or nobody answered', () => {
    expect(
      itemStatistics([
        { score: 1, criterion: 3 },
        { score: 1, criterion: 5 },
      ]).pointBiserial,
    ).toBeNull();
    expect(itemStatistics([])).toEqual({ n: 0, pValue: null, pointBiserial: null, meanTimeMs: null });
    expect(correlation([1], [2])).toBeNull();
  });

  it('flags a miskeyed item with a negative point-biserial', () => {
    const responses = simulate(500, { a: 1.2, b: 0 }, 'miskey').map((r) => ({
      score: 1 - r.score,
      criterion: r.theta,
    }));
    expect(itemStatistics(responses).pointBiserial).toBeLessThan(-0.2);
  });
});

describe('calibrateItem', () => {
  it('keeps the prior below the minimum number of responses', () => {
    const prior = { a: 1, b: 1 };
    expect(minResponsesForCalibration).toBe(30);
    expect(calibrateItem(simulate(29, { a: 2, b: -1 }, 'few'), prior)).toBe(prior);
  });

  it('recovers a and b from 2000 simulated responses', () => {
    for (const truth of [
      { a: 1.5, b: 0.8 },
      { a: 0.8, b: -1.2 },
      { a: 2, b: 1.8 },
    ]) {
      const estimate = calibrateItem(simulate(2000, truth, `cal-${truth.b}`), { a: 1, b: Math.round(truth.b) });
      expect(Math.abs(estimate.b - truth.b)).toBeLessThan(0.3);
      expect(Math.abs(estimate.a - truth.a)).toBeLessThan(0.35);
    }
  });

  it('moves a wrong prior towards the data and keeps a in range', () => {
    const estimate = calibrateItem(simulate(400, { a: 1.2, b: 1.5 }, 'wrong-prior'), { a: 1, b: -1 });
    expect(estimate.b).toBeGreaterThan(0.8);
    const flat = calibrateItem(
      Array.from({ length: 100 }, (_, i) => ({ theta: (i - 50) / 20, score: i % 2 })),
      { a: 1, b: 0 },
    );
    expect(flat.a).toBeGreaterThanOrEqual(0.3);
    expect(flat.a).toBeLessThanOrEqual(2.5);
  });
});
