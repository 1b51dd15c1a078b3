/** Numeric in a question file: `### Answer` holding `42`, `42 +- 0.5` or `42 ± 0.5`. */

import { near, percent } from '../../bank/gift-fraction';
import type { GiftNumber, GiftQuestion } from '../../bank/gift-read';
import { nonBlank, type Read, reported } from '../../bank/sections';
import type { SourceLine } from '../../bank/types';
import type { QuestionSource } from '../source';
import type { NumericAnswer, NumericKey } from './rules';

export interface NumericSourceAnswer {
  type: 'numeric';
  value: number;
  tolerance: number;
}

type NumericalGift = Extract<GiftQuestion, { kind: 'numerical' }>;

// 42, -3.5, .5, 1e-3: what Number() accepts, without hex, Infinity or empty strings.
const numberPattern = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** `42`, `42 +- 0.5` or `42 ± 0.5`. */
function readNumeric(
  lines: readonly SourceLine[],
  sectionLine: number,
): Read<{ value: number; tolerance: number } | null> {
  const values = nonBlank(lines);
  const first = values[0];
  if (values.length !== 1 || !first) {
    const message = 'a numeric answer is one line: a number, optionally "+- tolerance" ("42" or "42 +- 0.5")';
    return { value: null, errors: [{ line: first?.line ?? sectionLine, message }] };
  }
  const text = first.text.trim();
  const [valueText = '', toleranceText, ...extra] = text.split(/\s*(?:\+-|±)\s*/);
  const errors: Read<null>['errors'] = [];
  if (!numberPattern.test(valueText)) errors.push({ line: first.line, message: `"${valueText}" is not a number` });
  if (extra.length > 0) errors.push({ line: first.line, message: `one tolerance at most, found "${text}"` });
  let tolerance = 0;
  if (toleranceText !== undefined) {
    if (!numberPattern.test(toleranceText)) {
      errors.push({ line: first.line, message: `tolerance "${toleranceText}" is not a number` });
    } else {
      tolerance = Number(toleranceText);
      if (tolerance < 0) errors.push({ line: first.line, message: `tolerance ${toleranceText} is negative` });
    }
  }
  if (errors.length > 0) return { value: null, errors };
  return { value: { value: Number(valueText), tolerance }, errors };
}

export const numericSource: QuestionSource<NumericSourceAnswer, NumericKey, NumericAnswer> = {
  section: 'Answer',
  countLabel: 'num',

  read(section, { error }) {
    const read = readNumeric(section.lines, section.line);
    return reported(read, error) && read.value ? { type: 'numeric', ...read.value } : null;
  },

  options: () => [],

  key: (answer) => ({ type: 'numeric', value: answer.value, tolerance: answer.tolerance }),

  identity: (answer) => answer,

  gift: {
    answerLines: (answer) => [`#${answer.value}:${answer.tolerance}`],
    writtenAs: null,
    claims: (q): q is NumericalGift => q.kind === 'numerical',
    convert(q: NumericalGift, { note, explain }) {
      const { answers, otherFeedback } = q;
      const label = (a: GiftNumber) => (a.tolerance ? `${a.value} ± ${a.tolerance}` : String(a.value));
      const full = answers.filter((a) => near(a.fraction, 1));
      const [right] = full;
      if (!right) {
        note('skipped', 'a numerical question without a fully correct answer has no equivalent here');
        return null;
      }
      for (const a of answers) {
        if (a === right) continue;
        if (near(a.fraction, 1))
          note('changed', `only one correct value is kept: ${label(a)} was also correct in Moodle and is now wrong`);
        else if (a.fraction > 0) {
          note(
            'changed',
            `partial credit dropped: ${label(a)} earned ${percent(a.fraction)} in Moodle and is now wrong`,
          );
        }
      }
      const value = right.tolerance ? `${right.value} +- ${right.tolerance}` : String(right.value);
      return {
        answer: ['### Answer', value],
        explanation: explain([
          ...answers.map((a) => ({ label: label(a), right: a === right, feedback: a.feedback })),
          { label: 'Any other answer', right: true, feedback: otherFeedback },
        ]),
      };
    },
  },

  blind: {
    instruction: 'Answer with a number.',
    toAnswer(written) {
      const value = Number(written.trim());
      return Number.isFinite(value) && written.trim() !== '' ? { type: 'numeric', value } : null;
    },
    keyOnSheet: (answer) => (answer.tolerance ? `${answer.value} ± ${answer.tolerance}` : String(answer.value)),
  },
};
