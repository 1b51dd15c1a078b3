import { describe, expect, it } from 'vitest';
import { createRng } from '../../engine/random';
import { type NumericKey, numericRules as rules } from './rules';

const key: NumericKey = { type: 'numeric', value: 8, tolerance: 0.5 };

describe('numeric', () => {
  it('reads a number field, blank as a cleared answer', () => {
    expect(rules.readForm({ number: ' 1.5 ' }, [])).toEqual({ kind: 'values', values: ['1.5'] });
    expect(rules.readForm({ number: ' ' }, [])).toEqual({ kind: 'empty' });
  });

  it('shows a saved number as typed text', () => {
    expect(rules.formState({ type: 'numeric', value: 0.5 }, [])).toEqual({ text: '0.5' });
  });

  it('reads the key with its tolerance, and without one when it is 0', () => {
    expect(rules.keyHtml(key, [])).toBe('8 ± 0.5');
    expect(rules.keyHtml({ ...key, tolerance: 0 }, [])).toBe('8');
  });

  it('simulates wrong numbers outside the tolerance', () => {
    const rng = createRng('numeric');
    expect(rules.score(key, rules.simulatedAnswer(key, [], true, rng))).toBe(1);
    for (let i = 0; i < 20; i++) expect(rules.score(key, rules.simulatedAnswer(key, [], false, rng))).toBe(0);
  });
});
