import { describe, expect, it } from 'vitest';
import { isPageSignal } from './attempt-events';
import { isDecision } from './decisions';
import { isRole } from './roles';

describe('vocabulary guards', () => {
  it('accept exactly the listed words', () => {
    expect(['owner', 'admin', 'reviewer', 'Owner', 'root', ''].filter(isRole)).toEqual(['owner', 'admin', 'reviewer']);
    expect(['advance', 'hold', 'reject', 'none', 'ADVANCE'].filter(isDecision)).toEqual(['advance', 'hold', 'reject']);
    expect(['focus_lost', 'paste', 'late_save', 'started', 'new_device'].filter(isPageSignal)).toEqual([
      'focus_lost',
      'paste',
    ]);
  });
});
