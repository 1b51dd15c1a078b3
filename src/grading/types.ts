/**
 * What a grading is asked and what it answers, for both executable question types. Plain JSON
 * both ways, so a grading can cross a worker thread or a Web Worker boundary unchanged.
 */
import type { JsonResultSet } from './result-sets';

/** A JSON value as tests write it: arguments and expected results. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Per test: wall-clock time in ms, QuickJS heap in bytes. SQL uses `timeMs` for the whole run and `maxRows`. */
export interface Limits {
  timeMs: number;
  memoryBytes: number;
}

/** One call of the candidate's function: `functionName(...args)` must return `expected`. */
export interface CallTest {
  name: string;
  args: JsonValue[];
  expected: JsonValue;
}

/**
 * An author's JavaScript run after the candidate's code, in strict mode, with the grader's
 * `assert(condition, message)` and `assertEqual(actual, expected, message)`: it passes when it
 * completes without throwing.
 */
export interface AssertionTest {
  name: string;
  snippet: string;
}

export type CodeTest = CallTest | AssertionTest;

export function isAssertionTest(test: CodeTest): test is AssertionTest {
  return 'snippet' in test;
}

/** What a code test expects, as the report and the candidate's run show it. */
export function expectedText(test: CodeTest): string {
  return isAssertionTest(test) ? 'every assertion holds' : capText(JSON.stringify(test.expected));
}

export interface CodeTask {
  kind: 'code';
  source: string;
  functionName: string;
  tests: CodeTest[];
  limits: Limits;
}

/** One database: the seed rows (INSERT statements) loaded over the question's schema. */
export interface SqlTest {
  name: string;
  seed: string;
  /**
   * The reference query's rows on this database, when known before the run: a visible example's,
   * computed when the question is imported, so the candidate's browser can check its rows without
   * the reference. The grader then compares with these instead of running the reference.
   */
  expected?: JsonResultSet;
}

export interface SqlTask {
  kind: 'sql';
  /** CREATE TABLE statements. */
  schema: string;
  /** The candidate's statement: one read-only SELECT or WITH. */
  query: string;
  /** The author's query; its result on each test's database is the expected one. */
  reference: string;
  orderMatters: boolean;
  tests: SqlTest[];
  limits: Limits;
  /** Keep the query's rows on each result (`rows`): how the expected rows of the visible examples are computed. */
  keepRows?: boolean;
}

export type GradingTask = CodeTask | SqlTask;

/** What one test did. `expected` and `got` are display text, capped; `error` says why it failed when it did not just differ. */
export interface TestResult {
  name: string;
  passed: boolean;
  expected: string;
  got: string | null;
  error: string | null;
  ms: number;
  /** What the candidate's code printed with console.log, capped. */
  output?: string;
  /** An assertion test's code: what the report shows as its input. */
  snippet?: string;
  /** The query's rows, when the task asked to keep them. */
  rows?: JsonResultSet;
}

export interface Grading {
  passed: number;
  total: number;
  results: TestResult[];
  /** Set when no test could run at all (the code does not compile, the query is refused, the run was killed). */
  error: string | null;
}

/** Grades one task. Runtime-specific: a worker-thread pool on Node, in-request on Workers. */
export type Grade = (task: GradingTask) => Promise<Grading>;

/** Longest `expected`/`got`/output text kept per test. */
export const displayCap = 2000;

export function capText(text: string, cap = displayCap): string {
  return text.length > cap ? `${text.slice(0, cap)}… (${text.length - cap} more characters)` : text;
}

/** A grading where nothing ran: every test failed with the same reason. */
export function failedGrading(tests: readonly (CodeTest | SqlTest)[], error: string, expected: string[] = []): Grading {
  return {
    passed: 0,
    total: tests.length,
    error,
    results: tests.map((t, i) => ({
      name: t.name,
      passed: false,
      expected: expected[i] ?? ('seed' in t ? '' : expectedText(t)),
      got: null,
      error,
      ms: 0,
      ...('snippet' in t ? { snippet: capText(t.snippet) } : {}),
    })),
  };
}
