/**
 * Turns what the candidate's form sent into an Answer, or a message the page can show.
 * Everything from the browser is untrusted: ids must be the question's own option ids.
 */
import type { Answer, QuestionType } from './question';

/** Longest text answer, in characters after trimming. */
export const maxTextAnswerLength = 200;

/** The value(s) of the answer field: one string, or several for checkboxes and ordering. */
export type RawAnswer = string | readonly string[] | null | undefined;

export type ParsedAnswer = { ok: true; answer: Answer } | { ok: false; error: string };

// A plain decimal with a dot, an optional sign and an optional exponent ("1e3"); no thousands
// separators and no decimal comma, because "1,500" could mean 1.5 or 1500.
const decimalPattern = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Validates raw form input for a question of `type` whose options have `optionIds`. Invariant:
 * an accepted answer only names ids from `optionIds`, and never holds a non-finite number or a
 * text longer than maxTextAnswerLength.
 */
export function parseAnswer(type: QuestionType, raw: RawAnswer, optionIds: readonly string[] = []): ParsedAnswer {
  const values = raw === null || raw === undefined ? [] : typeof raw === 'string' ? [raw] : [...raw];
  const known = new Set(optionIds);
  switch (type) {
    case 'single': {
      const [choice, ...rest] = values;
      if (choice === undefined || choice === '') return fail('Choose one option.');
      if (rest.length > 0) return fail('Choose only one option.');
      if (!known.has(choice)) return fail('That option is not part of this question.');
      return { ok: true, answer: { type: 'single', choice } };
    }
    case 'multiple': {
      const choices = values.filter((v) => v !== '');
      if (choices.some((c) => !known.has(c))) return fail('That option is not part of this question.');
      if (new Set(choices).size !== choices.length) return fail('An option was chosen twice.');
      return { ok: true, answer: { type: 'multiple', choices } };
    }
    case 'truefalse': {
      const [value, ...rest] = values;
      if (rest.length > 0 || (value !== 'true' && value !== 'false')) return fail('Choose true or false.');
      return { ok: true, answer: { type: 'truefalse', value: value === 'true' } };
    }
    case 'text': {
      if (values.length > 1) return fail('Send one text answer.');
      const text = (values[0] ?? '').trim();
      if ([...text].length > maxTextAnswerLength) {
        return fail(`Keep the answer to ${maxTextAnswerLength} characters or fewer.`);
      }
      return { ok: true, answer: { type: 'text', text } };
    }
    case 'numeric': {
      if (values.length > 1) return fail('Send one number.');
      const text = (values[0] ?? '').trim();
      if (text === '') return fail('Enter a number.');
      if (/^[+-]?\d*,\d+$/.test(text)) return fail('Use a dot (.) as the decimal separator, for example 1.5.');
      if (!decimalPattern.test(text)) return fail('Enter a number, using a dot (.) for decimals, for example 1.5.');
      const value = Number(text);
      if (!Number.isFinite(value)) return fail('That number is too large.');
      return { ok: true, answer: { type: 'numeric', value } };
    }
    case 'ordering': {
      if (values.length !== optionIds.length || new Set(values).size !== values.length) {
        return fail('Put every item in the list exactly once.');
      }
      if (values.some((v) => !known.has(v))) return fail('That item is not part of this question.');
      return { ok: true, answer: { type: 'ordering', order: values } };
    }
  }
}

function fail(error: string): ParsedAnswer {
  return { ok: false, error };
}
