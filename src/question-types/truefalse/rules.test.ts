import { describe, expect, it } from 'vitest';
import { createRng } from '../../engine/random';
import { trueFalseRules as rules, type TrueFalseKey } from './rules';

describe('truefalse', () => {
  it('reads the chosen word, and nothing chosen as a cleared answer', () => {
    expect(rules.readForm({ choice: 'false' }, [])).toEqual({ kind: 'values', values: ['false'] });
    expect(rules.readForm({ choice: '' }, [])).toEqual({ kind: 'empty' });
    expect(rules.parseAnswer(['maybe'], [])).toEqual({ ok: false, error: 'Choose true or false.' });
  });

  it('has no options to order', () => {
    expect(rules.optionOrder([], createRng('x'), true)).toBeNull();
  });

  it('shows the saved value checked and reads as True or False', () => {
    expect([...(rules.formState({ type: 'truefalse', value: false }, []).checked ?? [])]).toEqual(['false']);
    expect(rules.answerHtml({ type: 'truefalse', value: false }, [])).toBe('False');
    expect(rules.keyHtml({ type: 'truefalse', correct: true }, [])).toBe('True');
  });

  it('simulates the key and its opposite', () => {
    const key: TrueFalseKey = { type: 'truefalse', correct: false };
    expect(rules.simulatedAnswer(key, [], true, createRng('x'))).toEqual({ type: 'truefalse', value: false });
    expect(rules.simulatedAnswer(key, [], false, createRng('x'))).toEqual({ type: 'truefalse', value: true });
  });
});
