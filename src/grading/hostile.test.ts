/**
 * Hostile submissions, in process: each ends within its limit with a result that says what
 * happened. The ones only a killed thread can stop (a memory bomb) are in node/pool.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { gradeWith } from './grade';
import { testEngines } from './test-engines';
import type { CodeTask, SqlTask } from './types';

const now = () => performance.now();
const limits = { timeMs: 500, memoryBytes: 16 << 20 };
const tests = [
  { name: 'one', args: [1], expected: 2 },
  { name: 'two', args: [2], expected: 3 },
];
const code = (source: string): CodeTask => ({ kind: 'code', source, functionName: 'next', tests, limits });

async function timed(task: CodeTask | SqlTask) {
  const started = now();
  const grading = await gradeWith(await testEngines(), task, now);
  return { grading, ms: now() - started, errors: grading.results.map((r) => r.error) };
}

describe('hostile JavaScript', () => {
  it('stops an infinite loop at the time limit, test by test', async () => {
    const { grading, ms, errors } = await timed(code('function next() { for (;;) {} }'));
    expect(grading.passed).toBe(0);
    expect(errors).toEqual(['time limit exceeded', 'time limit exceeded']);
    expect(ms).toBeLessThan(2 * 500 + 1000);
  });

  it('ends deep recursion with a stack overflow, and the next test still runs', async () => {
    const { errors } = await timed(code('function next(n) { return n === 2 ? 3 : next(n) + 1; }'));
    expect(errors).toEqual(['stack overflow (recursion too deep)', null]);
  });

  it('fails a huge result as too large instead of carrying it out', async () => {
    const { grading } = await timed(code('function next() { return "x".repeat(5e6); }'));
    expect(grading.results[0]).toMatchObject({ passed: false, error: 'the result is too large' });
    expect(grading.results[0]?.got?.length).toBeLessThan(2100);
  });

  it('ends a memory hog by the heap or the time limit (the hard bound is the thread kill on Node)', async () => {
    const { grading } = await timed(
      code('function next() { const parts = []; for (let i = 0; ; i++) parts.push(new Array(1000).fill(i)); }'),
    );
    expect(grading.results[0]?.error).toMatch(/^(memory|time) limit exceeded$/);
  });

  it('has no process, require, fetch, timers or host global to reach', async () => {
    const probe = `function next() {
      const host = (0, function () {}).constructor.constructor('return this')();
      return [typeof process, typeof require, typeof fetch, typeof setTimeout, typeof WebAssembly, host === globalThis,
        typeof globalThis.process, Object.keys(globalThis).filter((k) => k !== 'next').join(',')].join(' ');
    }`;
    const { grading } = await timed(code(probe));
    expect(grading.results[0]?.got).toBe('"undefined undefined undefined undefined undefined true undefined console"');
  });

  it('keeps polluted prototypes and a replaced JSON inside the sandbox and its own test', async () => {
    const source = `
      Object.prototype.passed = true; Array.prototype.push = () => 0;
      JSON.stringify = () => '2'; JSON.parse = () => [1];
      globalThis.__run = () => 'J2';
      function next(n) { return n === 2 ? 3 : 99; }`;
    const { grading } = await timed(code(source));
    expect(grading.results.map((r) => [r.passed, r.got])).toEqual([
      [false, '99'],
      [true, '3'],
    ]);
    expect(({} as { passed?: unknown }).passed).toBeUndefined();
  });

  it('does not carry globals from one test into the next', async () => {
    const { grading } = await timed(
      code('function next(n) { globalThis.calls = (globalThis.calls || 0) + 1; return n + globalThis.calls; }'),
    );
    expect(grading.passed).toBe(2);
  });
});

describe('hostile JavaScript against assertion tests', () => {
  // The snippet holds whenever next(1) is 2; every candidate below returns 99 and tries to pass anyway.
  const asserted = (source: string): CodeTask => ({
    kind: 'code',
    source,
    functionName: 'next',
    tests: [
      { name: 'assertEqual', snippet: 'assertEqual(next(1), 2, "next(1)");' },
      { name: 'assert', snippet: 'assert(next(1) === 2, "next(1) is 2");' },
    ],
    limits,
  });

  it.each([
    [
      'replaces global helpers',
      'globalThis.assert = () => {}; globalThis.assertEqual = () => {}; function next() { return 99; }',
    ],
    ['declares its own helpers', 'function assert() {} function assertEqual() {} function next() { return 99; }'],
    [
      'shadows them with lexical globals',
      'const assert = () => {}; let assertEqual = () => {}; const next = () => 99;',
    ],
    [
      'pollutes the built-ins the helpers use',
      `Object.prototype.toJSON = () => 2; JSON.stringify = () => '2'; Object.keys = () => [];
       Array.isArray = () => true; Reflect.apply = () => true; Error = function () { return {}; };
       Object.defineProperty = () => {}; Math.abs = () => 0; String = () => '';
       function next() { return 99; }`,
    ],
    [
      "rewrites the snippet's arguments through the caller",
      `function next() {
         try { const a = next.caller.arguments; a[0] = a[1] = () => {}; } catch (e) {}
         try { const a = arguments.callee.caller.arguments; a[0] = a[1] = () => {}; } catch (e) {}
         return 99;
       }`,
    ],
    [
      'returns an object that claims to be anything',
      'function next() { return { valueOf: () => 2, toJSON: () => 2 }; }',
    ],
  ])('fails a candidate that %s', async (_, source) => {
    const { grading } = await timed(asserted(source));
    expect(grading.results.map((r) => r.passed)).toEqual([false, false]);
    // The message is the grader's own, whatever the candidate did to the built-ins.
    expect(grading.results[0]?.error).toMatch(
      /^AssertionError: next\(1\): expected 2, got (99|\{"valueOf":a function,"toJSON":a function\})$/,
    );
    expect(grading.results[1]?.error).toBe('AssertionError: next(1) is 2');
  });

  it('stops a snippet whose call never returns at the time limit', async () => {
    const { grading } = await timed(asserted('function next() { for (;;) {} }'));
    expect(grading.results.map((r) => r.error)).toEqual(['time limit exceeded', 'time limit exceeded']);
  });
});

const sqlLimits = { timeMs: 500, memoryBytes: 16 << 20 };
const sql = (query: string): SqlTask => ({
  kind: 'sql',
  schema: 'create table t (id integer primary key, v text);',
  query,
  reference: 'select v from t',
  orderMatters: false,
  tests: [{ name: 'rows', seed: "insert into t (v) values ('a'), ('b'), ('c'), ('d'), ('e'), ('f'), ('g'), ('h');" }],
  limits: sqlLimits,
});

describe('hostile SQL', () => {
  it.each([
    ["attach database 'file.db' as other", /must be a SELECT/],
    ["select v from t; attach database ':memory:' as x", /one statement only/],
    ['pragma writable_schema = 1', /must be a SELECT/],
    ["select v from pragma_table_info('t') join t", null],
    ["insert into t (v) values ('z')", /must be a SELECT/],
    ["with x as (select 1) insert into t (v) values ('z')", /INSERT is not allowed/],
    ['drop table t', /must be a SELECT/],
    ['select v from t; drop table t', /one statement only/],
    ["select load_extension('x')", /LOAD_EXTENSION is not allowed/],
    ['with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c', /recursive queries/],
    ['with c(x) as (select 1 union all select x + 1 from "c") select x from c', /recursive queries/],
  ])('refuses %s with a clear message', async (query, message) => {
    const { grading } = await timed(sql(query));
    expect(grading.passed).toBe(0);
    if (message) expect(grading.error).toMatch(message);
  });

  it('refuses a cartesian explosion before it runs', async () => {
    const joins = Array.from({ length: 10 }, (_, i) => `t t${i}`).join(', ');
    const { grading, ms } = await timed(sql(`select count(*) from ${joins}`));
    expect(grading.results[0]?.error).toBe('the query combines too many rows (a join without a condition?)');
    expect(ms).toBeLessThan(1000);
  });

  it('refuses more rows than the cap', async () => {
    const { grading } = await timed(sql('select a.v from t a, t b, t c, t d'));
    expect(grading.results[0]?.error).toBe('the query returns more than 1000 rows');
  });

  it.each([
    "select length(printf('%.*c', 300000000, 'x')) from t",
    'select length(hex(zeroblob(200000000))) from t',
    "select length(replace(replace(printf('%.*c', 1000000, 'x'), 'x', 'xxxxxxxxxx'), 'x', 'xxxxxxxxxx')) from t",
  ])('ends %s, one step that builds a huge value, by the memory cap and not the machine', async (query) => {
    const { grading } = await timed(sql(query));
    expect(grading.results[0]?.error).toBe('memory limit exceeded');
  });

  it('cannot change the data even through a function the guard does not know', async () => {
    const { grading } = await timed(sql('select v from t where (select count(*) from t) = 8'));
    expect(grading.passed).toBe(1);
  });
});
