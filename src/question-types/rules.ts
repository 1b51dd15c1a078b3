/**
 * The question types and the rules of each: the shapes of its key and answer, reading its answer
 * form, checking, scoring and comparing answers, the display order of its options, and how an
 * answer and the key read on a review. One module per type (`<type>/rules.ts`), registered here,
 * so the type names come from this record. Pure, like the engine that imports it: no Hono, no
 * Drizzle, no Markdown. The bank side of each type is in source.ts, its answer control in forms.ts.
 */
import type { Rng } from '../engine/random';
import { codeRules } from './code/rules';
import { multipleRules } from './multiple/rules';
import { numericRules } from './numeric/rules';
import { orderingRules } from './ordering/rules';
import { singleRules } from './single/rules';
import { sqlRules } from './sql/rules';
import { textRules } from './text/rules';
import { trueFalseRules } from './truefalse/rules';

/** A choice or ordering item. `id` is stable across versions of the question: a, b, c... in file order. */
export interface QuestionOption {
  id: string;
  html: string;
}

/** The answer form's fields as posted: one value, or several for a repeated field. */
export type FormFields = Record<string, string | string[] | undefined>;

/** What a saved answer looks like in the form again: checked positions, text, or positions per item. */
export interface FormState {
  checked: Set<string>;
  text: string;
  positions: string[];
}

/** What the answer form held: nothing (the answer was cleared), values in option ids to check, or a refusal. */
export type FormReading = { kind: 'empty' } | { kind: 'values'; values: string[] } | { kind: 'invalid'; error: string };

/** An answer that passed its checks, or a message the candidate can act on. */
export type ParsedAnswer<Given = Answer> = { ok: true; answer: Given } | { ok: false; error: string };

/** What every question type provides. `Key` is what counts as right, `Given` what a candidate gave. */
export interface QuestionRules<Key extends { type: string }, Given extends { type: Key['type'] }> {
  /**
   * Checks values in option ids, as the form sent them. Invariant: an accepted answer only names
   * ids from `optionIds`, and never holds a non-finite number or an over-long text.
   */
  parseAnswer(values: readonly string[], optionIds: readonly string[]): ParsedAnswer<Given>;
  /** Reads the fields of this type's answer control; `order` is the option ids in display order. */
  readForm(fields: FormFields, order: readonly string[]): FormReading;
  /** The answer as its control shows it again; fields left out keep their empty value. */
  formState(answer: Given, order: readonly string[]): Partial<FormState>;
  /** Whether the navigator counts the answer as given. */
  isComplete(answer: Given): boolean;
  /** Credit in [0, 1], per the scoring table in questions/README.md. */
  score(key: Key, answer: Given): number;
  /** Whether two answers are the same save (the sequence rule's duplicate check). */
  sameAnswer(x: Given, y: Given): boolean;
  /** The option ids in display order, fixed when the attempt starts; null for a type without options. */
  optionOrder(optionIds: readonly string[], rng: Rng, shuffleOptions: boolean): string[] | null;
  /** The answer as a review shows it: HTML from the options' sanitized HTML and escaped text. */
  answerHtml(answer: Given, options: readonly QuestionOption[]): string;
  /** The key as a review shows it, in the same HTML. */
  keyHtml(key: Key, options: readonly QuestionOption[]): string;
  /** An answer earning full credit, or when `right` is false a plausible one earning less: what the demo's candidates give. */
  simulatedAnswer(key: Key, optionIds: readonly string[], right: boolean, rng: Rng): Given;
}

/** Every question type, by the name question files use in their `type:` header. */
export const questionRules = {
  single: singleRules,
  multiple: multipleRules,
  truefalse: trueFalseRules,
  text: textRules,
  numeric: numericRules,
  ordering: orderingRules,
  code: codeRules,
  sql: sqlRules,
};

export type QuestionType = keyof typeof questionRules;

// Each type's key and answer carry its name in the record: what lets `rulesFor(key.type)` take `key`.
questionRules satisfies { [Type in QuestionType]: QuestionRules<{ type: Type }, { type: Type }> };

type KeyIn<Rules> = Rules extends QuestionRules<infer Key, infer _Given> ? Key : never;
type GivenIn<Rules> = Rules extends QuestionRules<infer _Key, infer Given> ? Given : never;

/** What counts as right. Never sent to a candidate's browser before the attempt is finished. */
export type AnswerKey = { [Type in QuestionType]: KeyIn<(typeof questionRules)[Type]> }[QuestionType];

/** What a candidate gave. */
export type Answer = { [Type in QuestionType]: GivenIn<(typeof questionRules)[Type]> }[QuestionType];

/** The type names in registry order, the order messages and reports list them in. */
export const questionTypes = Object.keys(questionRules) as QuestionType[];

export function isQuestionType(name: string): name is QuestionType {
  return Object.hasOwn(questionRules, name);
}

/**
 * The rules of one type, taking keys and answers of any type. Pass only keys and answers whose
 * `type` is `type` (each type's shapes carry its name, checked above), and check that a key and
 * an answer agree before pairing them.
 */
export function rulesFor(type: QuestionType): QuestionRules<AnswerKey, Answer> {
  return questionRules[type];
}
