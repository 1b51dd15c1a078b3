/**
 * What the two executable types (code and sql) share: the answer is source text, scored by the
 * fraction of hidden tests it passed when the server graded it at the finish
 * (src/db/grading.ts). The grading is attached to the stored answer by the server only:
 * `parseAnswer` builds an answer from the posted text alone, so a browser can never send one.
 */
import { first, refused } from './answer-input';
import { escapeHtml } from './review-html';
import type { FormFields, FormReading, ParsedAnswer, QuestionRules } from './rules';

/** Longest source a candidate may save, in characters. */
export const maxSourceLength = 20_000;

/** How many hidden tests passed, written by the server when it graded the answer. */
export interface TestsPassed {
  passed: number;
  total: number;
}

export interface SourceAnswer<Type extends string> {
  type: Type;
  source: string;
  tests?: TestsPassed;
}

export function parseSource<Type extends string>(
  type: Type,
  values: readonly string[],
): ParsedAnswer<SourceAnswer<Type>> {
  if (values.length > 1) return refused('Send one source text.');
  const source = (values[0] ?? '').replace(/\r\n?/g, '\n');
  if (source.length > maxSourceLength) {
    return refused(`Keep the answer to ${maxSourceLength.toLocaleString('en')} characters or fewer.`);
  }
  return { ok: true, answer: { type, source } };
}

/** The answer control posts one field, `source`; only white space is a cleared answer. */
export function readSource(fields: FormFields): FormReading {
  const raw = first(fields.source) ?? '';
  return raw.trim() === '' ? { kind: 'empty' } : { kind: 'values', values: [raw] };
}

/** Fraction of hidden tests passed; an answer the server has not graded earns nothing. */
export function creditOf(answer: { tests?: TestsPassed }): number {
  const tests = answer.tests;
  return tests && tests.total > 0 ? Math.min(1, Math.max(0, tests.passed / tests.total)) : 0;
}

export function sourceHtml(source: string): string {
  return `<pre><code>${escapeHtml(source)}</code></pre>`;
}

export function answerSourceHtml(answer: { source: string; tests?: TestsPassed }): string {
  const summary = answer.tests
    ? `<p>${answer.tests.passed} of ${answer.tests.total} hidden tests passed.</p>`
    : '<p>Not graded.</p>';
  return `${summary}${sourceHtml(answer.source)}`;
}

/**
 * The rules of an executable type: everything but how its key reads on a review and what a
 * simulated candidate writes, which each type says.
 */
export function executableRules<Type extends string, Key extends { type: Type }>(
  type: Type,
  own: {
    keyHtml(key: Key): string;
    /** The reference when `right`, else something that compiles and fails. */
    simulatedSource(key: Key, right: boolean): string;
  },
): QuestionRules<Key, SourceAnswer<Type>> {
  return {
    parseAnswer: (values) => parseSource(type, values),
    readForm: readSource,
    formState: (answer) => ({ text: answer.source }),
    isComplete: () => true,
    score: (_key, answer) => creditOf(answer),
    sameAnswer: (x, y) => x.source === y.source,
    optionOrder: () => null,
    answerHtml: (answer) => answerSourceHtml(answer),
    keyHtml: (key) => own.keyHtml(key),
    simulatedAnswer: (key, _optionIds, right) => ({ type, source: own.simulatedSource(key, right) }),
  };
}
