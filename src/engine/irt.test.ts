import { describe, expect, it } from 'vitest';
import { estimateEAP, estimateMAP, information, priorFromDifficulty, probability, type ScoredResponse } from './irt';

describe('the 2PL model', () => {
  it('gives a one-half chance at theta = b, rising with ability', () => {
    expect(probability(0.7, { a: 1.6, b: 0.7 })).toBe(0.5);
    expect(probability(1.7, { a: 1.6, b: 0.7 })).toBeGreaterThan(0.5);
    expect(probability(-0.3, { a: 1.6, b: 0.7 })).toBeLessThan(0.5);
    expect(probability(1, { a: 1, b: 0 })).toBeCloseTo(1 / (1 + Math.exp(-1)), 15);
  });

  it('has information a²/4 at theta = b, its maximum', () => {
    for (const item of [
      { a: 1, b: 0 },
      { a: 2.2, b: -1.3 },
      { a: 0.6, b: 2 },
    ]) {
      expect(information(item.b, item)).toBeCloseTo((item.a * item.a) / 4, 15);
      expect(information(item.b + 0.5, item)).toBeLessThan(information(item.b, item));
      expect(information(item.b - 0.5, item)).toBeLessThan(information(item.b, item));
    }
  });

  it('places the authors’ difficulty levels 1-5 at b = −2..2 with a = 1', () => {
    expect([1, 2, 3, 4, 5].map(priorFromDifficulty)).toEqual([
      { a: 1, b: -2 },
      { a: 1, b: -1 },
      { a: 1, b: 0 },
      { a: 1, b: 1 },
      { a: 1, b: 2 },
    ]);
  });
});

describe('EAP ability estimate', () => {
  it('returns the prior with no responses: theta 0, se about 1', () => {
    const { theta, se } = estimateEAP([]);
    expect(theta).toBeCloseTo(0, 12);
    expect(se).toBeCloseTo(1, 2);
  });

  it('matches a hand computation on a three-point grid', () => {
    // Grid −1, 0, 1; weights φ(x)·P(x) for one right answer on a = 1, b = 0:
    // e^−½·σ(−1), 1·½, e^−½·σ(1) → mean 0.25330, sd 0.69568.
    const { theta, se } = estimateEAP([{ a: 1, b: 0, score: 1 }], { min: -1, max: 1, points: 3 });
    expect(theta).toBeCloseTo(0.2533036, 6);
    expect(se).toBeCloseTo(0.6956828, 6);
  });

  it('matches a hand computation with a right and a wrong answer on a five-point grid', () => {
    const responses: ScoredResponse[] = [
      { a: 1, b: 0, score: 1 },
      { a: 2, b: 1, score: 0 },
    ];
    const { theta, se } = estimateEAP(responses, { min: -2, max: 2, points: 5 });
    expect(theta).toBeCloseTo(0.067736, 5);
    expect(se).toBeCloseTo(0.765176, 5);
  });

  it('moves up with right answers, down with wrong ones, and narrows as evidence grows', () => {
    const items = [-1, -0.5, 0, 0.5, 1].map((b) => ({ a: 1.2, b }));
    const right = estimateEAP(items.map((i) => ({ ...i, score: 1 })));
    const wrong = estimateEAP(items.map((i) => ({ ...i, score: 0 })));
    const mixed = estimateEAP(items.map((i, k) => ({ ...i, score: k < 3 ? 1 : 0 })));
    expect(right.theta).toBeGreaterThan(1);
    expect(wrong.theta).toBeLessThan(-1);
    expect(Math.abs(mixed.theta)).toBeLessThan(0.5);
    expect(mixed.se).toBeLessThan(0.8);
    const more = estimateEAP([...items, ...items].map((i, k) => ({ ...i, score: k % 5 < 3 ? 1 : 0 })));
    expect(more.se).toBeLessThan(mixed.se);
  });

  it('counts half credit halfway between right and wrong', () => {
    const item = { a: 1.5, b: 0.4 };
    const half = estimateEAP([{ ...item, score: 0.5 }]).theta;
    expect(half).toBeGreaterThan(estimateEAP([{ ...item, score: 0 }]).theta);
    expect(half).toBeLessThan(estimateEAP([{ ...item, score: 1 }]).theta);
  });

  it('stays finite for 40 wrong answers in a row on easy items', () => {
    const { theta, se } = estimateEAP(Array.from({ length: 40 }, () => ({ a: 2.5, b: -2, score: 0 })));
    expect(Number.isFinite(theta) && Number.isFinite(se)).toBe(true);
    expect(theta).toBeLessThan(-2.5);
    expect(se).toBeGreaterThan(0);
  });

  it('agrees with MAP for a longer test', () => {
    const responses = Array.from({ length: 30 }, (_, k) => ({
      a: 1 + (k % 3) * 0.3,
      b: -1.5 + k * 0.1,
      score: k % 4 === 0 ? 0 : 1,
    }));
    const eap = estimateEAP(responses);
    const map = estimateMAP(responses);
    expect(Math.abs(eap.theta - map.theta)).toBeLessThan(0.05);
    expect(Math.abs(eap.se - map.se)).toBeLessThan(0.05);
    expect(estimateMAP([])).toEqual({ theta: 0, se: 1 });
  });
});
