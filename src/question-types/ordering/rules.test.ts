import { describe, expect, it } from 'vitest';
import { createRng } from '../../engine/random';
import { longestIncreasingRun, type OrderingKey, orderingRules as rules } from './rules';

const options = ['a', 'b', 'c'].map((id) => ({ id, html: `Step ${id}` }));
const order = ['b', 'c', 'a'];
const key: OrderingKey = { type: 'ordering', order: ['a', 'b', 'c'] };

describe('ordering', () => {
  it('measures the longest run in order', () => {
    expect(longestIncreasingRun([3, 1, 2, 5, 4])).toBe(3);
  });

  it('reads one position per displayed item into the items in order', () => {
    // displayed b, c, a; the candidate says a is first, b second, c third
    expect(rules.readForm({ pos_0: '2', pos_1: '3', pos_2: '1' }, order)).toEqual({
      kind: 'values',
      values: ['a', 'b', 'c'],
    });
    expect(rules.readForm({ pos_0: '', pos_1: ' ' }, order)).toEqual({ kind: 'empty' });
    expect(rules.readForm({ pos_0: '1', pos_1: '4', pos_2: '2' }, order)).toEqual({
      kind: 'invalid',
      error: 'Give each item its own position, from 1 to 3.',
    });
  });

  it('shows a saved order as each displayed item’s position', () => {
    expect(rules.formState({ type: 'ordering', order: ['a', 'b', 'c'] }, order)).toEqual({
      positions: ['2', '3', '1'],
    });
  });

  it('reads orders as numbered lists', () => {
    expect(rules.keyHtml(key, options)).toBe('<ol><li>Step a</li><li>Step b</li><li>Step c</li></ol>');
    expect(rules.answerHtml({ type: 'ordering', order: ['c', 'a', 'b'] }, options)).toBe(
      '<ol><li>Step c</li><li>Step a</li><li>Step b</li></ol>',
    );
  });

  it('simulates a wrong order by swapping two neighbours', () => {
    const rng = createRng('ordering');
    expect(rules.simulatedAnswer(key, [], true, rng).order).toEqual(['a', 'b', 'c']);
    for (let i = 0; i < 10; i++) expect(rules.score(key, rules.simulatedAnswer(key, [], false, rng))).toBe(0.5);
  });
});
