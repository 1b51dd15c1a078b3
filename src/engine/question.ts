/**
 * The shapes a question takes once parsed from `questions/`, shared by the bank (which produces
 * them), the database (which stores them as JSON) and the engine (which draws and scores them).
 * See questions/README.md for the authoring format and the scoring rule of each type.
 */

export const questionTypes = ['single', 'multiple', 'truefalse', 'text', 'numeric', 'ordering'] as const;
export type QuestionType = (typeof questionTypes)[number];

/** A choice or ordering item. `id` is stable across versions of the question: a, b, c... in file order. */
export interface QuestionOption {
  id: string;
  html: string;
}

/** What counts as right. Never sent to a candidate's browser before the attempt is finished. */
export type AnswerKey =
  | { type: 'single'; correct: string }
  | { type: 'multiple'; correct: string[] }
  | { type: 'truefalse'; correct: boolean }
  | { type: 'text'; accepted: string[] }
  | { type: 'numeric'; value: number; tolerance: number }
  | { type: 'ordering'; order: string[] };

/** What a candidate gave. */
export type Answer =
  | { type: 'single'; choice: string }
  | { type: 'multiple'; choices: string[] }
  | { type: 'truefalse'; value: boolean }
  | { type: 'text'; text: string }
  | { type: 'numeric'; value: number }
  | { type: 'ordering'; order: string[] };

/** The fields of a question the engine needs to draw, adapt and score. */
export interface ItemForDraw {
  id: string;
  area: string;
  topic: string;
  type: QuestionType;
  difficulty: 1 | 2 | 3 | 4 | 5;
}
