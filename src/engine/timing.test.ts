import { describe, expect, it } from 'vitest';
import { deadlineFor, defaultGraceMs, finalizationTime, isExpired, remainingSeconds, saveWindow } from './timing';

// A candidate starts a 30-minute test at a fixed instant; every check passes a timestamp.
const startedAt = Date.UTC(2026, 0, 15, 9, 0, 0);
const deadline = deadlineFor(startedAt, 30 * 60);

describe('the attempt clock', () => {
  it('fixes the deadline from the start, the limit and any extra time', () => {
    expect(deadline - startedAt).toBe(1_800_000);
    expect(deadlineFor(startedAt, 1800, 600) - startedAt).toBe(2_400_000);
  });

  it('counts whole seconds down, rounding down and never below zero', () => {
    expect(remainingSeconds(startedAt, deadline)).toBe(1800);
    expect(remainingSeconds(startedAt + 1, deadline)).toBe(1799);
    expect(remainingSeconds(deadline - 999, deadline)).toBe(0);
    expect(remainingSeconds(deadline - 1000, deadline)).toBe(1);
    expect(remainingSeconds(deadline + 60_000, deadline)).toBe(0);
  });

  it('expires at the deadline itself', () => {
    expect(isExpired(deadline - 1, deadline)).toBe(false);
    expect(isExpired(deadline, deadline)).toBe(true);
  });

  it('accepts saves until deadline + grace, inclusive, and refuses them 1 ms later', () => {
    expect(defaultGraceMs).toBe(5000);
    expect(saveWindow(deadline - 1000, deadline)).toBe('open');
    expect(saveWindow(deadline - 1, deadline)).toBe('open');
    expect(saveWindow(deadline, deadline)).toBe('grace');
    expect(saveWindow(deadline + defaultGraceMs, deadline)).toBe('grace');
    expect(saveWindow(deadline + defaultGraceMs + 1, deadline)).toBe('closed');
    expect(saveWindow(deadline + 1, deadline, 0)).toBe('closed');
  });

  it('dates a finished attempt at the deadline when it ran out, however late we notice', () => {
    expect(finalizationTime(deadline - 5000, deadline)).toBe(deadline - 5000);
    expect(finalizationTime(deadline, deadline)).toBe(deadline);
    expect(finalizationTime(deadline + 3_600_000, deadline)).toBe(deadline);
  });
});
