import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  maxFailuresPerWindow,
  type ThrottleState,
  throttleWindowMs,
  waitBeforeAttempt,
} from './throttle';

describe('login throttle', () => {
  it('lets the first three failures through at once, then doubles the wait', () => {
    let state: ThrottleState | null = null;
    const now = 1_000_000;
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      state = afterFailure(state, now);
      waits.push(waitBeforeAttempt(state, now));
    }
    expect(waits).toEqual([0, 0, 0, 1000, 2000, 4000, 8000]);
  });

  it('caps the wait at 15 minutes', () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 40; i++) state = afterFailure(state, 0);
    expect(waitBeforeAttempt(state, 0)).toBe(15 * 60 * 1000);
  });

  it('refuses after 100 failures in an hour, whatever the waits, and forgets after the window', () => {
    let state: ThrottleState = { failures: maxFailuresPerWindow - 1, windowStart: 0, nextAllowedAt: 0 };
    state = afterFailure(state, 10);
    expect(state.failures).toBe(maxFailuresPerWindow);
    expect(waitBeforeAttempt({ ...state, nextAllowedAt: 0 }, 20)).toBe(throttleWindowMs - 20);
    expect(waitBeforeAttempt(state, throttleWindowMs)).toBe(0);
    expect(afterFailure(state, throttleWindowMs).failures).toBe(1);
  });
});
