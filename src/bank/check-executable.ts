/**
 * bank:check's run of the executable questions: the reference solution must pass every test,
 * visible and hidden, and the wrong solution must fail at least one hidden test, so a test set
 * too weak to tell them apart is caught. `grade` runs a task (in process for the CLI, the
 * server's grader for a private bank's save).
 */
import type { Grade, Grading } from '../grading/types';
import type { Problem, SourceQuestion } from './types';

export async function checkExecutableQuestions(questions: readonly SourceQuestion[], grade: Grade): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const q of questions) {
    for (const message of await checkExecutableQuestion(q, grade)) {
      problems.push({ file: q.file, line: q.line, message: `${q.id}: ${message}` });
    }
  }
  return problems;
}

/** The problems of one question's reference and wrong solution (none for a type that runs nothing). */
export async function checkExecutableQuestion(q: SourceQuestion, grade: Grade): Promise<string[]> {
  const a = q.answer;
  if (a.type !== 'code' && a.type !== 'sql') return [];
  const problems: string[] = [];
  const run = (source: string, tests: 'all' | 'hidden') => {
    if (a.type === 'code') {
      const chosen = tests === 'all' ? [...a.visible, ...a.hidden] : a.hidden;
      return grade({ kind: 'code', source, functionName: a.functionName, tests: chosen, limits: a.limits });
    }
    const chosen = tests === 'all' ? [...a.visible, ...a.hidden] : a.hidden;
    const { schema, reference, orderMatters, limits } = a;
    return grade({ kind: 'sql', schema, query: source, reference, orderMatters, tests: chosen, limits });
  };
  const reference = await run(a.reference, 'all');
  for (const r of reference.results.filter((r) => !r.passed)) {
    problems.push(`the reference ${a.type === 'code' ? 'solution' : 'query'} fails test "${r.name}": ${failure(r)}`);
  }
  const wrong = await run(a.wrong, 'hidden');
  if (wrong.passed === wrong.total) {
    problems.push(
      `the wrong ${a.type === 'code' ? 'solution' : 'query'} passes every hidden test: add a test that tells it apart`,
    );
  }
  return problems;
}

function failure(r: Grading['results'][number]): string {
  return r.error ?? `expected ${r.expected.replaceAll('\n', ' / ')}, got ${(r.got ?? '').replaceAll('\n', ' / ')}`;
}
