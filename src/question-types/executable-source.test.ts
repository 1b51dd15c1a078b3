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
});
