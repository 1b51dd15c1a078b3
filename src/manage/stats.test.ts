import { describe, expect, it } from 'vitest';
import { histogram, median, percentStandardError } from './stats';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('histogram', () => {
  it('counts scores in 10-point bins with 100 in the last one', () => {
    const bins = histogram([0, 9.9, 10, 59.9, 60, 100, 95]);
    expect(bins).toHaveLength(10);
    expect(bins.map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 1, 1, 0, 0, 2]);
    expect(bins[9]).toMatchObject({ from: 90, to: 100 });
  });
});

describe('percentStandardError', () => {
  it('is 100·√(p(1−p)/n) with p = (correct + 1)/(n + 2), never zero at the extremes', () => {
    expect(percentStandardError(50, 10)).toBeCloseTo(100 * Math.sqrt(0.25 / 10), 6);
    expect(percentStandardError(100, 12)).toBeCloseTo(100 * Math.sqrt(((13 / 14) * (1 / 14)) / 12), 6);
    expect(percentStandardError(0, 12)).toBeGreaterThan(0);
    expect(percentStandardError(50, 0)).toBeNull();
    expect(percentStandardError(50, 40) ?? 0).toBeLessThan(percentStandardError(50, 10) ?? 0);
  });
});
