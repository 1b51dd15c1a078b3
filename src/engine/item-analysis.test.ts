import { describe, expect, it } from 'vitest';
import {
  analyseAssessment,
  analyseItem,
  type ItemDefinition,
  type ItemObservation,
  minResponsesForFlags,
  type TakerResponses,
} from './item-analysis';
import { kr20 } from './reliability';

const plain = (itemId: string, area = 'alpha'): ItemDefinition => ({ itemId, area, weight: 1, options: null });

/** Takers from a matrix of credits, one column per item i1, i2, ... */
function takersOf(matrix: number[][], itemIds?: string[]): TakerResponses[] {
  return matrix.map((row) => ({
    responses: row.map((credit, i) => ({
      itemId: itemIds?.[i] ?? `i${i + 1}`,
      credit,
      answered: true,
      chosen: null,
      timeMs: null,
    })),
  }));
}

/** The same five takers and four items as reliability.test.ts: KR-20 = 16/23, σ² of totals 1.84. */
const matrix = [
  [1, 1, 1, 0],
  [1, 1, 0, 0],
  [1, 0, 1, 1],
  [0, 0, 0, 0],
  [1, 1, 1, 1],
];

describe('analyseAssessment on a hand-worked matrix', () => {
  const analysis = analyseAssessment(
    ['i1', 'i2', 'i3', 'i4'].map((id) => plain(id)),
    takersOf(matrix),
  );

  it('gives facility and the corrected point-biserial (item against the rest)', () => {
    /*
     * i1: credits (1, 1, 1, 0, 1), rest = total − item = (2, 1, 2, 0, 3).
     *   deviations .2 .2 .2 −.8 .2 and .4 −.6 .4 −1.6 1.4 (rest mean 1.6)
     *   Sxy = .08 − .12 + .08 + 1.28 + .28 = 1.6; Sxx = .8; Syy = .16 + .36 + .16 + 2.56 + 1.96 = 5.2
     *   r = 1.6 / √(.8 · 5.2) = 1.6 / √4.16 ≈ 0.7845
     * i4: credits (0, 0, 1, 0, 1), rest (3, 2, 2, 0, 3), rest mean 2
     *   Sxy = (−.4)(1) + 0 + 0 + (−.4)(−2) + (.6)(1) = 1; Sxx = 1.2; Syy = 6
     *   r = 1 / √7.2 ≈ 0.3727
     * The engine's rest score is a percentage of the rest's maximum (rest / 3 · 100): the same r.
     */
    const [i1, , , i4] = analysis.items;
    expect(i1?.facility).toBeCloseTo(0.8, 12);
    expect(i1?.discrimination).toBeCloseTo(1.6 / Math.sqrt(4.16), 12);
    expect(i4?.facility).toBeCloseTo(0.4, 12);
    expect(i4?.discrimination).toBeCloseTo(1 / Math.sqrt(7.2), 12);
    expect(i1).toMatchObject({ drawn: 5, answered: 5, unansweredShare: 0, options: null, meanTimeMs: null });
  });

  it('gives KR-20, and the SEM in percent points: 25 · √0.56', () => {
    expect(analysis.attempts).toBe(5);
    expect(analysis.reliability.design).toBe('fixed');
    expect(analysis.reliability.k).toBe(4);
    expect(analysis.reliability.alpha).toBeCloseTo(16 / 23, 12);
    expect(analysis.reliability.alpha).toBeCloseTo(kr20(matrix as (0 | 1)[][]) ?? Number.NaN, 12);
    // Totals 3, 2, 3, 0, 4 of 4 → percent ×25: SD = 25·√1.84, SEM = 25·√(1.84·7/23) = 25·√0.56.
    expect(analysis.scores).toEqual([75, 50, 75, 0, 100]);
    expect(analysis.summary?.sd).toBeCloseTo(25 * Math.sqrt(1.84), 10);
    expect(analysis.reliability.sem).toBeCloseTo(25 * Math.sqrt(0.56), 10);
  });

  it('shows no flags below the minimum number of attempts', () => {
    expect(analysis.items.every((i) => i.flags.length === 0)).toBe(true);
  });

  it('repeats the figures per area, each area on its own percent scale', () => {
    const split = analyseAssessment(
      [plain('i1', 'a'), plain('i2', 'a'), plain('i3', 'b'), plain('i4', 'b')],
      takersOf(matrix),
    );
    const [a, b] = split.areas;
    expect(a?.area).toBe('a');
    // Area a (i1, i2): totals (2, 2, 1, 0, 2) of 2. Item variances pq: .16 + .24 = .4. Totals:
    // mean 1.4, deviations .6 .6 −.4 −1.4 .6 → σ² = (.36·3 + .16 + 1.96)/5 = .64.
    // Alpha = 2 · (1 − .4/.64) = 0.75.
    expect(a?.scores).toEqual([100, 100, 50, 0, 100]);
    expect(a?.reliability.alpha).toBeCloseTo(0.75, 12);
    expect(b?.reliability.k).toBe(2);
    expect(split.reliability.alpha).toBeCloseTo(16 / 23, 12);
  });

  it('weighs an item by its time weight in the total and the rest score', () => {
    const weighted = analyseAssessment(
      [{ ...plain('i1'), weight: 2 }, plain('i2'), plain('i3'), plain('i4')],
      takersOf(matrix),
    );
    // T1 earns 2 + 1 + 1 + 0 = 4 of 5 points.
    expect(weighted.scores[0]).toBeCloseTo(80, 12);
    // i4's rest for T1 is (4 − 0) / (5 − 1) of the rest's maximum: unchanged ranks, a new correlation.
    expect(weighted.items[3]?.discrimination).not.toBeCloseTo(1 / Math.sqrt(7.2), 3);
  });

  it('refuses a response to an item it was not told about', () => {
    expect(() => analyseAssessment([plain('i1')], takersOf([[1, 0]]))).toThrow(/i2/);
  });
});

describe('analyseItem on a choice question', () => {
  /*
   * Five takers with criteria 10, 20, 30, 40, 50 choosing b, b, a, a, c; a is keyed.
   *   credit (0, 0, 1, 1, 0): mean .4, deviations −.4 −.4 .6 .6 −.4, criterion deviations −20 −10 0 10 20
   *     Sxy = 8 + 4 + 0 + 6 − 8 = 10, Sxx = 1.2, Syy = 1000 → r = 10/√1200 ≈ 0.2887
   *   chose b (1, 1, 0, 0, 0): Sxy = −12 − 6 + 0 − 4 − 8 = −30, Sxx = 1.2 → r = −30/√1200 ≈ −0.866
   *   chose c (0, 0, 0, 0, 1): Sxy = 4 + 2 + 0 − 2 + 16 = 20, Sxx = .8 → r = 20/√800 ≈ 0.7071
   * c, a wrong option, is chosen by the strongest taker: the flag once there are enough attempts.
   * Repeating the five takers six times leaves every correlation as it is and reaches 30.
   */
  const definition: ItemDefinition = {
    itemId: 'q',
    area: 'alpha',
    weight: 1,
    options: [
      { id: 'a', keyed: true },
      { id: 'b', keyed: false },
      { id: 'c', keyed: false },
      { id: 'd', keyed: false },
    ],
  };
  const five: ItemObservation[] = ['b', 'b', 'a', 'a', 'c'].map((choice, i) => ({
    credit: choice === 'a' ? 1 : 0,
    answered: true,
    chosen: [choice],
    timeMs: (i + 1) * 1000,
    criterion: (i + 1) * 10,
  }));

  it('gives each option its share and point-biserial', () => {
    const item = analyseItem(definition, five);
    expect(item.facility).toBeCloseTo(0.4, 12);
    expect(item.discrimination).toBeCloseTo(10 / Math.sqrt(1200), 12);
    expect(item.meanTimeMs).toBe(3000);
    const [a, b, c, d] = item.options ?? [];
    expect(a).toMatchObject({ id: 'a', keyed: true, count: 2, share: 0.4 });
    expect(b?.discrimination).toBeCloseTo(-30 / Math.sqrt(1200), 12);
    expect(c?.discrimination).toBeCloseTo(20 / Math.sqrt(800), 12);
    // Nobody chose d: a share of 0 and nothing to correlate.
    expect(d).toMatchObject({ count: 0, share: 0, discrimination: null });
    expect(item.flags).toEqual([]);
  });

  it(`flags the distractor that draws strong takers from ${minResponsesForFlags} attempts on`, () => {
    const thirty = Array.from({ length: 6 }, () => five).flat();
    expect(thirty).toHaveLength(minResponsesForFlags);
    const item = analyseItem(definition, thirty);
    expect(item.options?.[2]?.discrimination).toBeCloseTo(20 / Math.sqrt(800), 12);
    expect(item.flags).toEqual([{ kind: 'distractor-draws-strong', optionId: 'c' }]);
    expect(analyseItem(definition, thirty.slice(1)).flags).toEqual([]);
  });

  it('counts an unanswered item as drawn, scored 0, with no option chosen', () => {
    const item = analyseItem(definition, [
      ...five,
      { credit: 0, answered: false, chosen: null, timeMs: null, criterion: 0 },
    ]);
    expect(item).toMatchObject({ drawn: 6, answered: 5 });
    expect(item.unansweredShare).toBeCloseTo(1 / 6, 12);
    expect(item.facility).toBeCloseTo(2 / 6, 12);
    expect(item.options?.[0]?.share).toBeCloseTo(2 / 6, 12);
    expect(item.meanTimeMs).toBe(3000);
  });

  it('flags facility above 0.95 and below 0.1', () => {
    // Takers who got it right score higher on the rest: the item discriminates, only its facility is off.
    const many = (credit: number, n: number): ItemObservation[] =>
      Array.from({ length: n }, (_, i) => ({
        credit,
        answered: true,
        chosen: null,
        timeMs: null,
        criterion: 50 * credit + i,
      }));
    const easy = analyseItem(plain('easy'), [...many(1, 39), ...many(0, 1)]);
    expect(easy.facility).toBeCloseTo(0.975, 12);
    expect(easy.flags).toEqual([{ kind: 'too-easy' }]);
    const hard = analyseItem(plain('hard'), [...many(0, 37), ...many(1, 3)]);
    expect(hard.flags).toEqual([{ kind: 'too-hard' }]);
    const fine = analyseItem(plain('fine'), [...many(0, 20), ...many(1, 20)]);
    expect(fine.flags).toEqual([]);
  });
});
