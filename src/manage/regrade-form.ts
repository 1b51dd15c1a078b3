/**
 * Reading the regrade form: the kind, the additional answer when one is accepted (option ids
 * for a choice question, a text or a number otherwise) and the note. The answer is checked by
 * the question type's own parser, so an accepted answer is one a candidate could have given.
 */

import type { AnswerKey, QuestionOption } from '../engine/question';
import { type RegradeChange, regradeKindNames } from '../engine/regrade';
import type { FormData } from '../http/form';
import { rulesFor } from '../question-types/rules';

export const maxRegradeNote = 1000;

export interface RegradeFormValues {
  kind: string;
  /** Option ids, for a choice question. */
  options: string[];
  text: string;
  note: string;
}

export type RegradeReading =
  | { ok: true; change: RegradeChange; note: string; values: RegradeFormValues }
  | { ok: false; error: string; values: RegradeFormValues };

const list = (value: string | string[] | undefined) => (value === undefined ? [] : [value].flat());
const one = (value: string | string[] | undefined) => list(value)[0] ?? '';

/** The form's fields as posted (or as a dry run's query carries them). */
export function regradeValues(form: FormData): RegradeFormValues {
  return { kind: one(form.kind), options: list(form.accept), text: one(form.acceptText), note: one(form.note).trim() };
}

/** A regrade of the question with this key and these options, or what to correct. */
export function readRegradeForm(
  form: FormData,
  question: { answerKey: AnswerKey; options: readonly QuestionOption[] },
): RegradeReading {
  const values = regradeValues(form);
  const refuse = (error: string): RegradeReading => ({ ok: false, error, values });
  if (!(regradeKindNames as readonly string[]).includes(values.kind))
    return refuse('Choose how to regrade the question.');
  if (values.note.length > maxRegradeNote) return refuse(`Keep the note to ${maxRegradeNote} characters.`);
  if (values.kind !== 'accept_answer') {
    return { ok: true, change: { kind: values.kind as 'full_credit' | 'drop' }, note: values.note, values };
  }
  const type = question.answerKey.type;
  const optionIds = question.options.map((o) => o.id);
  let given: string[];
  switch (type) {
    case 'single':
    case 'multiple':
      given = values.options;
      break;
    case 'truefalse':
      given = values.options.slice(0, 1);
      break;
    case 'text':
    case 'numeric':
      given = values.text.trim() === '' ? [] : [values.text];
      break;
    default:
      return refuse(
        'An additional answer can be accepted for choice, text and number questions; give full credit or drop this one.',
      );
  }
  if (given.length === 0) return refuse('Give the answer to accept besides the key.');
  if (type === 'single' && given.length > 1) return refuse('Choose one option: a single-choice answer is one option.');
  const parsed = rulesFor(type).parseAnswer(given, type === 'truefalse' ? ['true', 'false'] : optionIds);
  if (!parsed.ok) return refuse(parsed.error);
  if (rulesFor(type).score(question.answerKey, parsed.answer) === 1) {
    return refuse('That answer already earns full credit under the key: choose another one.');
  }
  return { ok: true, change: { kind: 'accept_answer', answer: parsed.answer }, note: values.note, values };
}
