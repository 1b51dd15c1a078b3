import { describe, expect, it } from 'vitest';
import { probability } from './irt';
import { fitWords, itemFit } from './item-fit';
import { createRng, randomNormal } from './random';

/** `n` takers at `theta`, `right` of them with full credit. */
const takers = (n: number, theta: number, right: number) =>
  Array.from({ length: n }, (_, i) => ({ theta, credit: i < right ? 1 : 0 }));

describe('itemFit', () => {
  it('matches a hand computation: a = 1, b = 0, ten takers at −1 (3 right) and ten at +1 (8 right)', () => {
    const fit = itemFit({ a: 1, b: 0 }, [...takers(10, 1, 8), ...takers(10, -1, 3)]);
    // P(−1) = 1 / (1 + e) = 0.268941, P(+1) = 0.731059, P(1 − P) = 0.196612 in both groups.
    expect(fit?.groups).toEqual([
      { n: 10, meanTheta: -1, observed: 0.3, expected: expect.closeTo(0.268941, 6) },
      { n: 10, meanTheta: 1, observed: 0.8, expected: expect.closeTo(0.731059, 6) },
    ]);
    // Q1 = 10·0.031059²/0.196612 + 10·0.068941²/0.196612 = 0.049064 + 0.241741.
    expect(fit?.q1).toBeCloseTo(0.290805, 5);
    // RMSE = √((10·0.031059² + 10·0.068941²) / 20) = √0.00285878.
    expect(fit?.rmse).toBeCloseTo(0.053468, 5);
    expect(fit?.df).toBe(0);
  });

  it('needs two groups of ten, and spreads a remainder over the first groups', () => {
    expect(itemFit({ a: 1, b: 0 }, takers(19, 0, 10))).toBeNull();
    const fit = itemFit({ a: 1, b: 0 }, [...takers(11, -1, 2), ...takers(12, 1, 9)], 10);
    expect(fit?.groups.map((g) => g.n)).toEqual([12, 11]);
    expect(fit?.groups[0]?.observed).toBeCloseTo(3 / 12, 10);
  });

  it('finds data drawn from the curve itself fitting well, and a reversed item fitting poorly', () => {
    const rng = createRng('item-fit');
    const item = { a: 1.4, b: 0.3 };
    const drawn = Array.from({ length: 2000 }, () => {
      const theta = randomNormal(rng);
      return { theta, credit: rng() < probability(theta, item) ? 1 : 0 };
    });
    const fit = itemFit(item, drawn);
    expect(fit?.groups).toHaveLength(10);
    expect(fit?.df).toBe(8);
    expect(fit?.rmse).toBeLessThan(0.05);
    // Q1 of a fitting item is about its degrees of freedom.
    expect(fit?.q1).toBeLessThan(25);
    if (fit) expect(fitWords(fit)).toMatch(/^Fits well/);

    const reversed = itemFit(
      item,
      drawn.map((o) => ({ theta: -o.theta, credit: o.credit })),
    );
    expect(reversed?.rmse).toBeGreaterThan(0.1);
    if (reversed) expect(fitWords(reversed)).toMatch(/^Fits poorly/);
  });
});
