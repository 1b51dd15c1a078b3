import { describe, expect, it } from 'vitest';
import type { Answer, AnswerKey } from './question';
import { countedCredit, isAcceptedAnswer, itemCredit, type ScoredItem, scoreAnswer, scoreAttempt } from './scoring';

describe('scoreAnswer, per questions/README.md', () => {
  it('single: 1 for the correct option, else 0', () => {
    const key: AnswerKey = { type: 'single', correct: 'b' };
    expect(scoreAnswer(key, { type: 'single', choice: 'b' })).toBe(1);
    expect(scoreAnswer(key, { type: 'single', choice: 'a' })).toBe(0);
  });

  it('multiple: (right − wrong) / correct count, never below 0', () => {
    const key: AnswerKey = { type: 'multiple', correct: ['a', 'b', 'c'] };
    const score = (choices: string[]) => scoreAnswer(key, { type: 'multiple', choices });
    expect(score(['a', 'b', 'c'])).toBe(1);
    expect(score(['a', 'b'])).toBeCloseTo(2 / 3, 12);
    expect(score(['a', 'b', 'c', 'd'])).toBeCloseTo(2 / 3, 12);
    expect(score(['a', 'd'])).toBe(0);
    expect(score(['d', 'e'])).toBe(0);
    expect(score([])).toBe(0);
    // A repeated id counts once: a forged form cannot earn double credit.
    expect(score(['a', 'a', 'a'])).toBeCloseTo(1 / 3, 12);
  });

  it('truefalse: 1 or 0', () => {
    expect(scoreAnswer({ type: 'truefalse', correct: false }, { type: 'truefalse', value: false })).toBe(1);
    expect(scoreAnswer({ type: 'truefalse', correct: false }, { type: 'truefalse', value: true })).toBe(0);
  });

  it('text: equal after trimming, collapsing white space and ignoring case', () => {
    const key: AnswerKey = { type: 'text', accepted: ['git rebase --onto', '5432'] };
    expect(scoreAnswer(key, { type: 'text', text: '  Git   REBASE\t--onto ' })).toBe(1);
    expect(scoreAnswer(key, { type: 'text', text: '5432' })).toBe(1);
    expect(scoreAnswer(key, { type: 'text', text: 'git rebase' })).toBe(0);
    expect(scoreAnswer(key, { type: 'text', text: 'gitrebase --onto' })).toBe(0);
  });

  it('numeric: inclusive tolerance, immune to float error', () => {
    const key: AnswerKey = { type: 'numeric', value: 8, tolerance: 0.5 };
    expect(scoreAnswer(key, { type: 'numeric', value: 8 })).toBe(1);
    expect(scoreAnswer(key, { type: 'numeric', value: 8.5 })).toBe(1);
    expect(scoreAnswer(key, { type: 'numeric', value: 7.5 })).toBe(1);
    expect(scoreAnswer(key, { type: 'numeric', value: 8.5001 })).toBe(0);
    expect(scoreAnswer({ type: 'numeric', value: 0.3, tolerance: 0 }, { type: 'numeric', value: 0.1 + 0.2 })).toBe(1);
    expect(scoreAnswer({ type: 'numeric', value: 1.1, tolerance: 0.1 }, { type: 'numeric', value: 1.2 })).toBe(1);
    expect(scoreAnswer(key, { type: 'numeric', value: Number.NaN })).toBe(0);
  });

  it('ordering: (longest run in correct relative order − 1) / (n − 1)', () => {
    const key: AnswerKey = { type: 'ordering', order: ['a', 'b', 'c', 'd', 'e'] };
    const score = (order: string) => scoreAnswer(key, { type: 'ordering', order: order.split('') });
    expect(score('abcde')).toBe(1);
    expect(score('edcba')).toBe(0);
    expect(score('bacde')).toBe(0.75); // a,c,d,e or b,c,d,e: 4 in order
    expect(score('cdeab')).toBe(0.5); // c,d,e
    expect(score('abcd')).toBe(0); // not a permutation
    expect(score('abcdx')).toBe(0);
    expect(score('abcda')).toBe(0);
  });

  it('gives 0 to a missing answer or one of another type', () => {
    expect(scoreAnswer({ type: 'single', correct: 'a' }, null)).toBe(0);
    expect(scoreAnswer({ type: 'single', correct: 'a' }, { type: 'multiple', choices: ['a'] })).toBe(0);
    expect(scoreAnswer({ type: 'truefalse', correct: true }, { type: 'text', text: 'true' })).toBe(0);
  });
});

describe('scoreAttempt', () => {
  const item = (questionId: string, area: string, topic: string, right: boolean, timeWeight?: number): ScoredItem => ({
    questionId,
    area,
    topic,
    key: { type: 'single', correct: 'a' },
    answer: { type: 'single', choice: right ? 'a' : 'b' },
    ...(timeWeight === undefined ? {} : { timeWeight }),
  });

  it('totals points overall, per area and per topic', () => {
    const result = scoreAttempt(
      [
        item('q1', 'databases', 'sql', true),
        item('q2', 'databases', 'sql', false),
        item('q3', 'databases', 'redis', true),
        item('q4', 'security', 'xss', true),
      ],
      70,
    );
    expect(result).toEqual({
      points: 3,
      max: 4,
      percent: 75,
      passed: true,
      byArea: {
        databases: { points: 2, max: 3, percent: 66.6 },
        security: { points: 1, max: 1, percent: 100 },
      },
      byTopic: {
        sql: { points: 1, max: 2, percent: 50 },
        redis: { points: 1, max: 1, percent: 100 },
        xss: { points: 1, max: 1, percent: 100 },
      },
    });
  });

  it('weights a question by its time weight', () => {
    const result = scoreAttempt([item('long', 'a', 't', true, 3), item('short', 'a', 't', false)], 50);
    expect(result.points).toBe(3);
    expect(result.max).toBe(4);
    expect(result.percent).toBe(75);
  });

  it('passes at exactly the pass mark and not a hair below, as displayed', () => {
    const ten = (right: number) => Array.from({ length: 10 }, (_, i) => item(`q${i}`, 'a', 't', i < right));
    expect(scoreAttempt(ten(7), 70)).toMatchObject({ percent: 70, passed: true });
    expect(scoreAttempt(ten(6), 70)).toMatchObject({ percent: 60, passed: false });
    // 2/3 of a 3-point item plus 6 of 9: 6.6667 / 10 is 66.6 %, shown and judged as such.
    const partial = [
      ...Array.from({ length: 9 }, (_, i) => item(`q${i}`, 'a', 't', i < 6)),
      {
        questionId: 'm',
        area: 'a',
        topic: 't',
        key: { type: 'multiple', correct: ['a', 'b', 'c'] },
        answer: { type: 'multiple', choices: ['a', 'b'] },
      } satisfies ScoredItem,
    ];
    expect(scoreAttempt(partial, 66.7)).toMatchObject({ percent: 66.6, passed: false });
    expect(scoreAttempt(partial, 66.6)).toMatchObject({ percent: 66.6, passed: true });
  });

  it('reports passed as null without a pass mark, and 0 % for an empty attempt', () => {
    expect(scoreAttempt([item('q', 'a', 't', true)], null).passed).toBeNull();
    expect(scoreAttempt([], 50)).toMatchObject({ points: 0, max: 0, percent: 0, passed: false });
  });
});

describe('scoring after a regrade', () => {
  const single = (questionId: string, choice: string, extra: Partial<ScoredItem> = {}): ScoredItem => ({
    questionId,
    area: 'a',
    topic: questionId === 'q1' ? 't1' : 't2',
    key: { type: 'single', correct: 'a' },
    answer: { type: 'single', choice },
    ...extra,
  });

  it('gives full credit to an item regraded so, whatever was answered', () => {
    expect(itemCredit(single('q1', 'c', { scoring: 'full_credit' }))).toBe(1);
    expect(itemCredit({ key: { type: 'text', accepted: ['x'] }, answer: null, scoring: 'full_credit' })).toBe(1);
    // 1 of 4 right; q2 regraded to full credit: 2 of 4.
    const items = [
      single('q1', 'a'),
      single('q2', 'b', { scoring: 'full_credit' }),
      single('q3', 'b'),
      single('q4', 'b'),
    ];
    expect(scoreAttempt(items, 50)).toMatchObject({ points: 2, max: 4, percent: 50, passed: true });
  });

  it('leaves a dropped item out of points and maximum, overall and in its area and topic', () => {
    expect(itemCredit(single('q1', 'a', { scoring: 'dropped' }))).toBeNull();
    // 2 of 3 right, the wrong one dropped: 2 of 2; its topic t1 no longer appears.
    const result = scoreAttempt(
      [single('q1', 'b', { scoring: 'dropped' }), single('q2', 'a'), single('q3', 'a', { timeWeight: 2 })],
      70,
    );
    expect(result).toMatchObject({ points: 3, max: 3, percent: 100, passed: true });
    expect(result.byTopic).toEqual({ t2: { points: 3, max: 3, percent: 100 } });
  });

  it('gives full credit to an answer a regrade accepted, by the type rule of sameness', () => {
    const accepted = [{ type: 'single', choice: 'c' } as const];
    expect(itemCredit(single('q1', 'c', { accepted }))).toBe(1);
    expect(itemCredit(single('q1', 'b', { accepted }))).toBe(0);
    const multipleKey: AnswerKey = { type: 'multiple', correct: ['a', 'b'] };
    const setBC: Answer[] = [{ type: 'multiple', choices: ['b', 'c'] }];
    expect(itemCredit({ key: multipleKey, answer: { type: 'multiple', choices: ['c', 'b'] }, accepted: setBC })).toBe(
      1,
    );
    // Partial credit by the key stays when the answer is not the accepted one.
    expect(itemCredit({ key: multipleKey, answer: { type: 'multiple', choices: ['b'] }, accepted: setBC })).toBe(0.5);
    const textKey: AnswerKey = { type: 'text', accepted: ['colour'] };
    const color = [{ type: 'text', text: 'Color' } as const];
    expect(itemCredit({ key: textKey, answer: { type: 'text', text: '  color ' }, accepted: color })).toBe(1);
    expect(itemCredit({ key: textKey, answer: null, accepted: color })).toBe(0);
    const numberKey = { type: 'numeric', value: 42, tolerance: 0 } as const;
    expect(
      itemCredit({
        key: numberKey,
        answer: { type: 'numeric', value: 41 },
        accepted: [{ type: 'numeric', value: 41 }],
      }),
    ).toBe(1);
    expect(isAcceptedAnswer({ type: 'single', choice: 'c' }, { type: 'multiple', choices: ['c'] })).toBe(false);
  });
});

describe('countedCredit', () => {
  const answerKey: AnswerKey = { type: 'single', correct: 'a' };
  const wrong: Answer = { type: 'single', choice: 'b' };

  it('takes a regrade mark first, then the stored credit, then the key', () => {
    expect(countedCredit({ answerKey, scoring: 'full_credit' }, wrong, 0)).toBe(1);
    expect(countedCredit({ answerKey, scoring: 'dropped' }, wrong, 0)).toBeNull();
    // An answer a regrade accepted is stored as 1 although the key says 0.
    expect(countedCredit({ answerKey, scoring: null }, wrong, 1)).toBe(1);
    expect(countedCredit({ answerKey }, wrong, null)).toBe(0);
    expect(countedCredit({ answerKey }, { type: 'single', choice: 'a' }, undefined)).toBe(1);
  });
});
