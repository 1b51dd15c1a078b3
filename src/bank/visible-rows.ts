/**
 * The expected rows of a SQL question's visible examples, computed from its reference query when
 * the question is imported or saved, and kept in its key. They are not secret (the examples and
 * their data are in the prompt), so the test page sends them with the examples and the
 * candidate's "Run visible tests" compares in the browser, with the server's comparison, while
 * the reference query and the hidden databases stay on the server.
 */
import type { Grade } from '../grading/types';
import type { AnswerKey } from '../question-types/rules';
import type { CompiledQuestion } from './compile';

/** The key with each visible example's expected rows; unchanged when it is not SQL or the reference fails an example. */
export async function withVisibleRows(key: AnswerKey, grade: Grade): Promise<AnswerKey> {
  if (key.type !== 'sql' || key.visible.length === 0) return key;
  const grading = await grade({
    kind: 'sql',
    schema: key.schema,
    query: key.reference,
    reference: key.reference,
    orderMatters: key.orderMatters,
    tests: key.visible.map(({ name, seed }) => ({ name, seed })),
    limits: key.limits,
    keepRows: true,
  });
  const rows = grading.results.map((r) => r.rows);
  // bank:check (and a private bank's save) reports a reference that fails; the page then shows the candidate's rows only.
  if (rows.length !== key.visible.length || rows.some((r) => r === undefined)) return key;
  return { ...key, visible: key.visible.map((t, i) => ({ ...t, expected: rows[i] })) };
}

export async function withVisibleRowsAll(questions: CompiledQuestion[], grade: Grade): Promise<CompiledQuestion[]> {
  return Promise.all(questions.map(async (q) => ({ ...q, key: await withVisibleRows(q.key, grade) })));
}
