/**
 * Turns what the candidate's form sent into an Answer, or a message the page can show.
 * Everything from the browser is untrusted: ids must be the question's own option ids.
 */
import { type ParsedAnswer, rulesFor } from '../question-types/rules';
import type { QuestionType } from './question';

export type { ParsedAnswer } from '../question-types/rules';

/** The value(s) of the answer field: one string, or several for checkboxes and ordering. */
export type RawAnswer = string | readonly string[] | null | undefined;

/**
 * Validates raw form input for a question of `type` whose options have `optionIds`, by the
 * type's rule. Invariant: an accepted answer only names ids from `optionIds`, and never holds a
 * non-finite number or a text longer than the text type's limit.
 */
export function parseAnswer(type: QuestionType, raw: RawAnswer, optionIds: readonly string[] = []): ParsedAnswer {
  const values = raw === null || raw === undefined ? [] : typeof raw === 'string' ? [raw] : [...raw];
  return rulesFor(type).parseAnswer(values, optionIds);
}
