import { describe, expect, it } from 'vitest';
import {
  ExpressionError,
  evaluateText,
  expressionLimits,
  formatValue,
  namesIn,
  parseExpression,
  type Value,
} from './expression';

const names = new Map<string, Value>([
  ['n', 7],
  ['op', '+'],
  ['flag', true],
]);
const run = (text: string) => evaluateText(text, names);
const failure = (text: string) => {
  try {
    run(text);
  } catch (e) {
    if (e instanceof ExpressionError) return e.message;
    throw e;
  }
  throw new Error(`${text} did not fail`);
};

describe('the expression language', () => {
  it('follows the usual precedence and associativity', () => {
    expect(run('1 + 2 * 3')).toBe(7);
    expect(run('(1 + 2) * 3')).toBe(9);
    expect(run('10 - 4 - 3')).toBe(3);
    expect(run('2 ** 3 ** 2')).toBe(512);
    // As in Python: the power binds tighter than the minus before it.
    expect(run('-2 ** 2')).toBe(-4);
    expect(run('(-2) ** 2')).toBe(4);
    expect(run('17 // 5 * 5 + 17 % 5')).toBe(17);
    expect(run('-7 // 2')).toBe(-4);
    expect(run('-7 % 2')).toBe(-1);
    expect(run('n * (n + 1) / 2')).toBe(28);
    expect(run('1 < 2 == true')).toBe(true);
    expect(run('n > 5 && op == "+" || false')).toBe(true);
    expect(run('n > 5 ? "big" : n > 2 ? "mid" : "small"')).toBe('big');
    expect(run('flag ? 1 : 2')).toBe(1);
    expect(run('!flag')).toBe(false);
  });

  it('joins strings with + and calls only the allowed functions', () => {
    expect(run('"n=" + n')).toBe('n=7');
    expect(run("'a' + op + 1.5")).toBe('a+1.5');
    expect(run('max(1, n, 3) + min(4, 2) + abs(-1) + floor(2.7) + ceil(2.1) + round(2.5)')).toBe(18);
    expect(run('round(2 / 3, 2)')).toBe(0.67);
    expect(run('pow(2, 10) + sqrt(16) + log2(8)')).toBe(1031);
    expect(run('len("abc") + num("4.5")')).toBe(7.5);
    expect(run('str(n) + hex(255) + oct(8) + bin(5) + pad(7, 3)')).toBe('7ff10101007');
    expect(run('upper("ab") + lower("CD")')).toBe('ABcd');
    expect(formatValue(run('0.1 + 0.2'))).toBe('0.3');
  });

  it('lists the names an expression reads', () => {
    expect(namesIn(parseExpression('a + max(b, a) * (c ? d : 1)'))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reaches nothing but the names it is given', () => {
    expect(failure('constructor')).toBe('unknown name "constructor" (column 1)');
    expect(failure('__proto__')).toBe('unknown name "__proto__" (column 1)');
    expect(failure('this')).toBe('unknown name "this" (column 1)');
    expect(failure('toString')).toBe('unknown name "toString" (column 1)');
    expect(failure('n.constructor')).toBe('unexpected ".": there is no property access or indexing (column 2)');
    expect(failure('op["length"]')).toBe('unexpected "[": there is no property access or indexing (column 3)');
    expect(failure('eval("1")')).toMatch(/^"eval" is not a function \(functions: abs, ceil/);
    expect(failure('constructor(1)')).toMatch(/^"constructor" is not a function/);
    expect(failure('Function("return 1")()')).toMatch(/^"Function" is not a function/);
    expect(failure('max')).toBe('"max" is a function: call it, max(...) (column 1)');
    expect(failure('n = 3')).toBe('unexpected "=" (column 3)');
    expect(failure('`x`')).toBe('unexpected "`" (column 1)');
  });

  it('bounds work and size: huge powers, deep nesting, long text, long strings', () => {
    expect(failure('10 ** 400')).toBe('the result is not a finite number (column 4)');
    expect(failure('pow(2, 5000)')).toBe('the result is not a finite number (column 1)');
    expect(failure(`${'('.repeat(60)}1${')'.repeat(60)}`)).toMatch(/^an expression nests at most 40 deep/);
    expect(failure(`${'-'.repeat(60)}1`)).toMatch(/^an expression nests at most 40 deep/);
    expect(failure(`1${' + 1'.repeat(200)}`)).toBe(`an expression is at most ${expressionLimits.length} characters`);
    expect(failure('pad("x", 100)')).toBe('pad widens to at most 64 characters (column 1)');
    const doubling = Array.from({ length: 11 }, () => 's').reduce((e) => `(${e} + ${e})`, '"ab"');
    expect(doubling.length).toBeGreaterThan(expressionLimits.length);
  });

  it('refuses mixed types, division by zero and bad syntax with a message and a column', () => {
    expect(failure('1 / 0')).toBe('division by zero (column 3)');
    expect(failure('n // (n - 7)')).toBe('division by zero (column 3)');
    expect(failure('5 % 0')).toBe('division by zero (column 3)');
    expect(failure('op * 2')).toBe('* takes numbers, got the string "+" (column 4)');
    expect(failure('n < "8"')).toBe(
      '< compares two numbers or two strings, got the number 7 and the string "8" (column 3)',
    );
    expect(failure('n ? 1 : 2')).toBe('? takes true or false, got the number 7 (column 3)');
    expect(failure('n && flag')).toBe('&& takes true or false, got the number 7 (column 3)');
    expect(failure('1 +')).toBe('expected a value but found the end (column 4)');
    expect(failure('(1 + 2')).toBe('expected ")" but found the end (column 7)');
    expect(failure('1 2')).toBe('unexpected "2" after the expression (column 3)');
    expect(failure('"abc')).toBe('a string is not closed (column 1)');
    expect(failure('3n')).toBe('a number runs into "n" (column 2)');
    expect(failure('abs(1, 2)')).toBe('abs takes 1 argument (column 1)');
    expect(failure('hex(1.5)')).toBe('hex takes a whole number, got 1.5 (column 1)');
  });
});
