/** True or false: a statement to judge. */
import { first, refused } from '../answer-input';
import type { QuestionRules } from '../rules';

export interface TrueFalseKey {
  type: 'truefalse';
  correct: boolean;
}

export interface TrueFalseAnswer {
  type: 'truefalse';
  value: boolean;
}

const word = (value: boolean) => (value ? 'True' : 'False');

export const trueFalseRules: QuestionRules<TrueFalseKey, TrueFalseAnswer> = {
  parseAnswer(values) {
    const [value, ...rest] = values;
    if (rest.length > 0 || (value !== 'true' && value !== 'false')) return refused('Choose true or false.');
    return { ok: true, answer: { type: 'truefalse', value: value === 'true' } };
  },

  readForm(fields) {
    const raw = first(fields.choice);
    return raw === undefined || raw === '' ? { kind: 'empty' } : { kind: 'values', values: [raw] };
  },

  formState: (answer) => ({ checked: new Set([String(answer.value)]) }),

  isComplete: () => true,

  score: (key, answer) => (answer.value === key.correct ? 1 : 0),

  sameAnswer: (x, y) => x.value === y.value,

  optionOrder: () => null,

  answerHtml: (answer) => word(answer.value),

  keyHtml: (key) => word(key.correct),

  simulatedAnswer: (key, _optionIds, right) => ({ type: 'truefalse', value: right ? key.correct : !key.correct }),
};
