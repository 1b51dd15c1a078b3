/** Short text: the answer is compared with the accepted ones after normalizing space and case. */
import { pick } from '../../engine/random';
import { first, refused } from '../answer-input';
import { escapeHtml } from '../review-html';
import type { QuestionRules } from '../rules';

export interface TextKey {
  type: 'text';
  accepted: string[];
}

export interface TextAnswer {
  type: 'text';
  text: string;
}

/** Longest text answer, in characters after trimming. */
export const maxTextAnswerLength = 200;

/** Trim, collapse inner white space to one space, ignore case (and Unicode composition, so é matches é). */
export function normalizeText(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

export const textRules: QuestionRules<TextKey, TextAnswer> = {
  parseAnswer(values) {
    if (values.length > 1) return refused('Send one text answer.');
    const text = (values[0] ?? '').trim();
    if ([...text].length > maxTextAnswerLength) {
      return refused(`Keep the answer to ${maxTextAnswerLength} characters or fewer.`);
    }
    return { ok: true, answer: { type: 'text', text } };
  },

  readForm(fields) {
    const raw = first(fields.text) ?? '';
    return raw.trim() === '' ? { kind: 'empty' } : { kind: 'values', values: [raw] };
  },

  formState: (answer) => ({ text: answer.text }),

  isComplete: () => true,

  score(key, answer) {
    const given = normalizeText(answer.text);
    return key.accepted.some((accepted) => normalizeText(accepted) === given) ? 1 : 0;
  },

  /** Exactly equal: a save is not normalized. */
  sameAnswer: (x, y) => x.text === y.text,

  optionOrder: () => null,

  answerHtml: (answer) => escapeHtml(answer.text),

  keyHtml: (key) => key.accepted.map(escapeHtml).join(' or '),

  simulatedAnswer: (key, _optionIds, right, rng) => ({
    type: 'text',
    text: right ? (key.accepted[0] ?? '') : pick(['not sure', 'I do not know', 'none'], rng),
  }),
};
