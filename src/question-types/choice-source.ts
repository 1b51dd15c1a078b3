/**
 * The `### Options` section that single and multiple choice questions share: `- [x] right` and
 * `- [ ] wrong`, one option per line, and what follows from it (checks, key, sheet letters).
 */
import type { FeedbackItem } from '../bank/gift-convert';
import type { GiftAnswer, GiftText } from '../bank/gift-read';
import { checkItems, nonBlank, type Read, reported } from '../bank/sections';
import type { RawSection, SourceLine, SourceOption } from '../bank/types';
import type { LineReport } from './source';

const optionPattern = /^-[ \t]+\[([ xX])\](?:[ \t]+(.*))?$/;

/** `- [x] right` and `- [ ] wrong`, one option per line. */
function readOptions(lines: readonly SourceLine[]): Read<SourceOption[]> {
  const result: Read<SourceOption[]> = { value: [], errors: [] };
  for (const { text, line } of nonBlank(lines)) {
    const m = optionPattern.exec(text.trim());
    if (!m) {
      result.errors.push({
        line,
        message: `options are one line each: "- [x] right" or "- [ ] wrong", found "${text.trim()}"`,
      });
      continue;
    }
    result.value.push({ text: (m[2] ?? '').trim(), correct: m[1] !== ' ', line });
  }
  return result;
}

/** The options when they can be read, checked for what both types need: two or more, none empty or repeated. */
export function readChoices(section: RawSection, error: LineReport): SourceOption[] | null {
  const read = readOptions(section.lines);
  if (!reported(read, error)) return null;
  checkItems(read.value, section.line, 'option', 2, error);
  return read.value;
}

/** The ids of the options marked correct. */
export function correctIds(options: readonly SourceOption[], optionIds: readonly string[]): string[] {
  return optionIds.filter((_, i) => options[i]?.correct);
}

/** Option lines differ from file to file; what counts is the text and which are correct. */
export function choicesIdentity(answer: { type: string; options: readonly SourceOption[] }): unknown {
  return { ...answer, options: answer.options.map((o) => [o.text, o.correct]) };
}

/** The letters of the correct options, alphabetical. */
export function correctLetters(options: readonly SourceOption[], letterOf: (fileIndex: number) => string): string {
  return options
    .map((o, i) => (o.correct ? letterOf(i) : ''))
    .filter(Boolean)
    .sort()
    .join(',');
}

/** Each GIFT answer's feedback, for the explanation. */
export function choiceFeedback(
  answers: readonly GiftAnswer[],
  right: (a: GiftAnswer) => boolean,
  line: (t: GiftText) => string,
): FeedbackItem[] {
  return answers.map((a) => ({ label: line(a), right: right(a), feedback: a.feedback }));
}
