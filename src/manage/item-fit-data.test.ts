import { describe, expect, it } from 'vitest';
import type { StatisticsResponse } from '../db/item-statistics';
import { estimateEAP } from '../engine/irt';
import { assessmentFitObservations } from './item-fit-data';

function row(attemptId: string, questionId: string, right: boolean | null, a: number, b: number): StatisticsResponse {
  return {
    attemptId,
    assessmentVersion: 1,
    scorePercent: null,
    questionId,
    questionVersion: 1,
    area: 'x',
    type: 'single',
    timeWeight: 1,
    options: [],
    answerKey: { type: 'single', correct: 'a' },
    answer: right === null ? null : { type: 'single', choice: right ? 'a' : 'b' },
    credit: null,
    timeSpentMs: null,
    irtA: a,
    irtB: b,
  };
}

describe('assessmentFitObservations', () => {
  it("estimates each candidate's ability from the other answers only, and takes the credit on the question", () => {
    const rows = [
      row('one', 'q1', true, 1.2, 0),
      row('one', 'q2', true, 0.8, -1),
      row('one', 'target', false, 2, 0.5),
      row('two', 'q1', false, 1.2, 0),
      row('two', 'q2', null, 0.8, -1),
      row('two', 'target', true, 2, 0.5),
      row('three', 'q1', true, 1.2, 0),
    ];
    const observations = assessmentFitObservations(rows, 'target');
    expect(observations).toEqual([
      {
        theta: estimateEAP([
          { a: 1.2, b: 0, score: 1 },
          { a: 0.8, b: -1, score: 1 },
        ]).theta,
        credit: 0,
      },
      {
        theta: estimateEAP([
          { a: 1.2, b: 0, score: 0 },
          { a: 0.8, b: -1, score: 0 },
        ]).theta,
        credit: 1,
      },
    ]);
    // The target's own answer does not move the estimate: right on the rest means above average.
    expect(observations[0]?.theta).toBeGreaterThan(0);
    expect(observations[1]?.theta).toBeLessThan(0);
  });
});
