/**
 * What the item-fit statistic is computed from on an assessment's question page: each candidate
 * who was shown the question, with an ability estimated from their OTHER answers (EAP under the
 * 2PL parameters of those questions, so the question does not vouch for itself) and the credit
 * they earned on it. The practice side needs no estimate: each practice test ends with one.
 */
import type { StatisticsResponse } from '../db/item-statistics';
import { estimateEAP } from '../engine/irt';
import type { FitObservation } from '../engine/item-fit';
import { scoreAnswer } from '../engine/scoring';

export function assessmentFitObservations(rows: readonly StatisticsResponse[], questionId: string): FitObservation[] {
  const byAttempt = new Map<string, StatisticsResponse[]>();
  for (const row of rows) byAttempt.set(row.attemptId, [...(byAttempt.get(row.attemptId) ?? []), row]);
  const credit = (row: StatisticsResponse) =>
    row.answer === null ? 0 : (row.credit ?? scoreAnswer(row.answerKey, row.answer));
  const observations: FitObservation[] = [];
  for (const attempt of byAttempt.values()) {
    const target = attempt.find((r) => r.questionId === questionId);
    if (!target) continue;
    const others = attempt.filter((r) => r !== target && r.irtA !== undefined && r.irtB !== undefined);
    const { theta } = estimateEAP(others.map((r) => ({ a: r.irtA ?? 1, b: r.irtB ?? 0, score: credit(r) })));
    observations.push({ theta, credit: credit(target) });
  }
  return observations;
}
