/** Single choice in a question file: `### Options` with exactly one `- [x]`. */
import { escapeGift } from '../../bank/gift-escape';
import { near, percent } from '../../bank/gift-fraction';
import type { GiftQuestion } from '../../bank/gift-read';
import type { SourceOption } from '../../bank/types';
import { optionWarnings } from '../../bank/warnings';
import { choiceFeedback, choicesIdentity, correctIds, correctLetters, readChoices } from '../choice-source';
import type { QuestionSource } from '../source';
import type { SingleAnswer, SingleKey } from './rules';

export interface SingleSourceAnswer {
  type: 'single';
  options: SourceOption[];
}

type ChoiceGift = Extract<GiftQuestion, { kind: 'choice' }>;

export const singleSource: QuestionSource<SingleSourceAnswer, SingleKey, SingleAnswer> = {
  section: 'Options',
  countLabel: 'single',

  read(section, { error, warn }) {
    const options = readChoices(section, error);
    if (!options) return null;
    const correct = options.filter((o) => o.correct).length;
    if (correct !== 1)
      error(section.line, `a single question has exactly one correct option ("- [x]"), found ${correct}`);
    optionWarnings(options, warn);
    return { type: 'single', options };
  },

  options: (answer) => answer.options,

  key: (answer, optionIds) => ({ type: 'single', correct: correctIds(answer.options, optionIds)[0] ?? '' }),

  identity: choicesIdentity,

  gift: {
    answerLines: (answer) => answer.options.map((o) => `${o.correct ? '=' : '~'}${escapeGift(o.text)}`),
    writtenAs: null,
    claims: (q): q is ChoiceGift => q.kind === 'choice' && q.single,
    convert(q: ChoiceGift, { note, line, explain }) {
      const { answers } = q;
      const full = answers.filter((a) => near(a.fraction, 1));
      if (full.length !== 1) {
        note(
          'skipped',
          `a single-choice question with ${full.length} fully correct answers (Moodle accepts any of them) has no equivalent here: keep one, or make it a multiple-answer question with weights`,
        );
        return null;
      }
      for (const a of answers) {
        if (a.fraction > 0 && !near(a.fraction, 1)) {
          note(
            'changed',
            `partial credit dropped: "${a.text}" earned ${percent(a.fraction)} in Moodle and now scores 0`,
          );
        } else if (a.fraction < 0) {
          note('changed', `negative mark dropped: "${a.text}" cost ${percent(-a.fraction)} in Moodle and now scores 0`);
        }
      }
      return {
        answer: ['### Options', ...answers.map((a) => `- [${near(a.fraction, 1) ? 'x' : ' '}] ${line(a)}`)],
        explanation: explain(choiceFeedback(answers, (a) => near(a.fraction, 1), line)),
      };
    },
  },

  blind: {
    instruction: 'Answer with one letter.',
    toAnswer(written, letters) {
      const id = letters.id(written);
      return id === null ? null : { type: 'single', choice: id };
    },
    keyOnSheet: (answer, letterOf) => correctLetters(answer.options, letterOf),
  },
};
