import { describe, expect, it } from 'vitest';
import { cronbachAlpha, describeScores, kr20, standardErrorOfMeasurement, variance } from './reliability';

/*
 * Five takers, four items scored 0/1, worked by hand:
 *
 *          i1 i2 i3 i4 | total
 *   T1      1  1  1  0 |   3
 *   T2      1  1  0  0 |   2
 *   T3      1  0  1  1 |   3
 *   T4      0  0  0  0 |   0
 *   T5      1  1  1  1 |   4
 *   p      .8 .6 .6 .4
 *   pq    .16 .24 .24 .24    Σpq = 0.88
 *
 * Totals: mean 12/5 = 2.4, squared deviations .36 + .16 + .36 + 5.76 + 2.56 = 9.2, σ² = 9.2/5 = 1.84.
 * KR-20 = 4/3 · (1 − 0.88/1.84) = 4/3 · 12/23 = 16/23 ≈ 0.6957.
 * SEM = √1.84 · √(1 − 16/23) = √(1.84 · 7/23) = √0.56 ≈ 0.7483.
 */
const dichotomous: (0 | 1)[][] = [
  [1, 1, 1, 0],
  [1, 1, 0, 0],
  [1, 0, 1, 1],
  [0, 0, 0, 0],
  [1, 1, 1, 1],
];

/*
 * Three takers, three items with partial credit:
 *
 *          i1  i2  i3 | total
 *   T1      1  .5   1 |  2.5
 *   T2     .5  .5   0 |  1
 *   T3      0   0  .5 |  0.5
 *
 * Item variances: i1 (1, .5, 0) mean .5 → (.25 + 0 + .25)/3 = 1/6; i2 (.5, .5, 0) mean 1/3 →
 * (1/36 + 1/36 + 4/36)/3 = 1/18; i3 as i1 = 1/6. Σ = 7/18.
 * Totals mean 4/3, deviations 7/6, −1/3, −5/6 → (49 + 4 + 25)/36/3 = 13/18.
 * Alpha = 3/2 · (1 − 7/13) = 9/13 ≈ 0.6923.
 */
const partial = [
  [1, 0.5, 1],
  [0.5, 0.5, 0],
  [0, 0, 0.5],
];

describe('Cronbach alpha and KR-20', () => {
  it('match the hand computation on 0/1 items, and each other', () => {
    expect(kr20(dichotomous)).toBeCloseTo(16 / 23, 12);
    expect(cronbachAlpha(dichotomous)).toBeCloseTo(16 / 23, 12);
  });

  it('alpha takes partial credit', () => {
    expect(cronbachAlpha(partial)).toBeCloseTo(9 / 13, 12);
  });

  it('is undefined for one item, one taker, a ragged matrix or totals that do not vary', () => {
    expect(cronbachAlpha([[1], [0]])).toBeNull();
    expect(cronbachAlpha([[1, 0, 1]])).toBeNull();
    expect(cronbachAlpha([[1, 0], [1]])).toBeNull();
    expect(
      cronbachAlpha([
        [1, 0],
        [0, 1],
      ]),
    ).toBeNull();
    expect(kr20([])).toBeNull();
  });

  it('goes negative when items disagree, and the SEM then counts the whole spread', () => {
    const alpha = cronbachAlpha([
      [1, 0, 1],
      [0, 1, 1],
      [1, 0, 0],
      [0, 1, 0],
    ]);
    // Items 1 and 2 are exact opposites: totals vary only through item 3.
    expect(alpha).toBeLessThan(0);
    expect(standardErrorOfMeasurement(2, alpha)).toBe(2);
  });
});

describe('standard error of measurement', () => {
  it('is SD · √(1 − alpha)', () => {
    const sd = Math.sqrt(variance(dichotomous.map((row) => row.reduce<number>((s, x) => s + x, 0))));
    expect(sd).toBeCloseTo(Math.sqrt(1.84), 12);
    expect(standardErrorOfMeasurement(sd, kr20(dichotomous))).toBeCloseTo(Math.sqrt(0.56), 12);
    expect(standardErrorOfMeasurement(10, 1)).toBe(0);
    expect(standardErrorOfMeasurement(10, null)).toBeNull();
  });
});

describe('describeScores', () => {
  it('gives n, mean, population SD, median and range', () => {
    const summary = describeScores([3, 2, 3, 0, 4]);
    expect(summary).toMatchObject({ n: 5, median: 3, min: 0, max: 4 });
    expect(summary?.mean).toBeCloseTo(2.4, 12);
    expect(summary?.sd).toBeCloseTo(Math.sqrt(1.84), 12);
    expect(describeScores([1, 4])?.median).toBe(2.5);
    expect(describeScores([])).toBeNull();
  });
});
