/**
 * Runs a candidate's SQL against each test's database in SQLite (sql.js, WebAssembly): a fresh
 * in-memory database per run, built from the question's schema and the test's seed rows, then
 * set read-only (`query_only`). The reference query runs the same way and its rows are the
 * expected ones (unless the test brings them: a visible example checked in the browser). A query whose plan could visit too many row combinations is refused before it
 * runs; at most `maxRows` rows are read back, the clock checked after each. What one SQLite step
 * does cannot be interrupted in process: on Node the grading thread is killed past the limit.
 */
import type { Database, SqlJsStatic } from 'sql.js';
import { fromJsonResultSet, type ResultSet, resultText, sameResult, toJsonResultSet } from './result-sets';
import { refuseQuery } from './sql-guard';
import { capText, failedGrading, type Grading, type SqlTask, type SqlTest, type TestResult } from './types';

/** Rows a query may return; more fails the test. */
export const maxRows = 1000;
/** Row combinations a query may visit, all joins counted (see scannedRowsBound). */
export const maxRowVisits = 20_000_000;

type Run = { ok: true; set: ResultSet } | { ok: false; error: string };

export function runSqlTests(
  sqlite: SqlJsStatic,
  task: SqlTask,
  now: () => number,
  report: (result: TestResult) => void = () => {},
): Grading {
  const refusal = refuseQuery(task.query);
  if (refusal) {
    const refused = failedGrading(task.tests, refusal);
    for (const r of refused.results) report(r);
    return refused;
  }
  const results = task.tests.map((test) => {
    const result = runTest(sqlite, task, test, now);
    report(result);
    return result;
  });
  const passed = results.filter((r) => r.passed).length;
  return { passed, total: results.length, results, error: null };
}

function runTest(sqlite: SqlJsStatic, task: SqlTask, test: SqlTest, now: () => number): TestResult {
  const expected: Run = test.expected
    ? { ok: true, set: fromJsonResultSet(test.expected) }
    : runQuery(sqlite, task, test, task.reference, now);
  const started = now();
  const got = runQuery(sqlite, task, test, task.query, now);
  const ms = Math.round(now() - started);
  const expectedText = expected.ok ? capText(resultText(expected.set)) : '';
  if (!expected.ok) {
    return { name: test.name, passed: false, expected: '', got: null, error: `reference query: ${expected.error}`, ms };
  }
  if (!got.ok) return { name: test.name, passed: false, expected: expectedText, got: null, error: got.error, ms };
  return {
    name: test.name,
    passed: sameResult(got.set, expected.set, task.orderMatters),
    expected: expectedText,
    got: capText(resultText(got.set)),
    error: got.set.columns.length !== expected.set.columns.length ? columnsMessage(got.set, expected.set) : null,
    ms,
    ...(task.keepRows ? { rows: toJsonResultSet(got.set) } : {}),
  };
}

function columnsMessage(got: ResultSet, expected: ResultSet): string {
  return `the query returns ${got.columns.length} column(s); ${expected.columns.length} expected`;
}

/**
 * Memory SQLite may hold (all its databases in one engine instance): without a cap one step such
 * as `printf('%.*c', 900000000, 'x')` or `hex(zeroblob(400000000))` grows the WebAssembly memory
 * past a gigabyte before any clock is read; with it SQLite answers "out of memory". One value for
 * every question: the pragma can lower the engine's limit and never raise it again.
 */
export const sqliteHeapBytes = 64 << 20;

/**
 * A fresh database for one test: schema and seed rows, then read-only, under the heap cap. A query
 * cannot lift the cap (no PRAGMA passes the guard, and pragma_hard_heap_limit takes no argument).
 */
export function seededDatabase(sqlite: SqlJsStatic, schema: string, test: SqlTest): Database {
  const db = new sqlite.Database();
  try {
    db.exec(schema);
    db.exec(test.seed);
    db.exec(`pragma hard_heap_limit = ${sqliteHeapBytes}`);
    db.exec('pragma query_only = 1');
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * An upper bound of the row combinations a query visits, from SQLite's own plan: each full scan
 * counts as many rows as the largest table, a lookup by key as one. Nothing inside one step of
 * SQLite can be interrupted from JavaScript here (sql.js has no progress handler), so a query
 * whose bound is too large is refused before it runs.
 */
export function scannedRowsBound(db: Database, query: string): number {
  const largest = Math.max(
    1,
    ...(db.exec("select name from sqlite_master where type = 'table'")[0]?.values ?? []).map(([name]) =>
      Number(db.exec(`select count(*) from "${String(name).replaceAll('"', '""')}"`)[0]?.values[0]?.[0] ?? 0),
    ),
  );
  const plan = db.exec(`explain query plan ${query}`)[0]?.values ?? [];
  return plan.reduce<number>((bound, row) => (/^SCAN (?!CONSTANT)/.test(String(row[3])) ? bound * largest : bound), 1);
}

function runQuery(sqlite: SqlJsStatic, task: SqlTask, test: SqlTest, query: string, now: () => number): Run {
  const deadline = now() + task.limits.timeMs;
  let db: Database;
  try {
    db = seededDatabase(sqlite, task.schema, test);
  } catch (e) {
    return { ok: false, error: `the test database could not be built: ${message(e)}` };
  }
  try {
    if (scannedRowsBound(db, query) > maxRowVisits) {
      return { ok: false, error: 'the query combines too many rows (a join without a condition?)' };
    }
    const statement = db.prepare(query);
    try {
      const set: ResultSet = { columns: statement.getColumnNames(), rows: [] };
      while (statement.step()) {
        if (set.rows.length === maxRows) return { ok: false, error: `the query returns more than ${maxRows} rows` };
        set.rows.push(statement.get());
        if (now() > deadline) return { ok: false, error: `time limit exceeded (${task.limits.timeMs} ms)` };
      }
      return { ok: true, set };
    } finally {
      statement.free();
    }
  } catch (e) {
    if (/out of memory/i.test(message(e))) return { ok: false, error: 'memory limit exceeded' };
    return { ok: false, error: capText(message(e), 500) };
  } finally {
    db.close();
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
