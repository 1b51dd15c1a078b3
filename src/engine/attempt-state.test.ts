import { describe, expect, it } from 'vitest';
import { type AttemptClock, acceptsSaves, canTransition, finalize, isDueForFinalization } from './attempt-state';

const deadlineAt = Date.UTC(2026, 0, 15, 9, 30, 0);
// The grace is a setting the caller passes; 5 s is the default one.
const graceMs = 5000;
const running: AttemptClock = { state: 'in_progress', deadlineAt, submittedAt: null };

describe('attempt states', () => {
  it('moves only from in_progress, and only to submitted or expired', () => {
    expect(canTransition('in_progress', 'submitted')).toBe(true);
    expect(canTransition('in_progress', 'expired')).toBe(true);
    expect(canTransition('submitted', 'expired')).toBe(false);
    expect(canTransition('expired', 'submitted')).toBe(false);
    expect(canTransition('submitted', 'in_progress')).toBe(false);
  });

  it('walkthrough: the candidate finishes early, then clicks finish again', () => {
    const finished = finalize(running, deadlineAt - 60_000);
    expect(finished).toEqual({ changed: true, state: 'submitted', submittedAt: deadlineAt - 60_000 });
    const again = finalize({ state: 'submitted', deadlineAt, submittedAt: deadlineAt - 60_000 }, deadlineAt - 1000);
    expect(again).toEqual({ changed: false, state: 'submitted', submittedAt: deadlineAt - 60_000 });
  });

  it('walkthrough: the candidate closes the tab and the sweep finds the attempt an hour later', () => {
    expect(isDueForFinalization(running, deadlineAt + graceMs, graceMs)).toBe(false);
    expect(isDueForFinalization(running, deadlineAt + 3_600_000, graceMs)).toBe(true);
    expect(finalize(running, deadlineAt + 3_600_000)).toEqual({
      changed: true,
      state: 'expired',
      submittedAt: deadlineAt,
    });
  });

  it('a finish that arrives during the grace window is expired at the deadline', () => {
    expect(finalize(running, deadlineAt + 2000)).toEqual({ changed: true, state: 'expired', submittedAt: deadlineAt });
    expect(finalize(running, deadlineAt)).toEqual({ changed: true, state: 'expired', submittedAt: deadlineAt });
  });

  it('accepts saves while in progress and inside the save window only', () => {
    expect(acceptsSaves(running, deadlineAt - 1000, graceMs)).toBe(true);
    expect(acceptsSaves(running, deadlineAt + graceMs, graceMs)).toBe(true);
    expect(acceptsSaves(running, deadlineAt + graceMs + 1, graceMs)).toBe(false);
    expect(
      acceptsSaves({ ...running, state: 'submitted', submittedAt: deadlineAt - 5000 }, deadlineAt - 1000, graceMs),
    ).toBe(false);
    expect(
      isDueForFinalization({ ...running, state: 'expired', submittedAt: deadlineAt }, deadlineAt + 3_600_000, graceMs),
    ).toBe(false);
  });
});
