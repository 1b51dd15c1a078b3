/**
 * The bank side of each question type: its answer section in a question file (read and checked
 * with errors that name the line), its options and key once compiled, and how it maps to Moodle
 * GIFT and to the blind review sheet. One module per type (`<type>/source.ts`), registered here
 * for every type of rules.ts.
 */
import type { GiftConversion } from '../bank/gift-convert';
import type { GiftQuestion } from '../bank/gift-read';
import type { RawSection, SourceLine } from '../bank/types';
import { codeSource } from './code/source';
import { multipleSource } from './multiple/source';
import { numericSource } from './numeric/source';
import { orderingSource } from './ordering/source';
import type { Answer, AnswerKey, QuestionType } from './rules';
import { singleSource } from './single/source';
import { sqlSource } from './sql/source';
import { textSource } from './text/source';
import { trueFalseSource } from './truefalse/source';

/** Reports a problem on a line of the question file. */
export type LineReport = (line: number, message: string) => void;

/**
 * `Written` is the answer as the author wrote it, typed, its text still Markdown; `Key` and
 * `Given` are the type's key and answer (its rules).
 */
export interface QuestionSource<Written extends { type: string }, Key, Given> {
  /** The `### ` section holding the answer; every type also has `### Explanation`. */
  section: string;
  /** The type's column heading in bank:check's counts. */
  countLabel: string;
  /** Reads and checks the answer section: null when it cannot be used, every problem reported with its line. */
  read(section: RawSection, report: { error: LineReport; warn: LineReport }): Written | null;
  /**
   * The options or items, inline Markdown in file order, with their lines ([] for a type without
   * options): checked like the prompt, rendered with the ids a, b, c..., listed on the blind sheet.
   */
  options(answer: Written): SourceLine[];
  /** The key, naming options by the ids given to `options(answer)`. */
  key(answer: Written, optionIds: readonly string[]): Key;
  /** What, beside type and prompt, makes two questions the same to a candidate (GIFT import skips a twin). */
  identity(answer: Written): unknown;
  /** Markdown added after the prompt when it is compiled (what an executable type shows: starter, examples, schema). */
  promptAppendix?(answer: Written): string;
  gift: GiftMapping<Written>;
  blind: BlindMapping<Written, Given>;
}

/** Moodle GIFT: export writes every type; import reads the GIFT questions a type claims. */
export interface GiftMapping<Written, Claimed extends GiftQuestion = GiftQuestion> {
  /** The answer lines between `{` and `}`. */
  answerLines(answer: Written): string[];
  /** For a type GIFT does not have: what writing it as another GIFT type changes (said in the file and the messages). */
  writtenAs: string | null;
  /** For a type GIFT cannot carry at all: why export leaves it out (said in the file and the messages). */
  skipped?: string;
  /** Whether a GIFT question becomes a question of this type. */
  claims(q: GiftQuestion): q is Claimed;
  /** The answer section (its `### ` heading and lines) and explanation; null when the question cannot be kept, said through `note`. */
  convert(q: Claimed, conversion: GiftConversion): { answer: string[]; explanation: string } | null;
}

/** The sheet letters of a question's options, mapped back to option ids (null for a letter not on the sheet). */
export interface SheetLetters {
  id(letter: string): string | null;
  /** Letters separated by commas or spaces. */
  ids(text: string): (string | null)[];
}

/** Blind review: the reviewer answers from a sheet without the key. */
export interface BlindMapping<Written, Given> {
  /** How to answer, printed with the question. */
  instruction: string;
  /** The reviewer's written answer, or null when it is not one. */
  toAnswer(written: string, letters: SheetLetters): Given | null;
  /** How the key reads on the sheet; `letterOf` gives an option's letter from its file index. */
  keyOnSheet(answer: Written, letterOf: (fileIndex: number) => string): string;
}

export const questionSources = {
  single: singleSource,
  multiple: multipleSource,
  truefalse: trueFalseSource,
  text: textSource,
  numeric: numericSource,
  ordering: orderingSource,
  code: codeSource,
  sql: sqlSource,
} satisfies {
  [Type in QuestionType]: QuestionSource<
    { type: Type },
    Extract<AnswerKey, { type: Type }>,
    Extract<Answer, { type: Type }>
  >;
};

type WrittenIn<Source> = Source extends QuestionSource<infer Written, infer _Key, infer _Given> ? Written : never;

/** What the author wrote as the right answer, by type; text stays Markdown. */
export type SourceAnswer = { [Type in QuestionType]: WrittenIn<(typeof questionSources)[Type]> }[QuestionType];

/** The bank side of one type, taking answers of any type: pass only answers whose `type` is `type`. */
export function sourceFor(type: QuestionType): QuestionSource<SourceAnswer, AnswerKey, Answer> {
  return questionSources[type];
}
