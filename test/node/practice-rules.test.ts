/**
 * The pure rules of practice tests (src/practice/rules, select, score; views/practice/percentile
 * and the ordinals of views/components/format), and the calibration job against a real database.
 * src/practice has no test project of its own, so its units live here.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { newId } from '../../src/db/ids';
import { attemptItems, attempts, itemStats, questions, responses } from '../../src/db/schema';
import type { AnswerKey } from '../../src/engine/question';
import { createRng } from '../../src/engine/random';
import { calibratePracticeBank, calibrateWhenDue } from '../../src/practice/calibration';
import {
  cooldownMs,
  exposureRates,
  lengthOfAttempt,
  minSessionsForExposure,
  nextStartAt,
  testLength,
  timeLimitSeconds,
} from '../../src/practice/rules';
import { answeredItems, estimateAbility, practiceBreakdown } from '../../src/practice/score';
import { endReasonOf, type PracticePoolItem, selectNext } from '../../src/practice/select';
import { ordinal } from '../../views/components/format';
import { percentileSentence } from '../../views/practice/percentile';
import { makeTestApp } from '../support/app';
import { importTestBank } from '../support/bank';

describe('test length, time and cooldown', () => {
  it('runs 15 to 25 questions, shortened (never padded) by a small bank, at 90 s each', () => {
    expect(testLength(60)).toEqual({ minLength: 15, maxLength: 25 });
    expect(testLength(20)).toEqual({ minLength: 15, maxLength: 20 });
    expect(testLength(10)).toEqual({ minLength: 10, maxLength: 10 });
    expect(timeLimitSeconds(25)).toBe(2250);
    // The bounds an attempt started with are read back from its fixed time limit.
    expect(lengthOfAttempt({ startedAt: 0, deadlineAt: 2250_000 })).toEqual({ minLength: 15, maxLength: 25 });
    expect(lengthOfAttempt({ startedAt: 5, deadlineAt: 5 + 900_000 })).toEqual({ minLength: 10, maxLength: 10 });
  });

  it('allows the next start a day after the latest finish', () => {
    expect(nextStartAt([], 1000)).toBe(1000);
    expect(nextStartAt([10, 500], 1000)).toBe(500 + cooldownMs);
    expect(nextStartAt([10], 10 + cooldownMs + 1)).toBe(10 + cooldownMs + 1);
  });

  it('measures exposure only once enough sessions exist', () => {
    const shown = new Map([['q1', 5]]);
    expect(exposureRates(shown, minSessionsForExposure - 1)).toBeUndefined();
    expect(exposureRates(shown, 50)).toEqual({ q1: 0.1 });
  });
});

const key: AnswerKey = { type: 'single', correct: 'b' };
const pool: PracticePoolItem[] = Array.from({ length: 30 }, (_, i) => ({
  id: `q${String(i).padStart(2, '0')}`,
  area: 'x',
  topic: `t${i % 3}`,
  type: 'single',
  difficulty: ((i % 5) + 1) as 1 | 2 | 3 | 4 | 5,
  optionIds: ['a', 'b', 'c'],
  irtA: 1,
  irtB: (i % 5) - 2,
}));

describe('choosing the next question', () => {
  const base = { pool, estimate: { theta: 0, se: 1 }, length: testLength(30), seed: 's' };

  it('starts near the middle of the scale and is the same for the same seed and position', () => {
    const first = selectNext({ ...base, administered: [] });
    expect(first.kind).toBe('next');
    if (first.kind !== 'next') return;
    expect(Math.abs(first.item.irtB)).toBeLessThanOrEqual(1);
    expect(first.optionOrder?.slice().sort()).toEqual(['a', 'b', 'c']);
    expect(selectNext({ ...base, administered: [] })).toEqual(first);
  });

  it('never repeats, avoids what the person saw while fresh items remain, and stops by the rules', () => {
    const administered = pool.slice(0, 5).map((p) => ({ questionId: p.id, topic: p.topic }));
    const avoid = new Set(pool.slice(5, 25).map((p) => p.id));
    for (let k = 0; k < 20; k++) {
      const next = selectNext({ ...base, seed: `s${k}`, administered, avoid });
      expect(next.kind).toBe('next');
      if (next.kind === 'next') expect(Number(next.item.id.slice(1))).toBeGreaterThanOrEqual(25);
    }
    const given = (n: number) => pool.slice(0, n).map((p) => ({ questionId: p.id, topic: p.topic }));
    // Precise enough, but before the minimum: go on. At the maximum: stop, however imprecise.
    expect(selectNext({ ...base, administered: given(14), estimate: { theta: 0, se: 0.1 } }).kind).toBe('next');
    expect(selectNext({ ...base, administered: given(15), estimate: { theta: 0, se: 0.35 } })).toEqual({
      kind: 'stop',
      reason: 'se-target',
    });
    expect(selectNext({ ...base, administered: given(25), estimate: { theta: 0, se: 0.9 } })).toEqual({
      kind: 'stop',
      reason: 'max-length',
    });
    expect(selectNext({ ...base, pool: pool.slice(0, 3), administered: given(3), length: testLength(30) })).toEqual({
      kind: 'stop',
      reason: 'pool-exhausted',
    });
  });

  it('says why a finished test ended', () => {
    const length = testLength(60);
    expect(endReasonOf({ expired: true, answered: 25, se: 0.2, length })).toBe('time');
    expect(endReasonOf({ expired: false, answered: 25, se: 0.2, length })).toBe('max-length');
    expect(endReasonOf({ expired: false, answered: 17, se: 0.34, length })).toBe('se-target');
    expect(endReasonOf({ expired: false, answered: 12, se: 0.5, length })).toBe('pool-exhausted');
  });
});

describe('what the answers say', () => {
  const item = (id: string, topic: string, b: number) => ({
    questionId: id,
    area: 'x',
    topic,
    irtA: 1,
    irtB: b,
    answerKey: key,
    timeWeight: 1,
  });
  const items = [item('a', 't1', 0), item('b', 't1', 1), item('c', 't2', -1)];

  it('counts answered items only, with credit, and estimates from them', () => {
    const saved = new Map([
      ['a', { answer: { type: 'single' as const, choice: 'b' } }],
      ['b', { answer: { type: 'single' as const, choice: 'a' } }],
      ['c', { answer: null }],
    ]);
    expect(answeredItems(items, saved).map((i) => i.questionId)).toEqual(['a', 'b']);
    const breakdown = practiceBreakdown(items, saved);
    expect(breakdown.byTopic).toEqual({ t1: { points: 1, max: 2, percent: 50 } });
    const all = estimateAbility(items, saved);
    const none = estimateAbility(items, new Map());
    expect(none.theta).toBeCloseTo(0, 6);
    expect(none.se).toBeCloseTo(1, 2);
    expect(all.se).toBeLessThan(none.se);
  });
});

describe('percentile wording', () => {
  it('reads naturally, and warns when few people compare', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 62, 100].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '62nd',
      '100th',
    ]);
    expect(percentileSentence({ percentile: null, others: 0 }, 'Git')).toContain('No one else has finished Git');
    expect(percentileSentence({ percentile: 62.5, others: 4 }, 'Git')).toBe(
      '63rd percentile among the 4 other results in Git so far: with so few, read it loosely.',
    );
    expect(percentileSentence({ percentile: 100, others: 1 }, 'Git')).toContain('among the one other result in Git');
    expect(percentileSentence({ percentile: 40, others: 300 }, 'Git')).toBe(
      '40th percentile: higher than about 40% of the 300 other results in Git.',
    );
  });

  it('speaks of the result, never of "your" percentile, to whoever a result link was sent to', () => {
    const cases = [
      { percentile: null, others: 0 },
      { percentile: 62.5, others: 4 },
      { percentile: 40, others: 300 },
    ];
    const sentences = cases.map((info) => percentileSentence(info, 'Git', 'recipient'));
    for (const sentence of sentences) {
      expect(sentence).toMatch(/^Percentile among everyone who took Git: /);
      expect(sentence).not.toMatch(/\byour\b/i);
    }
    expect(sentences).toEqual([
      'Percentile among everyone who took Git: none yet, as nobody else has finished this test; it appears once others have.',
      'Percentile among everyone who took Git: 63rd, among the 4 other results so far: with so few, read it loosely.',
      'Percentile among everyone who took Git: 40th, higher than about 40% of the 300 other results.',
    ]);
  });
});

describe('calibration', () => {
  it('fits items with enough answers, keeps priors for the rest, and records item statistics', async () => {
    const t = await makeTestApp();
    try {
      await importTestBank(t.db);
      // 60 finished practice sessions of known ability; alpha-s1 (authored as easiest, b = -2)
      // is in truth hard: only takers above theta 1 get it right. alpha-s2 (difficulty 3) has 10 answers only.
      const rng = createRng('calibration');
      for (let k = 0; k < 60; k++) {
        const id = newId();
        const theta = -2.5 + (5 * k) / 59;
        await t.db.insert(attempts).values({
          id,
          kind: 'practice',
          areaId: 'alpha',
          seed: id,
          state: 'submitted',
          startedAt: 0,
          deadlineAt: 1,
          submittedAt: 1,
          theta,
        });
        const ids = k < 10 ? ['alpha-s1', 'alpha-s2'] : ['alpha-s1'];
        for (const [position, questionId] of ids.entries()) {
          await t.db.insert(attemptItems).values({
            attemptId: id,
            position,
            questionId,
            questionVersion: 1,
            contentHash: 'x',
            optionOrder: null,
          });
          const right = questionId === 'alpha-s1' ? theta > 1 || rng() < 0.05 : rng() < 0.5;
          await t.db.insert(responses).values({
            attemptId: id,
            questionId,
            answer: { type: 'single', choice: right ? 'b' : 'a' },
            seq: 1,
            savedAt: 1,
            timeSpentMs: 20_000,
            score: right ? 1 : 0,
          });
        }
      }
      const now = 1_000_000;
      expect(await calibratePracticeBank(t.db, now)).toBe(1);
      const [hard] = await t.db.select().from(questions).where(eq(questions.id, 'alpha-s1'));
      const [few] = await t.db.select().from(questions).where(eq(questions.id, 'alpha-s2'));
      expect(hard?.irtB).toBeGreaterThan(0);
      expect(hard?.calibratedAt).toBe(now);
      expect(few).toMatchObject({ irtA: 1, irtB: 0, calibratedAt: null });
      const [stats] = await t.db.select().from(itemStats).where(eq(itemStats.questionId, 'alpha-s1'));
      expect(stats).toMatchObject({ n: 60, exposures: 60, meanTimeMs: 20_000 });
      expect(stats?.pointBiserial).toBeGreaterThan(0.5);
      // Not due again within the hour; due after it.
      expect(await calibrateWhenDue(t.db, now + 60_000)).toBeNull();
      expect(await calibrateWhenDue(t.db, now + 3600_000)).toBe(1);
    } finally {
      t.close();
    }
  });
});
