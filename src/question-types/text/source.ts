/** Short text in a question file: `### Answer` listing the accepted answers, `- answer` per line. */
import { escapeGift } from '../../bank/gift-escape';
import { near, percent } from '../../bank/gift-fraction';
import type { GiftQuestion } from '../../bank/gift-read';
import { nonBlank, type Read, reported } from '../../bank/sections';
import type { SourceLine } from '../../bank/types';
import type { QuestionSource } from '../source';
import type { TextAnswer, TextKey } from './rules';

export interface TextSourceAnswer {
  type: 'text';
  accepted: string[];
}

type ShortGift = Extract<GiftQuestion, { kind: 'short' }>;

const listPattern = /^-[ \t]+(.*)$/;

/** `- answer` per accepted answer. */
function readAccepted(lines: readonly SourceLine[]): Read<SourceLine[]> {
  const result: Read<SourceLine[]> = { value: [], errors: [] };
  for (const { text, line } of nonBlank(lines)) {
    const m = listPattern.exec(text.trim()) ?? (text.trim() === '-' ? ['-', ''] : null);
    if (!m) {
      result.errors.push({ line, message: `accepted answers are a list, "- answer" per line, found "${text.trim()}"` });
      continue;
    }
    result.value.push({ text: (m[1] ?? '').trim(), line });
  }
  return result;
}

export const textSource: QuestionSource<TextSourceAnswer, TextKey, TextAnswer> = {
  section: 'Answer',
  countLabel: 'text',

  read(section, { error, warn }) {
    const read = readAccepted(section.lines);
    if (!reported(read, error)) return null;
    const accepted = read.value.filter((a) => {
      if (a.text === '') error(a.line, 'an accepted answer is empty');
      return a.text !== '';
    });
    if (accepted.length === 0) {
      error(section.line, 'a text question lists at least one accepted answer ("- answer")');
      return null;
    }
    // Scoring trims, collapses spaces and ignores case, so these spellings are the same answer.
    const seen = new Map<string, number>();
    for (const a of accepted) {
      const key = a.text.replace(/\s+/g, ' ').toLowerCase();
      const first = seen.get(key);
      if (first !== undefined)
        warn(a.line, `accepted answer "${a.text}" repeats line ${first} once case and spaces are ignored`);
      else seen.set(key, a.line);
      if (/^`.*`$/.test(a.text))
        warn(a.line, `accepted answers are compared literally: the backticks in ${a.text} would have to be typed`);
    }
    return { type: 'text', accepted: accepted.map((a) => a.text) };
  },

  options: () => [],

  key: (answer) => ({ type: 'text', accepted: answer.accepted }),

  identity: (answer) => answer,

  gift: {
    answerLines: (answer) => answer.accepted.map((t) => `=${escapeGift(t)}`),
    writtenAs: null,
    claims: (q): q is ShortGift => q.kind === 'short',
    convert(q: ShortGift, { note, line, explain }) {
      const { answers } = q;
      const accepted = answers.filter((a) => near(a.fraction, 1));
      if (accepted.length === 0) {
        note('skipped', 'a short answer question without a fully correct answer has no equivalent here');
        return null;
      }
      for (const a of answers) {
        if (a.fraction > 0 && !near(a.fraction, 1)) {
          note(
            'changed',
            `partial credit dropped: "${a.text}" earned ${percent(a.fraction)} in Moodle and is now wrong`,
          );
        }
      }
      if (accepted.some((a) => a.text.includes('*')))
        note('changed', 'Moodle\'s "*" wildcard is compared literally here');
      const items = answers.map((a) => ({
        label: a.text === '*' ? 'Any other answer' : line({ text: a.text, format: 'plain' }),
        right: near(a.fraction, 1) || a.text === '*',
        feedback: a.feedback,
      }));
      return {
        answer: ['### Answer', ...accepted.map((a) => `- ${a.text.replace(/\s+/g, ' ')}`)],
        explanation: explain(items),
      };
    },
  },

  blind: {
    instruction: 'Answer with the exact short text asked for.',
    toAnswer: (written) => ({ type: 'text', text: written }),
    keyOnSheet: (answer) => answer.accepted.join(' | '),
  },
};
