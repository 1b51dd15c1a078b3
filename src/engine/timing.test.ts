import { describe, expect, it } from 'vitest';
import {
  closedDeadlinesBefore,
  deadlineFor,
  finalizationTime,
  isExpired,
  remainingSeconds,
  saveWindow,
  secondsUntilSavesClose,
} from './timing';

// A candidate starts a 30-minute test at a fixed instant; every check passes a timestamp.
const startedAt = Date.UTC(2026, 0, 15, 9, 0, 0);
const deadline = deadlineFor(startedAt, 30 * 60);
const graceMs = 5000;

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

  it('tells the page when saves stop counting, rounding up so it never leaves early', () => {
    expect(secondsUntilSavesClose(startedAt, deadline, graceMs)).toBe(1805);
    expect(secondsUntilSavesClose(deadline - 1, deadline, graceMs)).toBe(6);
    expect(secondsUntilSavesClose(deadline, deadline, graceMs)).toBe(5);
    expect(secondsUntilSavesClose(deadline + graceMs - 1, deadline, graceMs)).toBe(1);
    expect(secondsUntilSavesClose(deadline + graceMs, deadline, graceMs)).toBe(0);
    expect(secondsUntilSavesClose(deadline + 3_600_000, deadline, graceMs)).toBe(0);
  });

  it('expires at the deadline itself', () => {
    expect(isExpired(deadline - 1, deadline)).toBe(false);
    expect(isExpired(deadline, deadline)).toBe(true);
  });

  it('accepts saves until deadline + grace, inclusive, and refuses them 1 ms later', () => {
    expect(saveWindow(deadline - 1000, deadline, graceMs)).toBe('open');
    expect(saveWindow(deadline - 1, deadline, graceMs)).toBe('open');
    expect(saveWindow(deadline, deadline, graceMs)).toBe('grace');
    expect(saveWindow(deadline + 2000, deadline, graceMs)).toBe('grace');
    expect(saveWindow(deadline + graceMs, deadline, graceMs)).toBe('grace');
    expect(saveWindow(deadline + graceMs + 1, deadline, graceMs)).toBe('closed');
    expect(saveWindow(deadline + 1, deadline, 0)).toBe('closed');
  });

  it('gives the sweep a cutoff that selects exactly the deadlines whose save window closed', () => {
    for (const offset of [-1000, 0, 1, 2000, graceMs - 1, graceMs, graceMs + 1, 3_600_000]) {
      const now = deadline + offset;
      const selected = deadline < closedDeadlinesBefore(now, graceMs);
      expect(selected, `now = deadline + ${offset} ms`).toBe(saveWindow(now, deadline, graceMs) === 'closed');
    }
  });

  it('dates a finished attempt at the deadline when it ran out, however late we notice', () => {
    expect(finalizationTime(deadline - 5000, deadline)).toBe(deadline - 5000);
    expect(finalizationTime(deadline, deadline)).toBe(deadline);
    expect(finalizationTime(deadline + 3_600_000, deadline)).toBe(deadline);
  });
});
