/** True or false in a question file: `### Answer` holding `true` or `false`. */
import type { GiftQuestion } from '../../bank/gift-read';
import { nonBlank, type Read, reported } from '../../bank/sections';
import type { SourceLine } from '../../bank/types';
import type { QuestionSource } from '../source';
import type { TrueFalseAnswer, TrueFalseKey } from './rules';

export interface TrueFalseSourceAnswer {
  type: 'truefalse';
  correct: boolean;
}

type TrueFalseGift = Extract<GiftQuestion, { kind: 'truefalse' }>;

/** `true` or `false`, alone. */
function readTrueFalse(lines: readonly SourceLine[], sectionLine: number): Read<boolean | null> {
  const values = nonBlank(lines);
  const first = values[0];
  if (values.length !== 1 || !first) {
    return {
      value: null,
      errors: [{ line: first?.line ?? sectionLine, message: 'a truefalse answer is one line: true or false' }],
    };
  }
  const text = first.text.trim();
  if (text === 'true' || text === 'false') return { value: text === 'true', errors: [] };
  return {
    value: null,
    errors: [{ line: first.line, message: `a truefalse answer is true or false, found "${text}"` }],
  };
}

export const trueFalseSource: QuestionSource<TrueFalseSourceAnswer, TrueFalseKey, TrueFalseAnswer> = {
  section: 'Answer',
  countLabel: 'tf',

  read(section, { error }) {
    const read = readTrueFalse(section.lines, section.line);
    return reported(read, error) && read.value !== null ? { type: 'truefalse', correct: read.value } : null;
  },

  options: () => [],

  key: (answer) => ({ type: 'truefalse', correct: answer.correct }),

  identity: (answer) => answer,

  gift: {
    answerLines: (answer) => [answer.correct ? 'T' : 'F'],
    writtenAs: null,
    claims: (q): q is TrueFalseGift => q.kind === 'truefalse',
    convert: (q: TrueFalseGift, { explain }) => ({
      answer: ['### Answer', String(q.correct)],
      explanation: explain([
        { label: String(q.correct), right: true, feedback: q.feedbackRight },
        { label: String(!q.correct), right: false, feedback: q.feedbackWrong },
      ]),
    }),
  },

  blind: {
    instruction: 'Answer true or false.',
    toAnswer(written) {
      const value = written.trim().toLowerCase();
      return value === 'true' || value === 'false' ? { type: 'truefalse', value: value === 'true' } : null;
    },
    keyOnSheet: (answer) => String(answer.correct),
  },
};
