/**
 * Item analysis against takers simulated from known 2PL parameters (src/engine/irt.ts) with a
 * seeded generator: the classical figures must move the way the true parameters say they should.
 */
import { describe, expect, it } from 'vitest';
import { correlation } from './calibrate';
import { type ItemParams, probability } from './irt';
import { analyseAssessment, type ItemDefinition, type TakerResponses } from './item-analysis';
import { createRng, type Rng, randomNormal, shuffle } from './random';
import { cronbachAlpha, kr20 } from './reliability';

/** A 0/1 matrix: one row per simulated taker (theta from N(0, 1)), one column per item. */
function simulateMatrix(items: readonly ItemParams[], takers: number, rng: Rng): (0 | 1)[][] {
  return Array.from({ length: takers }, () => {
    const theta = randomNormal(rng);
    return items.map((item) => (rng() < probability(theta, item) ? 1 : 0));
  });
}

const definitionsOf = (n: number): ItemDefinition[] =>
  Array.from({ length: n }, (_, i) => ({ itemId: `i${i}`, area: 'alpha', weight: 1, options: null }));

function takersOf(matrix: readonly (readonly number[])[], ids?: (row: number) => string[]): TakerResponses[] {
  return matrix.map((row, t) => ({
    responses: row.map((credit, i) => ({
      itemId: ids?.(t)[i] ?? `i${i}`,
      credit,
      answered: true,
      chosen: null,
      timeMs: null,
    })),
  }));
}

/** Difficulties spread evenly over [−1.5, 1.5]. */
const spread = (n: number, i: number) => (n === 1 ? 0 : -1.5 + (3 * i) / (n - 1));

describe('item analysis of simulated takers', () => {
  it('gives items of higher discrimination a higher point-biserial, and flags the one that runs backwards', () => {
    const rng = createRng('item-analysis-discrimination');
    // Discriminations 0.3 to 2.5 on alternating difficulties, then one item with a = −1.2:
    // strong takers are less likely to get it right (a miskeyed item behaves so).
    const truth: ItemParams[] = Array.from({ length: 24 }, (_, i) => ({
      a: 0.3 + (2.2 * i) / 23,
      b: i % 2 ? 0.5 : -0.5,
    }));
    truth.push({ a: -1.2, b: 0 });
    const matrix = simulateMatrix(truth, 1500, rng);
    const analysis = analyseAssessment(definitionsOf(truth.length), takersOf(matrix));
    const positive = analysis.items.slice(0, 24).map((i) => i.discrimination ?? Number.NaN);
    // Rank agreement between a and the point-biserial over the 24 ordinary items.
    expect(
      correlation(
        truth.slice(0, 24).map((t) => t.a),
        positive,
      ),
    ).toBeGreaterThan(0.9);
    const weakest = positive.slice(0, 4).reduce((s, x) => s + x, 0) / 4;
    const strongest = positive.slice(-4).reduce((s, x) => s + x, 0) / 4;
    expect(strongest).toBeGreaterThan(weakest + 0.2);
    const backwards = analysis.items[24];
    expect(backwards?.discrimination).toBeLessThan(-0.1);
    expect(backwards?.flags).toContainEqual({ kind: 'negative-discrimination' });
    // No ordinary item with a ≥ 0.8 is flagged at all.
    const flagged = analysis.items.slice(0, 24).filter((item, i) => (truth[i]?.a ?? 0) >= 0.8 && item.flags.length);
    expect(flagged).toEqual([]);
  });

  it('gives a higher alpha to a longer test of the same kind of items, as Spearman-Brown predicts', () => {
    const rng = createRng('item-analysis-length');
    const alphas = [5, 10, 20, 40].map((k) => {
      const items = Array.from({ length: k }, (_, i) => ({ a: 1.2, b: spread(k, i) }));
      return analyseAssessment(definitionsOf(k), takersOf(simulateMatrix(items, 1000, rng))).reliability.alpha ?? 0;
    });
    for (let i = 1; i < alphas.length; i++) expect(alphas[i]).toBeGreaterThan(alphas[i - 1] ?? 1);
    // Doubling the length: ρ₂ = 2ρ/(1 + ρ). Simulated alphas follow it to within a few hundredths.
    const [a5 = 0, a10 = 0] = alphas;
    expect(Math.abs(a10 - (2 * a5) / (1 + a5))).toBeLessThan(0.05);
  });

  it('computes the same alpha as KR-20 on 0/1 data', () => {
    const rng = createRng('item-analysis-kr20');
    const items = Array.from({ length: 15 }, (_, i) => ({ a: 0.7 + (i % 5) * 0.3, b: spread(15, i) }));
    const matrix = simulateMatrix(items, 400, rng);
    const viaEngine = analyseAssessment(definitionsOf(15), takersOf(matrix)).reliability.alpha;
    expect(viaEngine).toBeCloseTo(kr20(matrix) ?? Number.NaN, 10);
    expect(viaEngine).toBeCloseTo(cronbachAlpha(matrix) ?? Number.NaN, 10);
  });

  it('counts the luck of the draw as error when takers draw 20 questions from a pool of 60', () => {
    const rng = createRng('item-analysis-random-forms');
    const pool = Array.from({ length: 60 }, (_, i) => ({ a: 1.2, b: spread(60, i) }));
    const full = simulateMatrix(pool, 1500, rng);
    // Each taker is shown a random 20 of the 60: their own columns of the full matrix.
    const drawn = full.map(() =>
      shuffle(
        pool.map((_, i) => i),
        rng,
      ).slice(0, 20),
    );
    const takers = takersOf(
      full.map((row, t) => (drawn[t] ?? []).map((i) => row[i] ?? 0)),
      (t) => (drawn[t] ?? []).map((i) => `i${i}`),
    );
    const random = analyseAssessment(definitionsOf(60), takers).reliability;
    expect(random.design).toBe('random');
    expect(random.k).toBe(20);
    // The alpha of one fixed 20-item form from the same pool and population.
    const fixedItems = pool.filter((_, i) => i % 3 === 0);
    const fixed = cronbachAlpha(simulateMatrix(fixedItems, 1500, rng)) ?? 0;
    // Random forms add the spread of the questions' difficulty to the error: a little lower, same region.
    expect(random.alpha ?? 0).toBeLessThan(fixed + 0.02);
    expect(random.alpha ?? 0).toBeGreaterThan(fixed - 0.12);
  });
});
