/**
 * Reads the answer sections of a question (`### Options`, `### Answer`, `### Order`) into typed
 * values. Each reader returns what it could read plus the problems found, each with its line.
 */
import type { SourceLine, SourceOption } from './types';

export interface Read<T> {
  value: T;
  errors: { line: number; message: string }[];
}

const optionPattern = /^-[ \t]+\[([ xX])\](?:[ \t]+(.*))?$/;
const listPattern = /^-[ \t]+(.*)$/;
const numberedPattern = /^(\d+)[.)](?:[ \t]+(.*))?$/;
// 42, -3.5, .5, 1e-3: what Number() accepts, without hex, Infinity or empty strings.
const numberPattern = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** Lines of Markdown joined, blank lines at either end dropped. */
export function markdownOf(lines: readonly SourceLine[]): string {
  return lines
    .map((l) => l.text.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

const nonBlank = (lines: readonly SourceLine[]) => lines.filter((l) => l.text.trim() !== '');

/** `- [x] right` and `- [ ] wrong`, one option per line. */
export function readOptions(lines: readonly SourceLine[]): Read<SourceOption[]> {
  const result: Read<SourceOption[]> = { value: [], errors: [] };
  for (const { text, line } of nonBlank(lines)) {
    const m = optionPattern.exec(text.trim());
    if (!m) {
      result.errors.push({
        line,
        message: `options are one line each: "- [x] right" or "- [ ] wrong", found "${text.trim()}"`,
      });
      continue;
    }
    result.value.push({ text: (m[2] ?? '').trim(), correct: m[1] !== ' ', line });
  }
  return result;
}

/** `1. first`, `2. second`...: the items in their correct order. */
export function readOrder(lines: readonly SourceLine[]): Read<SourceLine[]> {
  const result: Read<SourceLine[]> = { value: [], errors: [] };
  for (const { text, line } of nonBlank(lines)) {
    const m = numberedPattern.exec(text.trim());
    if (!m) {
      result.errors.push({ line, message: `order items are a numbered list, "1. first item", found "${text.trim()}"` });
      continue;
    }
    const expected = result.value.length + 1;
    if (Number(m[1]) !== expected && !result.errors.some((e) => e.message.startsWith('order items are numbered'))) {
      result.errors.push({
        line,
        message: `order items are numbered 1, 2, 3... in order: expected ${expected}, found ${m[1]}`,
      });
    }
    result.value.push({ text: (m[2] ?? '').trim(), line });
  }
  return result;
}

/** `- answer` per accepted answer of a text question. */
export function readAccepted(lines: readonly SourceLine[]): Read<SourceLine[]> {
  const result: Read<SourceLine[]> = { value: [], errors: [] };
  for (const { text, line } of nonBlank(lines)) {
    const m = listPattern.exec(text.trim()) ?? (text.trim() === '-' ? ['-', ''] : null);
    if (!m) {
      result.errors.push({ line, message: `accepted answers are a list, "- answer" per line, found "${text.trim()}"` });
      continue;
    }
    result.value.push({ text: (m[1] ?? '').trim(), line });
  }
  return result;
}

/** `true` or `false`, alone. */
export function readTrueFalse(lines: readonly SourceLine[], sectionLine: number): Read<boolean | null> {
  const values = nonBlank(lines);
  const first = values[0];
  if (values.length !== 1 || !first) {
    return {
      value: null,
      errors: [{ line: first?.line ?? sectionLine, message: 'a truefalse answer is one line: true or false' }],
    };
  }
  const text = first.text.trim();
  if (text === 'true' || text === 'false') return { value: text === 'true', errors: [] };
  return {
    value: null,
    errors: [{ line: first.line, message: `a truefalse answer is true or false, found "${text}"` }],
  };
}

/** `42`, `42 +- 0.5` or `42 ± 0.5`. */
export function readNumeric(
  lines: readonly SourceLine[],
  sectionLine: number,
): Read<{ value: number; tolerance: number } | null> {
  const values = nonBlank(lines);
  const first = values[0];
  if (values.length !== 1 || !first) {
    const message = 'a numeric answer is one line: a number, optionally "+- tolerance" ("42" or "42 +- 0.5")';
    return { value: null, errors: [{ line: first?.line ?? sectionLine, message }] };
  }
  const text = first.text.trim();
  const [valueText = '', toleranceText, ...extra] = text.split(/\s*(?:\+-|±)\s*/);
  const errors: Read<null>['errors'] = [];
  if (!numberPattern.test(valueText)) errors.push({ line: first.line, message: `"${valueText}" is not a number` });
  if (extra.length > 0) errors.push({ line: first.line, message: `one tolerance at most, found "${text}"` });
  let tolerance = 0;
  if (toleranceText !== undefined) {
    if (!numberPattern.test(toleranceText)) {
      errors.push({ line: first.line, message: `tolerance "${toleranceText}" is not a number` });
    } else {
      tolerance = Number(toleranceText);
      if (tolerance < 0) errors.push({ line: first.line, message: `tolerance ${toleranceText} is negative` });
    }
  }
  if (errors.length > 0) return { value: null, errors };
  return { value: { value: Number(valueText), tolerance }, errors };
}
