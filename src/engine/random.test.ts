import { describe, expect, it } from 'vitest';
import { createRng, hashString, pick, randomInt, randomNormal, shuffle } from './random';

describe('seeded randomness', () => {
  it('replays the same sequence for the same seed and a different one for another seed', () => {
    const a = createRng('attempt-1');
    const b = createRng('attempt-1');
    const c = createRng('attempt-2');
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
    expect(hashString('x')).toBe(hashString('x'));
  });

  it('stays in [0, 1) and is roughly uniform', () => {
    const rng = createRng('uniform');
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 20000; i++) {
      const x = rng();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      buckets[Math.floor(x * 10)]++;
    }
    for (const count of buckets) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });

  it('shuffles into a new array holding the same items, leaving the input alone', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const out = shuffle(items, createRng('s'));
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect([...out].sort()).toEqual(items);
    expect(shuffle(items, createRng('s'))).toEqual(out);
  });

  it('gives every permutation of three items about equally often', () => {
    const rng = createRng('perm');
    const counts = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const key = shuffle(['a', 'b', 'c'], rng).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) expect(Math.abs(count - 1000)).toBeLessThan(120);
  });

  it('picks from the list and refuses an empty one', () => {
    const rng = createRng('pick');
    expect(['x', 'y']).toContain(pick(['x', 'y'], rng));
    expect(() => pick([], rng)).toThrow(RangeError);
    expect(() => randomInt(0, rng)).toThrow(RangeError);
  });

  it('draws standard normal values', () => {
    const rng = createRng('normal');
    const xs = Array.from({ length: 20000 }, () => randomNormal(rng));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });
});
