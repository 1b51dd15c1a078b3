import { describe, expect, it } from 'vitest';
import { planRegrade, type RegradeAttempt } from './regrade';
import type { ScoredItem } from './scoring';

/** Four single-choice items keyed `a`; `choices` is what the taker chose for q1..q4. */
function attempt(attemptId: string, choices: string, extra: Partial<ScoredItem> = {}): RegradeAttempt {
  const items = [...choices].map(
    (choice, i): ScoredItem => ({
      questionId: `q${i + 1}`,
      area: 'a',
      topic: 't',
      key: { type: 'single', correct: 'a' },
      answer: { type: 'single', choice },
      ...(i === 0 ? extra : {}),
    }),
  );
  const right = [...choices].filter((c) => c === 'a').length;
  return { attemptId, passMark: 75, percent: (right / 4) * 100, passed: right >= 3, items };
}

describe('planRegrade', () => {
  it('full credit: raises those who missed the question, 2 of 4 (50 %) to 3 of 4 (75 %, now passing)', () => {
    const plan = planRegrade('q1', [attempt('x', 'baab'), attempt('y', 'aaaa')], { kind: 'full_credit' });
    // y had it right: marked too (everyone has full credit), its result unchanged.
    expect(plan.map((p) => [p.attemptId, p.resultChanged])).toEqual([
      ['x', true],
      ['y', false],
    ]);
    expect(plan[0]).toMatchObject({
      attemptId: 'x',
      creditBefore: 0,
      creditAfter: 1,
      scoring: 'full_credit',
      before: { percent: 50, passed: false },
      after: { percent: 75, passed: true },
      resultChanged: true,
    });
  });

  it('drop: scores the rest alone, 2 of 3 right after dropping a wrong q1 is 66.6 %', () => {
    const plan = planRegrade('q1', [attempt('x', 'baab'), attempt('y', 'aaab')], { kind: 'drop' });
    expect(plan.map((p) => [p.attemptId, p.after.percent, p.after.passed, p.scoring])).toEqual([
      ['x', 66.6, false, 'dropped'],
      // y had q1 right: 3 of 4 (75 %) becomes 2 of 3; the item still changes (it no longer counts).
      ['y', 66.6, false, 'dropped'],
    ]);
    expect(plan[1]?.resultChanged).toBe(true);
  });

  it('accept an answer: only those who gave it move', () => {
    const plan = planRegrade('q1', [attempt('x', 'caaa'), attempt('y', 'baaa')], {
      kind: 'accept_answer',
      answer: { type: 'single', choice: 'c' },
    });
    expect(plan.map((p) => [p.attemptId, p.before.percent, p.after.percent, p.scoring])).toEqual([
      ['x', 75, 100, null],
    ]);
  });

  it('changes nothing the second time: the same regrade already applied is an empty plan', () => {
    expect(planRegrade('q1', [attempt('x', 'baab', { scoring: 'full_credit' })], { kind: 'full_credit' })).toEqual([]);
    expect(planRegrade('q1', [attempt('x', 'baab', { scoring: 'dropped' })], { kind: 'drop' })).toEqual([]);
    const accepted = { accepted: [{ type: 'single', choice: 'c' } as const] };
    expect(
      planRegrade('q1', [attempt('x', 'caab', accepted)], {
        kind: 'accept_answer',
        answer: { type: 'single', choice: 'c' },
      }),
    ).toEqual([]);
    // An attempt that did not show the question is not touched.
    expect(planRegrade('q9', [attempt('x', 'baab')], { kind: 'full_credit' })).toEqual([]);
  });

  it('marks an item whose score does not move but whose pass or fail stays as unchanged result', () => {
    // Full credit for someone who had it right: the credit stays 1, only the mark changes.
    const plan = planRegrade('q1', [attempt('y', 'aaab')], { kind: 'full_credit' });
    expect(plan).toEqual([expect.objectContaining({ creditBefore: 1, creditAfter: 1, resultChanged: false })]);
  });
});
