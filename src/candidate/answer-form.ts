/**
 * The bridge between a question's form and an Answer, through its type's rules. The browser only
 * ever sees display positions (0, 1, 2...), never option ids, so neither the file order of the
 * options nor anything derived from the answer key can be read from the page.
 */
import { type ParsedAnswer, parseAnswer } from '../engine/parse-answer';
import type { Answer, QuestionOption, QuestionType } from '../engine/question';
import { type FormFields, type FormState, rulesFor } from '../question-types/rules';

export type { FormFields } from '../question-types/rules';

export interface FormQuestion {
  type: QuestionType;
  options: QuestionOption[];
  /** Option ids in display order, fixed when the attempt started; null for types without options. */
  optionOrder: string[] | null;
}

/** Option ids in the order the candidate sees them. */
export function displayOrder(q: FormQuestion): string[] {
  return q.optionOrder ?? q.options.map((o) => o.id);
}

/**
 * Reads a question's answer from form fields. `null` answer means the candidate cleared it
 * (empty text or number, no item ordered); an error is a message for the candidate.
 */
export function answerFromForm(q: FormQuestion, fields: FormFields): ParsedAnswer | { ok: true; answer: null } {
  const order = displayOrder(q);
  const reading = rulesFor(q.type).readForm(fields, order);
  if (reading.kind === 'empty') return { ok: true, answer: null };
  if (reading.kind === 'invalid') return { ok: false, error: reading.error };
  return parseAnswer(q.type, reading.values, order);
}

export function formStateOf(q: FormQuestion, answer: Answer | null): FormState {
  const order = displayOrder(q);
  const empty: FormState = { checked: new Set(), text: '', positions: order.map(() => '') };
  return answer ? { ...empty, ...rulesFor(answer.type).formState(answer, order) } : empty;
}

/** Whether the navigator counts a question as answered. */
export function isAnswered(answer: Answer | null | undefined): boolean {
  return answer ? rulesFor(answer.type).isComplete(answer) : false;
}
