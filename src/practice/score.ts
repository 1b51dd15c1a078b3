/**
 * What a practice session's answers say: an ability estimate for choosing the next question and,
 * at the end, the reported result. Pure: the same items and responses always give the same numbers.
 */
import { type AbilityEstimate, estimateEAP, type ScoredResponse } from '../engine/irt';
import type { Answer, AnswerKey } from '../engine/question';
import { scoreAnswer, scoreAttempt } from '../engine/scoring';

/** An administered item as the estimate needs it (a row of attemptItemsWithContent fits). */
export interface AdministeredItem {
  questionId: string;
  area: string;
  topic: string;
  irtA: number;
  irtB: number;
  answerKey: AnswerKey;
  timeWeight: number;
}

export interface SavedAnswer {
  answer: Answer | null;
}

/**
 * The items that count: those with an answer. A practice test moves on only after an answer, so
 * the one item that can lack it is the last one shown when the time ran out, and it is left out
 * rather than scored wrong (the clock, not the person, ended it).
 */
export function answeredItems<T extends AdministeredItem>(
  items: readonly T[],
  saved: ReadonlyMap<string, SavedAnswer>,
): (T & { answer: Answer })[] {
  return items.flatMap((item) => {
    const answer = saved.get(item.questionId)?.answer ?? null;
    return answer === null ? [] : [{ ...item, answer }];
  });
}

/** Credit per answered item with the item's 2PL parameters; partial credit counts fractionally. */
export function scoredResponses(
  items: readonly AdministeredItem[],
  saved: ReadonlyMap<string, SavedAnswer>,
): ScoredResponse[] {
  return answeredItems(items, saved).map((item) => ({
    a: item.irtA,
    b: item.irtB,
    score: scoreAnswer(item.answerKey, item.answer),
  }));
}

/** EAP ability and its standard error from every answered item (the prior alone before the first). */
export function estimateAbility(
  items: readonly AdministeredItem[],
  saved: ReadonlyMap<string, SavedAnswer>,
): AbilityEstimate {
  return estimateEAP(scoredResponses(items, saved));
}

/** Points per area and topic over the answered items, for the per-topic breakdown (no pass mark). */
export function practiceBreakdown(items: readonly AdministeredItem[], saved: ReadonlyMap<string, SavedAnswer>) {
  return scoreAttempt(
    answeredItems(items, saved).map((item) => ({
      questionId: item.questionId,
      area: item.area,
      topic: item.topic,
      key: item.answerKey,
      answer: item.answer,
      timeWeight: item.timeWeight,
    })),
    null,
  );
}
