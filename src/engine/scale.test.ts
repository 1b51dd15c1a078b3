import { describe, expect, it } from 'vitest';
import { percentileRank, scaleScore, scaleUncertainty, scoreBand } from './scale';

describe('the reported scale', () => {
  it('maps theta to 200 ± 25 per SD, clamped to 100..300', () => {
    expect(scaleScore(0)).toBe(200);
    expect(scaleScore(1)).toBe(225);
    expect(scaleScore(-1.02)).toBe(175);
    expect(scaleScore(0.5)).toBe(213); // 212.5 rounds up
    expect(scaleScore(-5)).toBe(100);
    expect(scaleScore(9)).toBe(300);
    expect(scaleUncertainty(0.31)).toBe(8);
    expect(scaleUncertainty(0.3)).toBe(8); // 7.5 rounds up
  });

  it('names the band at each boundary', () => {
    expect(scoreBand(100)).toBe('Foundational');
    expect(scoreBand(149)).toBe('Foundational');
    expect(scoreBand(150)).toBe('Developing');
    expect(scoreBand(187)).toBe('Developing');
    expect(scoreBand(188)).toBe('Proficient');
    expect(scoreBand(212)).toBe('Proficient');
    expect(scoreBand(213)).toBe('Advanced');
    expect(scoreBand(237)).toBe('Advanced');
    expect(scoreBand(238)).toBe('Expert');
    expect(scoreBand(300)).toBe('Expert');
  });

  it('ranks a score among others by mid-rank, to one decimal', () => {
    expect(percentileRank(200, [])).toBeNull();
    expect(percentileRank(200, [150, 180, 200, 220])).toBe(62.5); // (2 + ½) / 4
    expect(percentileRank(100, [150, 180])).toBe(0);
    expect(percentileRank(300, [150, 180])).toBe(100);
    expect(percentileRank(200, [200])).toBe(50);
    expect(percentileRank(190, [150, 180, 200])).toBe(66.7);
  });
});
