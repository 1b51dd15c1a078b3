/** Multiple choice in a question file: `### Options` with at least one `- [x]`. */
import { escapeGift } from '../../bank/gift-escape';
import { near, percent } from '../../bank/gift-fraction';
import type { GiftQuestion } from '../../bank/gift-read';
import type { SourceOption } from '../../bank/types';
import { optionWarnings } from '../../bank/warnings';
import { choiceFeedback, choicesIdentity, correctIds, correctLetters, readChoices } from '../choice-source';
import type { QuestionSource } from '../source';
import type { MultipleAnswer, MultipleKey } from './rules';

export interface MultipleSourceAnswer {
  type: 'multiple';
  options: SourceOption[];
}

type ChoiceGift = Extract<GiftQuestion, { kind: 'choice' }>;

/** Up to 5 decimals, as Moodle lists grades (33.33333), without trailing zeros. */
const weight = (n: number) => String(Number(n.toFixed(5)));

export const multipleSource: QuestionSource<MultipleSourceAnswer, MultipleKey, MultipleAnswer> = {
  section: 'Options',
  countLabel: 'multi',

  read(section, { error, warn }) {
    const options = readChoices(section, error);
    if (!options) return null;
    const correct = options.filter((o) => o.correct).length;
    if (correct === 0) error(section.line, 'a multiple question has at least one correct option ("- [x]"), found none');
    if (correct === options.length && options.length > 1) {
      warn(section.line, 'every option is correct: nothing to tell a careful answer from ticking everything');
    }
    optionWarnings(options, warn);
    return { type: 'multiple', options };
  },

  options: (answer) => answer.options,

  key: (answer, optionIds) => ({ type: 'multiple', correct: correctIds(answer.options, optionIds) }),

  identity: choicesIdentity,

  gift: {
    answerLines(answer) {
      // Each correct option earns 100/n percent and each wrong one costs as much: Moodle then
      // scores (right - wrong) / n, floored at 0, as our scoring rule does.
      const share = 100 / answer.options.filter((o) => o.correct).length;
      return answer.options.map((o) => `~%${o.correct ? '' : '-'}${weight(share)}%${escapeGift(o.text)}`);
    },
    writtenAs: null,
    claims: (q): q is ChoiceGift => q.kind === 'choice' && !q.single,
    convert(q: ChoiceGift, { note, line, explain }) {
      const { answers } = q;
      const correct = answers.filter((a) => a.fraction > 0);
      if (correct.length === 0) {
        note('skipped', 'no answer earns credit, so there is no correct set to mark');
        return null;
      }
      const share = 1 / correct.length;
      const equivalent = answers.every((a) => near(a.fraction, a.fraction > 0 ? share : -share));
      if (!equivalent) {
        const reasons: string[] = [];
        const total = correct.reduce((sum, a) => sum + a.fraction, 0);
        if (!correct.every((a) => near(a.fraction, share)))
          reasons.push('each correct answer now earns an equal share');
        if (!near(total, 1)) reasons.push(`choosing every correct answer earned ${percent(total)} and now earns 100%`);
        const costs = new Set(
          answers.filter((a) => a.fraction <= 0 && !near(a.fraction, -share)).map((a) => -a.fraction),
        );
        for (const cost of [...costs].sort((a, b) => a - b)) {
          reasons.push(
            `a wrong answer that cost ${near(cost, 0) ? 'nothing' : percent(cost)} now takes away ${percent(share)}`,
          );
        }
        note(
          'changed',
          `scoring changed: Moodle's weights ${answers.map((a) => percent(a.fraction)).join(', ')} become our rule, (correct chosen − wrong chosen) / ${correct.length}, never below 0: ${reasons.join('; ')}`,
        );
      }
      return {
        answer: ['### Options', ...answers.map((a) => `- [${a.fraction > 0 ? 'x' : ' '}] ${line(a)}`)],
        explanation: explain(choiceFeedback(answers, (a) => a.fraction > 0, line)),
      };
    },
  },

  blind: {
    instruction: 'Answer with every correct letter, comma-separated.',
    toAnswer(written, letters) {
      const ids = letters.ids(written);
      return ids.includes(null) ? null : { type: 'multiple', choices: ids as string[] };
    },
    keyOnSheet: (answer, letterOf) => correctLetters(answer.options, letterOf),
  },
};
