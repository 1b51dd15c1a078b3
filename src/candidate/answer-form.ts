/**
 * The bridge between a question's form and an Answer. The browser only ever sees display
 * positions (0, 1, 2...), never option ids, so neither the file order of the options nor
 * anything derived from the answer key can be read from the page.
 */
import { type ParsedAnswer, parseAnswer } from '../engine/parse-answer';
import type { Answer, QuestionOption, QuestionType } from '../engine/question';

export interface FormQuestion {
  type: QuestionType;
  options: QuestionOption[];
  /** Option ids in display order, fixed when the attempt started; null for types without options. */
  optionOrder: string[] | null;
}

export type FormFields = Record<string, string | string[] | undefined>;

/** Option ids in the order the candidate sees them. */
export function displayOrder(q: FormQuestion): string[] {
  return q.optionOrder ?? q.options.map((o) => o.id);
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function all(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The option id at a display position from the form, or undefined for anything else. */
function idAt(order: string[], position: string): string | undefined {
  return /^\d{1,3}$/.test(position) ? order[Number(position)] : undefined;
}

/**
 * Reads a question's answer from form fields. `null` answer means the candidate cleared it
 * (empty text or number, no item ordered); an error is a message for the candidate.
 */
export function answerFromForm(q: FormQuestion, fields: FormFields): ParsedAnswer | { ok: true; answer: null } {
  const order = displayOrder(q);
  switch (q.type) {
    case 'single': {
      const raw = first(fields.choice);
      if (raw === undefined || raw === '') return { ok: true, answer: null };
      return parseAnswer('single', idAt(order, raw) ?? `invalid:${raw}`, order);
    }
    case 'multiple': {
      const ids = all(fields.choices).map((raw) => idAt(order, raw) ?? `invalid:${raw}`);
      if (ids.length === 0) return { ok: true, answer: null };
      return parseAnswer('multiple', ids, order);
    }
    case 'truefalse': {
      const raw = first(fields.choice);
      if (raw === undefined || raw === '') return { ok: true, answer: null };
      return parseAnswer('truefalse', raw);
    }
    case 'text': {
      const raw = first(fields.text) ?? '';
      if (raw.trim() === '') return { ok: true, answer: null };
      return parseAnswer('text', raw);
    }
    case 'numeric': {
      const raw = (first(fields.number) ?? '').trim();
      if (raw === '') return { ok: true, answer: null };
      return parseAnswer('numeric', raw);
    }
    case 'ordering': {
      const positions = order.map((_, i) => (first(fields[`pos_${i}`]) ?? '').trim());
      if (positions.every((p) => p === '')) return { ok: true, answer: null };
      const n = order.length;
      const numbers = positions.map((p) => (/^\d{1,2}$/.test(p) ? Number(p) : Number.NaN));
      if (numbers.some((p) => !(p >= 1 && p <= n)) || new Set(numbers).size !== n) {
        return { ok: false, error: `Give each item its own position, from 1 to ${n}.` };
      }
      const ids = order.map((id, i) => ({ id, at: numbers[i] ?? 0 })).sort((a, b) => a.at - b.at);
      return parseAnswer(
        'ordering',
        ids.map((x) => x.id),
        order,
      );
    }
  }
}

/** What a saved answer looks like in the form again: checked positions, text, or positions per item. */
export interface FormState {
  checked: Set<string>;
  text: string;
  positions: string[];
}

export function formStateOf(q: FormQuestion, answer: Answer | null): FormState {
  const order = displayOrder(q);
  const state: FormState = { checked: new Set(), text: '', positions: order.map(() => '') };
  if (!answer) return state;
  switch (answer.type) {
    case 'single':
      state.checked.add(String(order.indexOf(answer.choice)));
      break;
    case 'multiple':
      for (const id of answer.choices) state.checked.add(String(order.indexOf(id)));
      break;
    case 'truefalse':
      state.checked.add(String(answer.value));
      break;
    case 'text':
      state.text = answer.text;
      break;
    case 'numeric':
      state.text = String(answer.value);
      break;
    case 'ordering':
      state.positions = order.map((id) => String(answer.order.indexOf(id) + 1));
      break;
  }
  return state;
}

/** Whether the navigator counts a question as answered. */
export function isAnswered(answer: Answer | null | undefined): boolean {
  if (!answer) return false;
  return answer.type !== 'multiple' || answer.choices.length > 0;
}
