import { describe, expect, it } from 'vitest';
import type { RawSection } from '../bank/types';
import { codeSource } from './code/source';
import { sqlSource } from './sql/source';

function section(name: string, text: string): RawSection {
  return { name, line: 10, lines: text.split('\n').map((t, i) => ({ text: t, line: 11 + i })) };
}

function read(source: typeof codeSource | typeof sqlSource, name: string, text: string) {
  const errors: string[] = [];
  const answer = source.read(section(name, text), {
    error: (line, message) => errors.push(`${line}: ${message}`),
    warn: () => {},
  });
  return { answer, errors };
}

const fence = (lang: string, code: string) => ['```' + lang, code, '```'].join('\n');
const hidden = (n: number) => Array.from({ length: n }, (_, i) => `- \`twice(${i})\` → \`${2 * i}\``).join('\n');

function codeSection(parts: { fn?: string; hiddenCount?: number; wrong?: boolean; extra?: string } = {}) {
  return [
    `function: ${parts.fn ?? 'twice'}`,
    'time: 200 ms',
    '#### Starter',
    fence('js', 'function twice(n) {}'),
    '#### Tests',
    '- `twice(2)` → `4`',
    '#### Hidden tests',
    hidden(parts.hiddenCount ?? 5),
    '#### Reference solution',
    fence('js', 'const twice = (n) => n * 2;'),
    ...(parts.wrong === false ? [] : ['#### Wrong solution', fence('js', 'const twice = (n) => n + 2;')]),
    parts.extra ?? '',
  ].join('\n');
}

describe('the code section', () => {
  it('reads settings, parts and JSON tests', () => {
    const { answer, errors } = read(codeSource, 'Code', codeSection());
    expect(errors).toEqual([]);
    expect(answer).toMatchObject({
      functionName: 'twice',
      limits: { timeMs: 200, memoryBytes: 32 << 20 },
      starter: 'function twice(n) {}',
      visible: [{ name: 'twice(2)', args: [2], expected: 4 }],
      reference: 'const twice = (n) => n * 2;',
    });
    expect(answer?.type === 'code' && answer.hidden).toHaveLength(5);
  });

  it('names what is missing or wrong, with its line', () => {
    expect(read(codeSource, 'Code', codeSection({ wrong: false })).errors).toEqual([
      '10: the "#### Wrong solution" part is missing',
    ]);
    expect(read(codeSource, 'Code', codeSection({ hiddenCount: 4 })).errors).toEqual([
      '19: give at least 5 hidden tests, found 4',
    ]);
    const misnamed = read(codeSource, 'Code', codeSection({ fn: 'double' }));
    expect(misnamed.answer).toBeNull();
    expect(misnamed.errors[0]).toBe('18: the test calls twice, but the function is double');
    const badJson = read(codeSource, 'Code', codeSection().replace('`twice(2)` → `4`', "`twice('2')` → `4`"));
    expect(badJson.errors).toEqual([
      "18: the arguments are not valid JSON: ['2']",
      '10: give at least one visible test',
    ]);
    const unknown = read(codeSource, 'Code', codeSection({ extra: '#### Solution' }));
    expect(unknown.errors[0]).toMatch(/unknown part "#### Solution"/);
  });
});

describe('assertion tests in the code section', () => {
  const snippet = ['const xs = [1];', 'twice(xs);', 'assertEqual(xs, [1]);'].join('\n');
  const withAssertion = (item: string) =>
    codeSection().replace('#### Reference solution', `${item}\n#### Reference solution`);

  it('reads a named list item and its fenced block as an assertion test, beside call tests', () => {
    const { answer, errors } = read(
      codeSource,
      'Code',
      withAssertion(
        ['- leaves its input alone', '  ```js', ...snippet.split('\n').map((l) => `  ${l}`), '  ```'].join('\n'),
      ),
    );
    expect(errors).toEqual([]);
    const hiddenTests = answer?.type === 'code' ? answer.hidden : [];
    expect(hiddenTests).toHaveLength(6);
    expect(hiddenTests[5]).toEqual({ name: 'leaves its input alone', snippet });
  });

  it('names an item without its block, a snippet that never calls the function and a stray block', () => {
    expect(read(codeSource, 'Code', withAssertion('- no block here')).errors).toEqual([
      expect.stringMatching(
        /^25: a test is a list item like .* or a list item naming an assertion test followed by a fenced js block$/,
      ),
    ]);
    expect(
      read(codeSource, 'Code', withAssertion(['- silent', fence('js', 'assert(true);')].join('\n'))).errors,
    ).toEqual(['25: the assertion test never names twice']);
    const stray = codeSection().replace(
      '#### Hidden tests',
      ['#### Hidden tests', fence('js', 'twice(1);')].join('\n'),
    );
    expect(read(codeSource, 'Code', stray).errors).toEqual([
      '20: a code block belongs to the list item naming its assertion test, above it',
    ]);
    const called = withAssertion(['- `twice(1)` → `2`', fence('js', 'twice(1);')].join('\n'));
    expect(read(codeSource, 'Code', called).errors).toEqual([
      '26: a call test has no code block; an assertion test names itself',
    ]);
  });
});

function sqlSection(reference = 'SELECT name FROM t') {
  const db = (name: string) => [`- ${name}`, fence('sql', "INSERT INTO t VALUES ('x');")].join('\n');
  return [
    'order matters: no',
    '#### Schema',
    fence('sql', 'CREATE TABLE t (name TEXT);'),
    '#### Tests',
    db('one'),
    '#### Hidden tests',
    ['a', 'b', 'c', 'd', 'e'].map(db).join('\n'),
    '#### Reference query',
    fence('sql', reference),
    '#### Wrong query',
    fence('sql', 'SELECT 1'),
  ].join('\n');
}

describe('the query section', () => {
  it('reads the schema, named test databases and the queries', () => {
    const { answer, errors } = read(sqlSource, 'Query', sqlSection());
    expect(errors).toEqual([]);
    expect(answer).toMatchObject({
      orderMatters: false,
      schema: 'CREATE TABLE t (name TEXT);',
      visible: [{ name: 'one', seed: "INSERT INTO t VALUES ('x');" }],
    });
    expect(answer?.type === 'sql' && answer.hidden.map((t) => t.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('refuses a reference query the grader would refuse, and a missing order setting', () => {
    expect(read(sqlSource, 'Query', sqlSection('DELETE FROM t')).errors).toEqual([
      expect.stringContaining('the reference query would be refused: the query must be a SELECT'),
    ]);
    expect(read(sqlSource, 'Query', sqlSection().replace('order matters: no\n', '')).errors).toEqual([
      '10: the "order matters: yes|no" setting is missing',
    ]);
  });

  it('names a block above the first test database, as the code section names a stray block', () => {
    const stray = sqlSection().replace(
      '#### Tests',
      ['#### Tests', fence('sql', 'INSERT INTO t VALUES (1);')].join('\n'),
    );
    expect(read(sqlSource, 'Query', stray).errors).toEqual([
      '17: a fenced block belongs to the list item naming its test database, above it',
    ]);
  });
});
