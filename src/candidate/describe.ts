/** Answers and keys as HTML for review pages; each type's rules say how its answers read. */
import { focusableCodeBlocks } from '../bank/scrollable-code';
import type { Answer, AnswerKey, QuestionOption } from '../engine/question';
import { scoreAnswer } from '../engine/scoring';
import { rulesFor } from '../question-types/rules';

export { escapeHtml } from '../question-types/review-html';

/** The candidate's answer as a review shows it, by its type's rule. */
export function answerHtml(options: QuestionOption[], answer: Answer | null | undefined): string {
  return answer ? rulesFor(answer.type).answerHtml(answer, options) : '<em>No answer</em>';
}

/** The key as a review shows it. */
export function keyHtml(options: QuestionOption[], key: AnswerKey): string {
  return rulesFor(key.type).keyHtml(key, options);
}

/** One question of a finished attempt as a review shows it: the answer, the key, the credit, why. */
export function reviewItem(
  item: {
    position: number;
    promptHtml: string;
    options: QuestionOption[];
    answerKey: AnswerKey;
    explanationHtml: string;
    ref: string | null;
  },
  answer: Answer | null,
) {
  return {
    position: item.position,
    promptHtml: focusableCodeBlocks(item.promptHtml),
    yourAnswerHtml: answerHtml(item.options, answer),
    correctAnswerHtml: keyHtml(item.options, item.answerKey),
    explanationHtml: focusableCodeBlocks(item.explanationHtml),
    credit: scoreAnswer(item.answerKey, answer),
    ref: item.ref,
  };
}
