import { describe, expect, it } from 'vitest';
import { gradeWith } from './grade';
import { fromJsonResultSet, toJsonResultSet } from './result-sets';
import { testEngines } from './test-engines';
import type { CodeTask, SqlTask } from './types';

const now = () => performance.now();
const limits = { timeMs: 1000, memoryBytes: 16 << 20 };

function codeTask(source: string, overrides: Partial<CodeTask> = {}): CodeTask {
  return {
    kind: 'code',
    source,
    functionName: 'add',
    tests: [
      { name: 'small', args: [1, 2], expected: 3 },
      { name: 'floats', args: [0.1, 0.2], expected: 0.3 },
    ],
    limits,
    ...overrides,
  };
}

const schema = 'create table people (id integer primary key, name text not null, age integer);';
function sqlTask(query: string, overrides: Partial<SqlTask> = {}): SqlTask {
  return {
    kind: 'sql',
    schema,
    query,
    reference: 'select name from people where age >= 18 order by name',
    orderMatters: false,
    tests: [
      { name: 'two adults', seed: "insert into people values (1, 'Ana', 30), (2, 'Bo', 12), (3, 'Cy', 18);" },
      { name: 'nobody', seed: '' },
    ],
    limits,
    ...overrides,
  };
}

describe('code grading', () => {
  it('passes a right function, declared or as a const arrow, with per-test results', async () => {
    const engines = await testEngines();
    for (const source of ['function add(a, b) { return a + b; }', 'const add = (a, b) => a + b;']) {
      const grading = await gradeWith(engines, codeTask(source), now);
      expect(grading).toMatchObject({ passed: 2, total: 2, error: null });
      expect(grading.results[1]).toMatchObject({ name: 'floats', passed: true, expected: '0.3', error: null });
    }
  });

  it('compares objects by value, keys in any order, and says what came back when it differs', async () => {
    const engines = await testEngines();
    const task = codeTask('function add(a, b) { return { sum: a + b, of: [a, b] }; }', {
      tests: [
        { name: 'shape', args: [1, 2], expected: { of: [1, 2], sum: 3 } },
        { name: 'wrong', args: [1, 2], expected: { sum: 4, of: [1, 2] } },
      ],
    });
    const grading = await gradeWith(engines, task, now);
    expect(grading.results.map((r) => r.passed)).toEqual([true, false]);
    expect(grading.results[1]?.got).toBe('{"sum":3,"of":[1,2]}');
  });

  it('reports a syntax error, a missing function and a thrown error in words, and keeps console output', async () => {
    const engines = await testEngines();
    const broken = await gradeWith(engines, codeTask('function add(a, b) { return a +'), now);
    expect(broken.results[0]?.error).toMatch(/^SyntaxError/);
    const missing = await gradeWith(engines, codeTask('function plus(a, b) { return a + b; }'), now);
    expect(missing.results[0]?.error).toBe('no function named add is defined');
    const throws = await gradeWith(
      engines,
      codeTask('function add() { console.log("here", 1); throw new TypeError("nope"); }'),
      now,
    );
    expect(throws.results[0]).toMatchObject({ passed: false, error: 'TypeError: nope', output: 'here 1\n' });
  });

  it('counts undefined as a wrong result, never as a match', async () => {
    const engines = await testEngines();
    const grading = await gradeWith(
      engines,
      codeTask('function add() {}', { tests: [{ name: 'null', args: [], expected: null }] }),
      now,
    );
    expect(grading.results[0]).toMatchObject({ passed: false, got: 'undefined' });
  });
});

describe('assertion tests', () => {
  const chunkTask = (source: string, snippets: Record<string, string>): CodeTask => ({
    kind: 'code',
    source,
    functionName: 'chunk',
    tests: Object.entries(snippets).map(([name, snippet]) => ({ name, snippet })),
    limits,
  });
  const right =
    'function chunk(xs, n) { const out = []; for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n)); return out; }';
  const mutating = 'function chunk(xs, n) { const out = []; while (xs.length) out.push(xs.splice(0, n)); return out; }';
  const snippets = {
    'the input is unchanged':
      'const xs = [1, 2, 3];\nchunk(xs, 2);\nassertEqual(xs, [1, 2, 3], "chunk changed its input");',
    'each chunk is an array':
      'const out = chunk([1, 2, 3], 2);\nassert(out.every(Array.isArray), "a chunk is not an array");',
    'the shape': 'assertEqual(chunk([1, 2, 3], 2), [[1, 2], [3]]);',
  };

  it("passes a snippet that completes and fails one that throws, with the assertion's message", async () => {
    const engines = await testEngines();
    const good = await gradeWith(engines, chunkTask(right, snippets), now);
    expect(good).toMatchObject({ passed: 3, total: 3, error: null });
    expect(good.results[0]).toMatchObject({
      name: 'the input is unchanged',
      expected: 'every assertion holds',
      snippet: snippets['the input is unchanged'],
    });
    const bad = await gradeWith(engines, chunkTask(mutating, snippets), now);
    expect(bad.results.map((r) => r.passed)).toEqual([false, true, true]);
    expect(bad.results[0]?.error).toBe('AssertionError: chunk changed its input: expected [1,2,3], got []');
  });

  it('compares by value with assertEqual (keys in any order, numbers within 1e-9) and says what differs', async () => {
    const engines = await testEngines();
    const task = chunkTask('const chunk = (a, b) => ({ sum: a + b, of: [a, b] });', {
      equal: 'assertEqual(chunk(0.1, 0.2), { of: [0.1, 0.2], sum: 0.3 });',
      'extra key': 'assertEqual(chunk(1, 2), { sum: 3 });',
      'plain assert': 'assert(chunk(1, 2).sum === 4);',
      'array is not an object': 'assertEqual([], {}, "kinds");',
    });
    const grading = await gradeWith(engines, task, now);
    expect(grading.results.map((r) => [r.passed, r.error])).toEqual([
      [true, null],
      [false, 'AssertionError: expected {"sum":3}, got {"sum":3,"of":[1,2]}'],
      [false, 'AssertionError: assertion failed'],
      [false, 'AssertionError: kinds: expected {}, got []'],
    ]);
  });

  it('fails a snippet whose candidate code is missing or throws, and says so', async () => {
    const engines = await testEngines();
    const missing = await gradeWith(engines, chunkTask('function other() {}', snippets), now);
    expect(missing.results[0]?.error).toBe('no function named chunk is defined');
    const throws = await gradeWith(
      engines,
      chunkTask('function chunk() { throw new RangeError("no"); }', snippets),
      now,
    );
    expect(throws.results[2]?.error).toBe('RangeError: no');
    const broken = await gradeWith(engines, chunkTask(right, { broken: 'assert(chunk(' }), now);
    expect(broken.results[0]?.error).toMatch(/^the test's code does not compile: SyntaxError/);
  });
});

describe('SQL grading', () => {
  it('compares result sets with the reference query on a fresh database per test', async () => {
    const engines = await testEngines();
    const right = await gradeWith(engines, sqlTask('SELECT p.name AS who FROM people p WHERE p.age > 17'), now);
    expect(right).toMatchObject({ passed: 2, total: 2, error: null });
    expect(right.results[0]?.expected).toBe('name\nAna\nCy');
    const wrong = await gradeWith(engines, sqlTask('select name from people where age > 18'), now);
    expect(wrong.results.map((r) => r.passed)).toEqual([false, true]);
  });

  it('checks order only when the question says it matters', async () => {
    const engines = await testEngines();
    const descending = 'select name from people where age >= 18 order by name desc';
    expect((await gradeWith(engines, sqlTask(descending), now)).passed).toBe(2);
    expect((await gradeWith(engines, sqlTask(descending, { orderMatters: true }), now)).passed).toBe(1);
  });

  it('treats 1 and 1.0 alike but a different column count as wrong, with a message', async () => {
    const engines = await testEngines();
    const task = sqlTask('select count(*) * 1.0 from people', { reference: 'select count(*) from people' });
    expect((await gradeWith(engines, task, now)).passed).toBe(2);
    const extra = await gradeWith(engines, sqlTask('select name, age from people where age >= 18'), now);
    expect(extra.results[0]?.error).toBe('the query returns 2 column(s); 1 expected');
  });

  it('compares with the rows a test brings, as the browser does, without running the reference', async () => {
    const engines = await testEngines();
    const expected = toJsonResultSet({ columns: ['name'], rows: [['Ana'], ['Cy']] });
    const task = (query: string, orderMatters: boolean) =>
      sqlTask(query, {
        reference: 'this is not run',
        orderMatters,
        tests: [{ name: 'two adults', seed: "insert into people values (1, 'Ana', 30), (3, 'Cy', 18);", expected }],
      });
    const reversed = 'select name from people order by name desc';
    expect((await gradeWith(engines, task(reversed, false), now)).results[0]).toMatchObject({
      passed: true,
      expected: 'name\nAna\nCy',
      got: 'name\nCy\nAna',
    });
    expect((await gradeWith(engines, task(reversed, true), now)).passed).toBe(0);
  });

  it('keeps the rows when asked, blobs included, in a form that survives JSON', async () => {
    const engines = await testEngines();
    const grading = await gradeWith(
      engines,
      sqlTask("select name, x'00ff' as b from people order by id", {
        keepRows: true,
        tests: [sqlTask('').tests[0] as SqlTask['tests'][number]],
      }),
      now,
    );
    const rows = grading.results[0]?.rows;
    expect(rows).toEqual({
      columns: ['name', 'b'],
      rows: [
        ['Ana', { hex: '00ff' }],
        ['Bo', { hex: '00ff' }],
        ['Cy', { hex: '00ff' }],
      ],
    });
    const back = fromJsonResultSet(JSON.parse(JSON.stringify(rows)));
    expect(back.rows[0]?.[1]).toEqual(Uint8Array.from([0, 255]));
  });
});
