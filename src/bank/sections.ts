/**
 * What reading a question's sections shares. Each type reads its answer section in
 * src/question-types/<type>/source.ts; a reader returns what it could read plus the problems
 * found, each with its line.
 */
import type { SourceLine } from './types';

export interface Read<T> {
  value: T;
  errors: { line: number; message: string }[];
}

/** Lines of Markdown joined, blank lines at either end dropped. */
export function markdownOf(lines: readonly SourceLine[]): string {
  return lines
    .map((l) => l.text.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

export const nonBlank = (lines: readonly SourceLine[]) => lines.filter((l) => l.text.trim() !== '');

/** Reports a reader's errors; true when there were none. */
export function reported(read: Read<unknown>, error: (line: number, message: string) => void): boolean {
  for (const e of read.errors) error(e.line, e.message);
  return read.errors.length === 0;
}

/** At least `min` items, none empty, none repeated. */
export function checkItems(
  items: readonly { text: string; line: number }[],
  line: number,
  noun: string,
  min: number,
  error: (line: number, message: string) => void,
) {
  if (items.length < min) error(line, `at least ${min} ${noun}s are needed, found ${items.length}`);
  const seen = new Map<string, number>();
  for (const item of items) {
    if (item.text === '') {
      error(item.line, `the ${noun} is empty`);
      continue;
    }
    const key = item.text.replace(/\s+/g, ' ');
    const first = seen.get(key);
    if (first !== undefined) error(item.line, `duplicate ${noun} "${item.text}" (also on line ${first})`);
    else seen.set(key, item.line);
  }
}
