import { describe, expect, it } from 'vitest';
import type { Answer } from './question';
import { decideSave, isSequenceNumber, sameAnswer } from './save';

const b: Answer = { type: 'single', choice: 'b' };
const c: Answer = { type: 'single', choice: 'c' };

describe('the sequence rule for saves', () => {
  it('applies the first save of a response', () => {
    expect(decideSave(null, { seq: 1, answer: b })).toEqual({ kind: 'apply' });
  });

  it('applies a newer save, even when it skips numbers (a lost save in between)', () => {
    expect(decideSave({ seq: 1, answer: b }, { seq: 4, answer: c })).toEqual({ kind: 'apply' });
  });

  it('re-acknowledges a retry of the stored save without changing it', () => {
    expect(decideSave({ seq: 3, answer: b }, { seq: 3, answer: { type: 'single', choice: 'b' } })).toEqual({
      kind: 'duplicate',
    });
  });

  it('refuses a save older than the stored one, whatever it carries', () => {
    expect(decideSave({ seq: 5, answer: c }, { seq: 4, answer: b })).toEqual({ kind: 'stale' });
    expect(decideSave({ seq: 5, answer: c }, { seq: 4, answer: c })).toEqual({ kind: 'stale' });
  });

  it('refuses the same sequence with a different answer (a second tab): the first write wins', () => {
    expect(decideSave({ seq: 5, answer: c }, { seq: 5, answer: b })).toEqual({ kind: 'stale' });
  });

  it('treats a cleared response as an answer like any other', () => {
    expect(decideSave({ seq: 2, answer: b }, { seq: 3, answer: null })).toEqual({ kind: 'apply' });
    expect(decideSave({ seq: 3, answer: null }, { seq: 3, answer: null })).toEqual({ kind: 'duplicate' });
    expect(decideSave({ seq: 3, answer: null }, { seq: 3, answer: b })).toEqual({ kind: 'stale' });
  });

  it('compares multiple-choice answers as sets and ordering answers as sequences', () => {
    expect(sameAnswer({ type: 'multiple', choices: ['a', 'c'] }, { type: 'multiple', choices: ['c', 'a'] })).toBe(true);
    expect(sameAnswer({ type: 'multiple', choices: ['a'] }, { type: 'multiple', choices: ['a', 'c'] })).toBe(false);
    expect(sameAnswer({ type: 'ordering', order: ['a', 'b'] }, { type: 'ordering', order: ['b', 'a'] })).toBe(false);
    expect(sameAnswer({ type: 'text', text: 'Redis' }, { type: 'text', text: 'redis' })).toBe(false);
    expect(sameAnswer({ type: 'numeric', value: 8 }, { type: 'numeric', value: 8 })).toBe(true);
    expect(sameAnswer({ type: 'truefalse', value: true }, { type: 'single', choice: 'true' })).toBe(false);
  });

  it('accepts only whole, non-negative sequence numbers', () => {
    expect([0, 1, 42].every(isSequenceNumber)).toBe(true);
    expect([-1, 1.5, Number.NaN, '3', null, 2 ** 60].some(isSequenceNumber)).toBe(false);
  });
});
