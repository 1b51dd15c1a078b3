/**
 * The shapes the bank passes between its steps: raw files as parsed (every piece with its line),
 * then questions as checked (typed values, still Markdown), before compile renders them to HTML.
 */
import type { DerivedSpec, ParameterSpec, VariantValues } from '../engine/variant';
import type { QuestionType } from '../question-types/rules';
import type { SourceAnswer } from '../question-types/source';

export type { SourceAnswer } from '../question-types/source';

/** Something wrong (or suspicious) in a bank file. `line` is 1-based. */
export interface Problem {
  file: string;
  line: number;
  message: string;
}

/** One source line and where it came from. */
export interface SourceLine {
  text: string;
  line: number;
}

export interface RawTopicEntry {
  id: string;
  title: string;
  docsUrl: string;
  line: number;
}

/** `questions/<area>/area.md` as written. */
export interface RawArea {
  path: string;
  area: string;
  title: { value: string; line: number } | null;
  summary: { value: string; line: number } | null;
  description: string;
  /** Line of `## Topics`, or null when the section is missing. */
  topicsLine: number | null;
  topics: RawTopicEntry[];
}

export interface RawHeader {
  key: string;
  value: string;
  line: number;
}

/** A `### Name` section of a question and the lines under it. */
export interface RawSection {
  name: string;
  line: number;
  lines: SourceLine[];
}

/** One `## id` block of a topic file. */
export interface RawQuestion {
  id: string;
  line: number;
  headers: RawHeader[];
  /** The lines between the header and the first section, blank lines included. */
  prompt: SourceLine[];
  sections: RawSection[];
  /** The block's text from its `## ` line on, line endings normalized and trailing space trimmed. */
  source: string;
}

/** `questions/<area>/<topic>.md` as written. */
export interface RawTopicFile {
  path: string;
  area: string;
  topic: string;
  title: { value: string; line: number } | null;
  questions: RawQuestion[];
}

export interface ParsedBank {
  areas: RawArea[];
  topics: RawTopicFile[];
  problems: Problem[];
}

export type Difficulty = 1 | 2 | 3 | 4 | 5;

/** An option of a single or multiple choice question, as inline Markdown. */
export interface SourceOption {
  text: string;
  correct: boolean;
  line: number;
}

/** A question that passed validation: typed values, prompt and explanation still Markdown. */
export interface SourceQuestion {
  id: string;
  area: string;
  topic: string;
  type: QuestionType;
  difficulty: Difficulty;
  tags: string[];
  timeWeight: number;
  ref: string | null;
  promptMd: string;
  answer: SourceAnswer;
  explanationMd: string;
  /** The block's normalized source text, hashed into `contentHash`. */
  source: string;
  file: string;
  line: number;
  /**
   * A variant question's parameters and templates (Markdown with placeholders); the fields above
   * then hold its example instance. Absent for a fixed question.
   */
  variant?: SourceVariant;
}

/** What a variant question adds to its example instance (see src/bank/variant-check.ts). */
export interface SourceVariant {
  parameters: ParameterSpec[];
  derived: DerivedSpec[];
  promptMd: string;
  /** Each option's (or ordering item's) inline Markdown, in file order. */
  optionsMd: string[];
  explanationMd: string;
  /** Every instance's answer, by instance index (src/engine/variant.ts, valuesAt). */
  answers: SourceAnswer[];
  /** The example instance's values. */
  example: VariantValues;
}

export interface SourceArea {
  id: string;
  title: string;
  summary: string;
  descriptionMd: string;
  topics: { id: string; title: string; docsUrl: string }[];
  file: string;
}
