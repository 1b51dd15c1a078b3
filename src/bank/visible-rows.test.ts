import { describe, expect, it } from 'vitest';
import { gradeWith } from '../grading/grade';
import { testEngines } from '../grading/test-engines';
import type { Grade } from '../grading/types';
import type { AnswerKey } from '../question-types/rules';
import { withVisibleRows } from './visible-rows';

const grade: Grade = async (task) => gradeWith(await testEngines(), task, () => performance.now());

const key = (reference: string): AnswerKey => ({
  type: 'sql',
  schema: 'create table t (n integer);',
  visible: [
    { name: 'three', seed: 'insert into t values (3), (1), (2);' },
    { name: 'empty', seed: '' },
  ],
  hidden: [{ name: 'hidden', seed: 'insert into t values (9);' }],
  reference,
  orderMatters: true,
  limits: { timeMs: 500, memoryBytes: 16 << 20 },
});

describe('the visible examples of a SQL question', () => {
  it("get the reference query's rows, in its order; the hidden databases get none", async () => {
    const withRows = await withVisibleRows(key('select n from t order by n'), grade);
    if (withRows.type !== 'sql') throw new Error('not sql');
    expect(withRows.visible.map((t) => t.expected)).toEqual([
      { columns: ['n'], rows: [[1], [2], [3]] },
      { columns: ['n'], rows: [] },
    ]);
    expect(withRows.hidden[0]).not.toHaveProperty('expected');
  });

  it('stay without rows when the reference fails on one, and other types are left alone', async () => {
    const broken = await withVisibleRows(key('select missing from t'), grade);
    expect(broken.type === 'sql' && broken.visible.some((t) => t.expected)).toBe(false);
    const truefalse: AnswerKey = { type: 'truefalse', correct: true };
    expect(await withVisibleRows(truefalse, grade)).toBe(truefalse);
  });
});
