/**
 * The small expression language of variant questions: what computes a derived value or an answer
 * from a question's parameters. Written here rather than run through `eval` or `new Function`,
 * because question text comes from authors (and, for private banks, from any organization's
 * members): an expression can only read the names it is given and call the functions below.
 *
 * Values are numbers, strings and booleans. Operators, loosest first:
 *   c ? a : b     ||     &&     == != < <= > >=     + -     * / // %     ** (right-assoc)     - + ! (unary)
 * `//` is floored division, `%` the remainder with the sign of the left operand (as in JavaScript),
 * `+` joins when either side is a string. There is no property access, no indexing, no assignment.
 */

export type Value = number | string | boolean;

/** A parse or evaluation error; `column` is 1-based in the expression's text when known. */
export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly column: number | null = null,
  ) {
    super(column === null ? message : `${message} (column ${column})`);
    this.name = 'ExpressionError';
  }
}

export type Expression =
  | { kind: 'literal'; value: Value }
  | { kind: 'name'; name: string; at: number }
  | { kind: 'unary'; op: '-' | '+' | '!'; operand: Expression; at: number }
  | { kind: 'binary'; op: BinaryOperator; left: Expression; right: Expression; at: number }
  | { kind: 'conditional'; test: Expression; then: Expression; otherwise: Expression; at: number }
  | { kind: 'call'; name: FunctionName; args: Expression[]; at: number };

type BinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '//' | '%' | '**';

/** Bounds that keep an expression cheap whatever an author writes. */
export const expressionLimits = { length: 500, depth: 40, stringLength: 2000 };

// ---------------------------------------------------------------- tokens

type Token =
  | { kind: 'number'; value: number; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'name'; value: string; at: number }
  | { kind: 'op'; value: string; at: number }
  | { kind: 'end'; at: number };

const operators = [
  '**',
  '//',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '!',
  '?',
  ':',
  '(',
  ')',
  ',',
];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    const at = i + 1;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const number = /^(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?/.exec(text.slice(i));
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]), at });
      i += number[0].length;
      if (/[A-Za-z_]/.test(text[i] ?? '')) throw new ExpressionError(`a number runs into "${text[i]}"`, i + 1);
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (name) {
      tokens.push({ kind: 'name', value: name[0], at });
      i += name[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      const read = readString(text, i);
      tokens.push({ kind: 'string', value: read.value, at });
      i = read.end;
      continue;
    }
    const op = operators.find((o) => text.startsWith(o, i));
    if (!op) {
      const hint = c === '.' || c === '[' ? ': there is no property access or indexing' : '';
      throw new ExpressionError(`unexpected "${c}"${hint}`, at);
    }
    tokens.push({ kind: 'op', value: op, at });
    i += op.length;
  }
  tokens.push({ kind: 'end', at: text.length + 1 });
  return tokens;
}

const stringEscapes: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', '"': '"', "'": "'" };

function readString(text: string, start: number): { value: string; end: number } {
  const quote = text[start];
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === quote) return { value, end: i + 1 };
    if (c === '\\') {
      const escaped = stringEscapes[text[i + 1] ?? ''];
      if (escaped === undefined) throw new ExpressionError('unknown escape in a string (\\n \\t \\\\ \\" \\\')', i + 1);
      value += escaped;
      i++;
    } else {
      value += c;
    }
  }
  throw new ExpressionError('a string is not closed', start + 1);
}

// ---------------------------------------------------------------- parser (precedence climbing)

const binaryPrecedence: Record<BinaryOperator, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 3,
  '<=': 3,
  '>': 3,
  '>=': 3,
  '+': 4,
  '-': 4,
  '*': 5,
  '/': 5,
  '//': 5,
  '%': 5,
  '**': 7,
};
const unaryPrecedence = 6;

const isBinary = (op: string): op is BinaryOperator => Object.hasOwn(binaryPrecedence, op);

/** Reserved words: the literals. Function names are reserved too (see `functions`). */
const literals: Record<string, Value> = { true: true, false: false };

/** Parses an expression, or throws an ExpressionError naming the column. */
export function parseExpression(text: string): Expression {
  if (text.length > expressionLimits.length) {
    throw new ExpressionError(`an expression is at most ${expressionLimits.length} characters`);
  }
  const tokens = tokenize(text);
  let index = 0;
  const peek = () => tokens[index] as Token;
  const next = () => tokens[index++] as Token;
  const isOp = (value: string) => {
    const t = peek();
    return t.kind === 'op' && t.value === value;
  };
  const expect = (value: string) => {
    const t = next();
    if (t.kind !== 'op' || t.value !== value)
      throw new ExpressionError(`expected "${value}" but found ${describe(t)}`, t.at);
  };

  const parse = (minPrecedence: number, depth: number): Expression => {
    if (depth > expressionLimits.depth) {
      throw new ExpressionError(`an expression nests at most ${expressionLimits.depth} deep`, peek().at);
    }
    let left = parsePrefix(depth);
    for (;;) {
      const t = peek();
      if (t.kind !== 'op') break;
      if (t.value === '?' && minPrecedence <= 0) {
        next();
        const then = parse(0, depth + 1);
        expect(':');
        const otherwise = parse(0, depth + 1);
        left = { kind: 'conditional', test: left, then, otherwise, at: t.at };
        continue;
      }
      if (!isBinary(t.value)) break;
      const precedence = binaryPrecedence[t.value];
      if (precedence < minPrecedence) break;
      next();
      // `**` groups to the right; everything else to the left.
      const right = parse(t.value === '**' ? precedence : precedence + 1, depth + 1);
      left = { kind: 'binary', op: t.value, left, right, at: t.at };
    }
    return left;
  };

  const parsePrefix = (depth: number): Expression => {
    const t = next();
    if (t.kind === 'number') return { kind: 'literal', value: t.value };
    if (t.kind === 'string') return { kind: 'literal', value: t.value };
    if (t.kind === 'op' && (t.value === '-' || t.value === '+' || t.value === '!')) {
      return { kind: 'unary', op: t.value, operand: parse(unaryPrecedence, depth + 1), at: t.at };
    }
    if (t.kind === 'op' && t.value === '(') {
      const inner = parse(0, depth + 1);
      expect(')');
      return inner;
    }
    if (t.kind === 'name') {
      const literal = literals[t.value];
      if (literal !== undefined && Object.hasOwn(literals, t.value)) return { kind: 'literal', value: literal };
      if (isOp('(')) {
        if (!isFunctionName(t.value)) {
          throw new ExpressionError(`"${t.value}" is not a function (functions: ${functionNames.join(', ')})`, t.at);
        }
        next();
        const args: Expression[] = [];
        if (!isOp(')')) {
          do args.push(parse(0, depth + 1));
          while (isOp(',') && next());
        }
        expect(')');
        return { kind: 'call', name: t.value, args, at: t.at };
      }
      if (isFunctionName(t.value))
        throw new ExpressionError(`"${t.value}" is a function: call it, ${t.value}(...)`, t.at);
      return { kind: 'name', name: t.value, at: t.at };
    }
    throw new ExpressionError(`expected a value but found ${describe(t)}`, t.at);
  };

  const tree = parse(0, 0);
  const rest = peek();
  if (rest.kind !== 'end') throw new ExpressionError(`unexpected ${describe(rest)} after the expression`, rest.at);
  return tree;
}

function describe(t: Token): string {
  if (t.kind === 'end') return 'the end';
  if (t.kind === 'string') return `the string "${t.value}"`;
  return `"${t.value}"`;
}

/** The names an expression reads, in order of first use: what a checker compares with the declared ones. */
export function namesIn(tree: Expression): string[] {
  const names = new Set<string>();
  const walk = (e: Expression) => {
    if (e.kind === 'name') names.add(e.name);
    else if (e.kind === 'unary') walk(e.operand);
    else if (e.kind === 'binary') {
      walk(e.left);
      walk(e.right);
    } else if (e.kind === 'conditional') {
      walk(e.test);
      walk(e.then);
      walk(e.otherwise);
    } else if (e.kind === 'call') e.args.forEach(walk);
  };
  walk(tree);
  return [...names];
}

// ---------------------------------------------------------------- functions

const num = (v: Value, name: string, at: number): number => {
  if (typeof v !== 'number') throw new ExpressionError(`${name} takes numbers, got ${typeName(v)}`, at);
  return v;
};
const str = (v: Value, name: string, at: number): string => {
  if (typeof v !== 'string') throw new ExpressionError(`${name} takes a string, got ${typeName(v)}`, at);
  return v;
};
const int = (v: Value, name: string, at: number): number => {
  const n = num(v, name, at);
  if (!Number.isSafeInteger(n)) throw new ExpressionError(`${name} takes a whole number, got ${n}`, at);
  return n;
};

type Implementation = { arity: [number, number]; run: (args: Value[], at: number) => Value };

/** The only functions an expression can call. */
const functions = {
  abs: { arity: [1, 1], run: ([x], at) => Math.abs(num(x as Value, 'abs', at)) },
  ceil: { arity: [1, 1], run: ([x], at) => Math.ceil(num(x as Value, 'ceil', at)) },
  floor: { arity: [1, 1], run: ([x], at) => Math.floor(num(x as Value, 'floor', at)) },
  round: {
    arity: [1, 2],
    run: ([x, digits = 0], at) => {
      const places = int(digits, 'round', at);
      if (places < 0 || places > 12) throw new ExpressionError('round keeps 0 to 12 decimals', at);
      const factor = 10 ** places;
      return Math.round(num(x as Value, 'round', at) * factor) / factor;
    },
  },
  min: { arity: [1, 20], run: (args, at) => Math.min(...args.map((a) => num(a, 'min', at))) },
  max: { arity: [1, 20], run: (args, at) => Math.max(...args.map((a) => num(a, 'max', at))) },
  pow: { arity: [2, 2], run: ([x, y], at) => power(num(x as Value, 'pow', at), num(y as Value, 'pow', at), at) },
  sqrt: { arity: [1, 1], run: ([x], at) => Math.sqrt(num(x as Value, 'sqrt', at)) },
  log2: { arity: [1, 1], run: ([x], at) => Math.log2(num(x as Value, 'log2', at)) },
  len: { arity: [1, 1], run: ([s], at) => str(s as Value, 'len', at).length },
  str: { arity: [1, 1], run: ([v]) => formatValue(v as Value) },
  num: {
    arity: [1, 1],
    run: ([s], at) => {
      const text = str(s as Value, 'num', at).trim();
      if (!/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/.test(text)) {
        throw new ExpressionError(`num: "${text}" is not a number`, at);
      }
      return Number(text);
    },
  },
  hex: { arity: [1, 1], run: ([x], at) => int(x as Value, 'hex', at).toString(16) },
  oct: { arity: [1, 1], run: ([x], at) => int(x as Value, 'oct', at).toString(8) },
  bin: { arity: [1, 1], run: ([x], at) => int(x as Value, 'bin', at).toString(2) },
  pad: {
    arity: [2, 3],
    run: ([s, width, fill = '0'], at) => {
      const w = int(width as Value, 'pad', at);
      if (w < 0 || w > 64) throw new ExpressionError('pad widens to at most 64 characters', at);
      const f = str(fill, 'pad', at);
      if (f.length !== 1) throw new ExpressionError('pad fills with one character', at);
      return formatValue(s as Value).padStart(w, f);
    },
  },
  upper: { arity: [1, 1], run: ([s], at) => str(s as Value, 'upper', at).toUpperCase() },
  lower: { arity: [1, 1], run: ([s], at) => str(s as Value, 'lower', at).toLowerCase() },
} satisfies Record<string, Implementation>;

type FunctionName = keyof typeof functions;
const functionNames = Object.keys(functions) as FunctionName[];
const isFunctionName = (name: string): name is FunctionName => Object.hasOwn(functions, name);

/** Whether a name is taken by the language (a literal or a function), so no parameter may use it. */
export function isReservedName(name: string): boolean {
  return Object.hasOwn(literals, name) || isFunctionName(name);
}

// ---------------------------------------------------------------- evaluation

/**
 * Evaluates a parsed expression over `names`. Every result is a finite number, a string of
 * bounded length or a boolean; anything else (division by zero, an overflowing power, a string
 * where a number belongs, an unknown name) throws an ExpressionError.
 */
export function evaluate(tree: Expression, names: ReadonlyMap<string, Value>): Value {
  return evaluateNode(tree, names);
}

/** Parses and evaluates in one step. */
export function evaluateText(text: string, names: ReadonlyMap<string, Value>): Value {
  return evaluate(parseExpression(text), names);
}

function evaluateNode(e: Expression, names: ReadonlyMap<string, Value>): Value {
  switch (e.kind) {
    case 'literal':
      return e.value;
    case 'name': {
      const value = names.get(e.name);
      if (value === undefined) throw new ExpressionError(`unknown name "${e.name}"`, e.at);
      return value;
    }
    case 'unary': {
      const v = evaluateNode(e.operand, names);
      if (e.op === '!') return !bool(v, '!', e.at);
      const n = num(v, `unary ${e.op}`, e.at);
      return e.op === '-' ? checked(-n, e.at) : n;
    }
    case 'conditional':
      return bool(evaluateNode(e.test, names), '?', e.at)
        ? evaluateNode(e.then, names)
        : evaluateNode(e.otherwise, names);
    case 'call': {
      const fn: Implementation = functions[e.name];
      const [least, most] = fn.arity;
      if (e.args.length < least || e.args.length > most) {
        const wanted = least === most ? `${least}` : `${least} to ${most}`;
        throw new ExpressionError(`${e.name} takes ${wanted} argument${most === 1 ? '' : 's'}`, e.at);
      }
      return result(
        fn.run(
          e.args.map((a) => evaluateNode(a, names)),
          e.at,
        ),
        e.at,
      );
    }
    case 'binary':
      return binary(e, names);
  }
}

function binary(e: Extract<Expression, { kind: 'binary' }>, names: ReadonlyMap<string, Value>): Value {
  // && and || evaluate their right side only when needed, as everywhere.
  if (e.op === '&&')
    return bool(evaluateNode(e.left, names), '&&', e.at) && bool(evaluateNode(e.right, names), '&&', e.at);
  if (e.op === '||')
    return bool(evaluateNode(e.left, names), '||', e.at) || bool(evaluateNode(e.right, names), '||', e.at);
  const left = evaluateNode(e.left, names);
  const right = evaluateNode(e.right, names);
  switch (e.op) {
    case '==':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compare(e.op, left, right, e.at);
    case '+':
      if (typeof left === 'string' || typeof right === 'string')
        return result(formatValue(left) + formatValue(right), e.at);
      return checked(num(left, '+', e.at) + num(right, '+', e.at), e.at);
    default: {
      const x = num(left, e.op, e.at);
      const y = num(right, e.op, e.at);
      if ((e.op === '/' || e.op === '//' || e.op === '%') && y === 0)
        throw new ExpressionError('division by zero', e.at);
      if (e.op === '-') return checked(x - y, e.at);
      if (e.op === '*') return checked(x * y, e.at);
      if (e.op === '/') return checked(x / y, e.at);
      if (e.op === '//') return checked(Math.floor(x / y), e.at);
      if (e.op === '%') return checked(x % y, e.at);
      return power(x, y, e.at);
    }
  }
}

function compare(op: '<' | '<=' | '>' | '>=', left: Value, right: Value, at: number): boolean {
  if (typeof left !== typeof right || typeof left === 'boolean') {
    throw new ExpressionError(
      `${op} compares two numbers or two strings, got ${typeName(left)} and ${typeName(right)}`,
      at,
    );
  }
  const [x, y] = [left, right] as [number, number] | [string, string];
  if (op === '<') return x < y;
  if (op === '<=') return x <= y;
  if (op === '>') return x > y;
  return x >= y;
}

function power(x: number, y: number, at: number): number {
  return checked(x ** y, at);
}

function bool(v: Value, op: string, at: number): boolean {
  if (typeof v !== 'boolean') throw new ExpressionError(`${op} takes true or false, got ${typeName(v)}`, at);
  return v;
}

function checked(n: number, at: number): number {
  if (!Number.isFinite(n)) throw new ExpressionError('the result is not a finite number', at);
  return n;
}

function result(v: Value, at: number): Value {
  if (typeof v === 'number') return checked(v, at);
  if (typeof v === 'string' && v.length > expressionLimits.stringLength) {
    throw new ExpressionError(`a string is at most ${expressionLimits.stringLength} characters`, at);
  }
  return v;
}

function typeName(v: Value): string {
  if (typeof v === 'string') return `the string "${v.length > 20 ? `${v.slice(0, 20)}...` : v}"`;
  return typeof v === 'boolean' ? `the boolean ${v}` : `the number ${v}`;
}

/**
 * How a value reads in question text: whole numbers as digits, other numbers to 12 significant
 * digits (so 0.1 + 0.2 reads 0.3), booleans as true or false.
 */
export function formatValue(v: Value): string {
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return Object.is(v, -0) ? '0' : String(v);
    return String(Number(v.toPrecision(12)));
  }
  return String(v);
}
