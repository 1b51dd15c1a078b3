import { describe, expect, it } from 'vitest';
import { createRng } from '../../engine/random';
import { normalizeText, textRules as rules, type TextKey } from './rules';

describe('text', () => {
  it('compares after trimming, collapsing white space, ignoring case and Unicode composition', () => {
    expect(normalizeText('  A\n  b  ')).toBe('a b');
    expect(normalizeText('cafe\u0301')).toBe(normalizeText('café'));
  });

  it('reads blank text as a cleared answer', () => {
    expect(rules.readForm({ text: '   ' }, [])).toEqual({ kind: 'empty' });
    expect(rules.readForm({ text: ' Redis ' }, [])).toEqual({ kind: 'values', values: [' Redis '] });
  });

  it('escapes the answer on a review and lists every accepted answer', () => {
    expect(rules.answerHtml({ type: 'text', text: '<b>"x"</b>' }, [])).toBe('&#60;b&#62;&#34;x&#34;&#60;/b&#62;');
    expect(rules.keyHtml({ type: 'text', accepted: ['5432', 'port 5432'] }, [])).toBe('5432 or port 5432');
  });

  it('saves text exactly: a change of case is a new save', () => {
    expect(rules.sameAnswer({ type: 'text', text: 'Redis' }, { type: 'text', text: 'Redis' })).toBe(true);
    expect(rules.sameAnswer({ type: 'text', text: 'Redis' }, { type: 'text', text: 'redis' })).toBe(false);
  });

  it('simulates the first accepted answer, and a wrong one that no key accepts', () => {
    const key: TextKey = { type: 'text', accepted: ['5432'] };
    const rng = createRng('text');
    expect(rules.simulatedAnswer(key, [], true, rng)).toEqual({ type: 'text', text: '5432' });
    for (let i = 0; i < 10; i++) expect(rules.score(key, rules.simulatedAnswer(key, [], false, rng))).toBe(0);
  });
});
