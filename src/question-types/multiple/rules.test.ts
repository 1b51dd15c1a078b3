import { describe, expect, it } from 'vitest';
import { createRng } from '../../engine/random';
import { type MultipleKey, multipleRules as rules } from './rules';

const options = ['a', 'b', 'c', 'd'].map((id) => ({ id, html: `Option ${id}` }));
const ids = options.map((o) => o.id);
const order = ['d', 'c', 'b', 'a'];
const key: MultipleKey = { type: 'multiple', correct: ['a', 'c'] };

describe('multiple', () => {
  it('reads every checked box at its display position', () => {
    expect(rules.readForm({ choices: ['0', '3'] }, order)).toEqual({ kind: 'values', values: ['d', 'a'] });
    expect(rules.readForm({ choices: '2' }, order)).toEqual({ kind: 'values', values: ['b'] });
    expect(rules.readForm({}, order)).toEqual({ kind: 'empty' });
  });

  it('counts an answer with no option chosen as not given', () => {
    expect(rules.isComplete({ type: 'multiple', choices: [] })).toBe(false);
    expect(rules.isComplete({ type: 'multiple', choices: ['a'] })).toBe(true);
    expect(rules.answerHtml({ type: 'multiple', choices: [] }, options)).toBe('<em>No option chosen</em>');
  });

  it('shows saved choices checked at their display positions', () => {
    expect([...(rules.formState({ type: 'multiple', choices: ['a', 'd'] }, order).checked ?? [])]).toEqual(['3', '0']);
  });

  it('reads the choices and the key as their options, in the order given', () => {
    expect(rules.answerHtml({ type: 'multiple', choices: ['c', 'a'] }, options)).toBe('Option c; Option a');
    expect(rules.keyHtml(key, options)).toBe('Option a; Option c');
  });

  it('simulates wrong answers that miss a right option or add a wrong one', () => {
    const rng = createRng('multiple');
    expect(rules.score(key, rules.simulatedAnswer(key, ids, true, rng))).toBe(1);
    const wrong = Array.from({ length: 30 }, () => rules.simulatedAnswer(key, ids, false, rng));
    for (const answer of wrong) expect(rules.score(key, answer)).toBeLessThan(1);
    expect(new Set(wrong.map((a) => a.choices.length))).toEqual(new Set([1, 3]));
  });
});
