/**
 * One grading on fresh engine instances, whatever the runtime: the worker thread on Node, the
 * request itself on Workers, a Web Worker in the browser all call this.
 */
import type { Engines } from './engines';
import { runCodeTests } from './run-code';
import { runSqlTests } from './run-sql';
import { failedGrading, type Grading, type GradingTask, type TestResult } from './types';

/** `report` hears each test's result as soon as it is known (the Node pool resumes after a killed test). */
export async function gradeWith(
  engines: Engines,
  task: GradingTask,
  now: () => number,
  report: (result: TestResult) => void = () => {},
  options: { interruptsPerMs?: number } = {},
): Promise<Grading> {
  const done: TestResult[] = [];
  const heard = (result: TestResult) => {
    done.push(result);
    report(result);
  };
  try {
    if (task.kind === 'code') return await runCodeTests(engines.quickjs, task, now, heard, options.interruptsPerMs);
    return runSqlTests(await engines.sqlite(), task, now, heard);
  } catch (e) {
    // The engines themselves failed (not the candidate's code): the tests not yet run fail with the reason.
    const error = `the grader failed: ${e instanceof Error ? e.message : String(e)}`;
    const rest = failedGrading(task.tests.slice(done.length), error).results;
    for (const r of rest) report(r);
    const results = [...done, ...rest];
    return { passed: results.filter((r) => r.passed).length, total: results.length, results, error };
  }
}
