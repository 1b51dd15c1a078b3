/** Single choice: exactly one option is right. */
import { pick, shuffle } from '../../engine/random';
import { first, idAt, refused } from '../answer-input';
import { optionsHtml } from '../review-html';
import type { QuestionRules } from '../rules';

export interface SingleKey {
  type: 'single';
  correct: string;
}

export interface SingleAnswer {
  type: 'single';
  choice: string;
}

export const singleRules: QuestionRules<SingleKey, SingleAnswer> = {
  parseAnswer(values, optionIds) {
    const [choice, ...rest] = values;
    if (choice === undefined || choice === '') return refused('Choose one option.');
    if (rest.length > 0) return refused('Choose only one option.');
    if (!optionIds.includes(choice)) return refused('That option is not part of this question.');
    return { ok: true, answer: { type: 'single', choice } };
  },

  readForm(fields, order) {
    const raw = first(fields.choice);
    if (raw === undefined || raw === '') return { kind: 'empty' };
    // A position not on the page becomes an id no question has, which parseAnswer refuses.
    return { kind: 'values', values: [idAt(order, raw) ?? `invalid:${raw}`] };
  },

  formState: (answer, order) => ({ checked: new Set([String(order.indexOf(answer.choice))]) }),

  isComplete: () => true,

  score: (key, answer) => (answer.choice === key.correct ? 1 : 0),

  sameAnswer: (x, y) => x.choice === y.choice,

  optionOrder: (optionIds, rng, shuffleOptions) => (shuffleOptions ? shuffle(optionIds, rng) : optionIds.slice()),

  answerHtml: (answer, options) => optionsHtml(options, [answer.choice]),

  keyHtml: (key, options) => optionsHtml(options, [key.correct]),

  simulatedAnswer(key, optionIds, right, rng) {
    if (right) return { type: 'single', choice: key.correct };
    return {
      type: 'single',
      choice: pick(
        optionIds.filter((id) => id !== key.correct),
        rng,
      ),
    };
  },
};
