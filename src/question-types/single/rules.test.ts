import { describe, expect, it } from 'vitest';
import { createRng } from '../../engine/random';
import { singleRules as rules, type SingleKey } from './rules';

const options = ['a', 'b', 'c', 'd'].map((id) => ({ id, html: `<code>${id}</code>` }));
const ids = options.map((o) => o.id);
const order = ['c', 'a', 'd', 'b'];
const key: SingleKey = { type: 'single', correct: 'b' };

describe('single', () => {
  it('reads the radio button at a display position as that option id', () => {
    expect(rules.readForm({ choice: '1' }, order)).toEqual({ kind: 'values', values: ['a'] });
    expect(rules.readForm({ choice: '' }, order)).toEqual({ kind: 'empty' });
    expect(rules.readForm({}, order)).toEqual({ kind: 'empty' });
  });

  it('refuses a position that is not on the page', () => {
    const reading = rules.readForm({ choice: '9' }, order);
    expect(reading.kind).toBe('values');
    if (reading.kind !== 'values') return;
    expect(rules.parseAnswer(reading.values, order)).toEqual({
      ok: false,
      error: 'That option is not part of this question.',
    });
  });

  it('shows a saved choice checked at its display position', () => {
    expect([...(rules.formState({ type: 'single', choice: 'b' }, order).checked ?? [])]).toEqual(['3']);
  });

  it('keeps file order when the assessment does not shuffle options', () => {
    expect(rules.optionOrder(ids, createRng('x'), false)).toEqual(ids);
  });

  it('reads the chosen option and the key as their HTML', () => {
    expect(rules.answerHtml({ type: 'single', choice: 'c' }, options)).toBe('<code>c</code>');
    expect(rules.keyHtml(key, options)).toBe('<code>b</code>');
  });

  it('simulates a right answer from the key and a wrong one from another option', () => {
    const rng = createRng('single');
    expect(rules.score(key, rules.simulatedAnswer(key, ids, true, rng))).toBe(1);
    for (let i = 0; i < 20; i++) expect(rules.score(key, rules.simulatedAnswer(key, ids, false, rng))).toBe(0);
  });
});
