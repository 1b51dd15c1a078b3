/** Answers and keys as HTML for review pages; each type's rules say how its answers read. */
import { focusableCodeBlocks } from '../bank/scrollable-code';
import type { Answer, AnswerKey, QuestionOption } from '../engine/question';
import { countedCredit, type ItemScoring } from '../engine/scoring';
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
    /** A regrade's mark on the item. */
    scoring?: ItemScoring | null;
  },
  answer: Answer | null,
  /** The credit stored when the attempt ended (a regrade may have raised it since). */
  storedCredit?: number | null,
) {
  return {
    position: item.position,
    promptHtml: focusableCodeBlocks(item.promptHtml),
    yourAnswerHtml: answerHtml(item.options, answer),
    correctAnswerHtml: keyHtml(item.options, item.answerKey),
    explanationHtml: focusableCodeBlocks(item.explanationHtml),
    // As it counts now: after a regrade, full credit, an accepted answer, or 0 for a dropped question.
    credit: countedCredit(item, answer, storedCredit) ?? 0,
    ref: item.ref,
  };
}
