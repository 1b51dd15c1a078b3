import { describe, expect, it } from 'vitest';
import { backoffMs, maxDelayMs, nextTryAt, retryWindowMs } from './retry';

describe('retry schedule', () => {
  it('doubles from 10 s and stops growing at 2 h', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(backoffMs(30)).toBe(maxDelayMs);
  });

  it('jitters each delay within ±20 %', () => {
    const at = (random: number) => nextTryAt({ tries: 3, createdAt: 0, now: 1000, random }) ?? 0;
    expect(at(0)).toBe(1000 + 32_000);
    expect(at(0.5)).toBe(1000 + 40_000);
    expect(at(0.999_999)).toBeCloseTo(1000 + 48_000, -1);
  });

  it('keeps trying for at least 24 h, then gives up', () => {
    // Unlucky jitter everywhere (the shortest delays): the tries still span the whole day.
    let now = 0;
    let tries = 0;
    for (;;) {
      tries++;
      const next = nextTryAt({ tries, createdAt: 0, now, random: 0 });
      if (next === null) break;
      now = next;
      expect(tries).toBeLessThan(100);
    }
    expect(now).toBeGreaterThanOrEqual(retryWindowMs);
    expect(now).toBeLessThan(retryWindowMs + maxDelayMs * 1.2);
  });

  it('never retries a message sent once', () => {
    expect(nextTryAt({ tries: 1, createdAt: 0, now: 0, random: 0.5, once: true })).toBeNull();
  });
});
