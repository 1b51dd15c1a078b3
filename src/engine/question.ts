/**
 * The shapes a question takes once parsed from `questions/`, shared by the bank (which produces
 * them), the database (which stores them as JSON) and the engine (which draws and scores them).
 * Each type's key and answer are defined with its rules in src/question-types/<type>/; see
 * questions/README.md for the authoring format and the scoring rule of each type.
 */
import type { QuestionType } from '../question-types/rules';

export type { Answer, AnswerKey, QuestionOption, QuestionType } from '../question-types/rules';

/** The fields of a question the engine needs to draw, adapt and score. */
export interface ItemForDraw {
  id: string;
  area: string;
  topic: string;
  type: QuestionType;
  difficulty: 1 | 2 | 3 | 4 | 5;
}
