/** Multiple choice: every option that applies, credited (right − wrong) / correct, never below 0. */
import { pick, shuffle } from '../../engine/random';
import { all, idAt, refused } from '../answer-input';
import { optionsHtml } from '../review-html';
import type { QuestionRules } from '../rules';

export interface MultipleKey {
  type: 'multiple';
  correct: string[];
}

export interface MultipleAnswer {
  type: 'multiple';
  choices: string[];
}

export const multipleRules: QuestionRules<MultipleKey, MultipleAnswer> = {
  parseAnswer(values, optionIds) {
    const choices = values.filter((v) => v !== '');
    if (choices.some((c) => !optionIds.includes(c))) return refused('That option is not part of this question.');
    if (new Set(choices).size !== choices.length) return refused('An option was chosen twice.');
    return { ok: true, answer: { type: 'multiple', choices } };
  },

  readForm(fields, order) {
    // A position not on the page becomes an id no question has, which parseAnswer refuses.
    const ids = all(fields.choices).map((raw) => idAt(order, raw) ?? `invalid:${raw}`);
    return ids.length === 0 ? { kind: 'empty' } : { kind: 'values', values: ids };
  },

  formState: (answer, order) => ({ checked: new Set(answer.choices.map((id) => String(order.indexOf(id)))) }),

  isComplete: (answer) => answer.choices.length > 0,

  score(key, answer) {
    const correct = new Set(key.correct);
    const chosen = new Set(answer.choices);
    // A key without correct options is malformed; choosing nothing is then the only right answer.
    if (correct.size === 0) return chosen.size === 0 ? 1 : 0;
    let right = 0;
    let wrong = 0;
    for (const choice of chosen) {
      if (correct.has(choice)) right++;
      else wrong++;
    }
    return Math.max(0, (right - wrong) / correct.size);
  },

  /** Choices compare as sets. */
  sameAnswer(x, y) {
    const xs = new Set(x.choices);
    const ys = new Set(y.choices);
    return xs.size === ys.size && [...xs].every((c) => ys.has(c));
  },

  optionOrder: (optionIds, rng, shuffleOptions) => (shuffleOptions ? shuffle(optionIds, rng) : optionIds.slice()),

  answerHtml: (answer, options) =>
    answer.choices.length ? optionsHtml(options, answer.choices) : '<em>No option chosen</em>',

  keyHtml: (key, options) => optionsHtml(options, key.correct),

  simulatedAnswer(key, optionIds, right, rng) {
    if (right) return { type: 'multiple', choices: key.correct.slice() };
    const distractors = optionIds.filter((id) => !key.correct.includes(id));
    // Either one right option missed or one wrong option added; both happen in real answers.
    if (distractors.length > 0 && (key.correct.length === 1 || rng() < 0.5)) {
      return { type: 'multiple', choices: [...key.correct, pick(distractors, rng)] };
    }
    const missed = pick(key.correct, rng);
    return { type: 'multiple', choices: key.correct.filter((id) => id !== missed) };
  },
};
