/**
 * Reads a variant question's `### Parameters` section: one list item per name.
 *
 *   - n: integer 3..9            whole numbers from 3 to 9
 *   - base: integer 2..16 step 2 2, 4, ... 16
 *   - op: one of "+", "*"        a pick from a list of numbers or strings
 *   - total = n * (n + 1) / 2    a derived value, computed from the names above it
 *
 * Every problem is reported with its line; what could be read is returned.
 */
import { ExpressionError, isReservedName, namesIn, parseExpression } from '../engine/expression';
import type { DerivedSpec, ParameterSpec } from '../engine/variant';
import type { Read } from './sections';
import type { SourceLine } from './types';

export interface ReadParameters {
  parameters: (ParameterSpec & { line: number })[];
  derived: (DerivedSpec & { line: number })[];
  /** Every name declared, even one whose line has an error: a later use of it is not reported again. */
  names: Set<string>;
}

const namePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;
const drawnPattern = /^-\s+([^:=\s]+)\s*:\s*(.*)$/;
const derivedPattern = /^-\s+([^:=\s]+)\s*=\s*(.*)$/;
const integerPattern = /^integer\s+(-?\d+)\s*\.\.\s*(-?\d+)(?:\s+step\s+(\d+))?$/;
const choicePattern = /^one of\s+(.+)$/;

export function readParameters(lines: readonly SourceLine[], sectionLine: number): Read<ReadParameters> {
  const value: ReadParameters = { parameters: [], derived: [], names: new Set() };
  const errors: Read<ReadParameters>['errors'] = [];
  const error = (line: number, message: string) => errors.push({ line, message });
  const declared = new Map<string, number>();

  for (const { text, line } of lines) {
    const item = text.trim();
    if (item === '') continue;
    const drawn = drawnPattern.exec(item);
    const derived = drawn ? null : derivedPattern.exec(item);
    const name = drawn?.[1] ?? derived?.[1];
    if (name === undefined) {
      error(line, 'a parameter line is "- name: integer 1..9", "- name: one of "a", "b"" or "- name = expression"');
      continue;
    }
    if (!namePattern.test(name)) {
      error(line, `parameter name "${name}" is letters, digits and _ (not starting with a digit)`);
      continue;
    }
    if (isReservedName(name)) {
      error(line, `"${name}" is a word of the expression language; choose another name`);
      continue;
    }
    const first = declared.get(name);
    if (first !== undefined) {
      error(line, `parameter "${name}" is declared twice (also on line ${first})`);
      continue;
    }
    if (drawn) readDrawn(name, (drawn[2] ?? '').trim(), line, value, error);
    else readDerived(name, (derived?.[2] ?? '').trim(), line, declared, value, error);
    declared.set(name, line);
    value.names.add(name);
  }
  if (value.parameters.length === 0 && errors.length === 0) {
    error(sectionLine, 'a "### Parameters" section declares at least one drawn parameter ("- n: integer 1..9")');
  }
  return { value, errors };
}

function readDrawn(
  name: string,
  spec: string,
  line: number,
  into: ReadParameters,
  error: (line: number, message: string) => void,
) {
  const integer = integerPattern.exec(spec);
  if (integer) {
    const min = Number(integer[1]);
    const max = Number(integer[2]);
    const step = integer[3] === undefined ? 1 : Number(integer[3]);
    if (step < 1) error(line, `the step of "${name}" is a whole number of at least 1`);
    else if (max <= min)
      error(line, `the range of "${name}" runs from a smaller to a larger number, found ${min}..${max}`);
    else if ((max - min) % step !== 0)
      error(line, `${min}..${max} step ${step}: ${max} is not reached from ${min} in steps of ${step}`);
    else into.parameters.push({ name, kind: 'integer', min, max, step, line });
    return;
  }
  const choice = choicePattern.exec(spec);
  if (choice) {
    const values = readChoices(choice[1] ?? '');
    if (typeof values === 'string') error(line, `the values of "${name}": ${values}`);
    else if (values.length < 2) error(line, `"${name}" needs at least two values to choose from`);
    else if (new Set(values).size !== values.length) error(line, `the values of "${name}" repeat one`);
    else into.parameters.push({ name, kind: 'choice', values, line });
    return;
  }
  error(line, `"${name}: ${spec}" is neither "integer <min>..<max> [step <n>]" nor "one of <values>"`);
}

/** `"+", "*"` or `1, 2, 4`: literals separated by commas, read with the expression language's own literals. */
function readChoices(text: string): (number | string)[] | string {
  try {
    const tree = parseExpression(`max(0, ${text})`);
    if (tree.kind !== 'call') return 'write them as literals separated by commas';
    const values: (number | string)[] = [];
    for (const arg of tree.args.slice(1)) {
      const negative = arg.kind === 'unary' && arg.op === '-' && arg.operand.kind === 'literal';
      const literal = negative ? arg.operand : arg;
      if (literal.kind !== 'literal' || typeof literal.value === 'boolean') {
        return 'each value is a number or a quoted string';
      }
      values.push(negative && typeof literal.value === 'number' ? -literal.value : literal.value);
    }
    return values;
  } catch (e) {
    if (e instanceof ExpressionError) return 'write them as numbers or quoted strings separated by commas';
    throw e;
  }
}

function readDerived(
  name: string,
  expression: string,
  line: number,
  declared: ReadonlyMap<string, number>,
  into: ReadParameters,
  error: (line: number, message: string) => void,
) {
  try {
    const unknown = namesIn(parseExpression(expression)).filter((used) => !declared.has(used));
    for (const used of unknown) {
      if (used === name) error(line, `"${name}" cannot be computed from itself`);
      else error(line, `"${name}" uses "${used}", which is not declared above it`);
    }
    if (unknown.length === 0) into.derived.push({ name, expression, line });
  } catch (e) {
    if (!(e instanceof ExpressionError)) throw e;
    error(line, `the expression of "${name}": ${e.message}`);
  }
}
