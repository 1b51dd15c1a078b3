/** Numeric: a number within the key's value ± tolerance, inclusive. */
import { first, refused } from '../answer-input';
import { escapeHtml } from '../review-html';
import type { QuestionRules } from '../rules';

export interface NumericKey {
  type: 'numeric';
  value: number;
  tolerance: number;
}

export interface NumericAnswer {
  type: 'numeric';
  value: number;
}

/** Absolute slack for numeric answers, relative to the size of the value: 0.1 + 0.2 must equal 0.3. */
const numericEpsilon = 1e-9;

// A plain decimal with a dot, an optional sign and an optional exponent ("1e3"); no thousands
// separators and no decimal comma, because "1,500" could mean 1.5 or 1500.
const decimalPattern = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export const numericRules: QuestionRules<NumericKey, NumericAnswer> = {
  parseAnswer(values) {
    if (values.length > 1) return refused('Send one number.');
    const text = (values[0] ?? '').trim();
    if (text === '') return refused('Enter a number.');
    if (/^[+-]?\d*,\d+$/.test(text)) return refused('Use a dot (.) as the decimal separator, for example 1.5.');
    if (!decimalPattern.test(text)) return refused('Enter a number, using a dot (.) for decimals, for example 1.5.');
    const value = Number(text);
    if (!Number.isFinite(value)) return refused('That number is too large.');
    return { ok: true, answer: { type: 'numeric', value } };
  },

  readForm(fields) {
    const raw = (first(fields.number) ?? '').trim();
    return raw === '' ? { kind: 'empty' } : { kind: 'values', values: [raw] };
  },

  formState: (answer) => ({ text: String(answer.value) }),

  isComplete: () => true,

  score(key, answer) {
    if (!Number.isFinite(answer.value)) return 0;
    const slack = numericEpsilon * Math.max(1, Math.abs(key.value));
    return Math.abs(answer.value - key.value) <= Math.abs(key.tolerance) + slack ? 1 : 0;
  },

  sameAnswer: (x, y) => Object.is(x.value, y.value),

  optionOrder: () => null,

  answerHtml: (answer) => escapeHtml(String(answer.value)),

  keyHtml: (key) => escapeHtml(key.tolerance > 0 ? `${key.value} ± ${key.tolerance}` : String(key.value)),

  simulatedAnswer(key, _optionIds, right, rng) {
    if (right) return { type: 'numeric', value: key.value };
    const off = Math.max(Math.abs(key.tolerance) * 2 + 1, Math.round(Math.abs(key.value) * 0.25));
    return { type: 'numeric', value: key.value + (rng() < 0.5 ? -off : off) };
  },
};
