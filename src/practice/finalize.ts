/**
 * Ending a practice attempt: the same guarded, atomic finalization as an assessment (one code path
 * for the finish, a late access and the sweep), plus what self-benchmarking reports: the EAP
 * ability and its standard error, the scale score, and the percentile among the area's results.
 */
import { finalizeAttempt, type PracticeScoring } from '../db/attempts';
import type { Db } from '../db/client';
import { gradeResponses } from '../db/grading';
import { areaPopulation } from '../db/practice';
import { percentileRank, scaleScore } from '../engine/scale';
import type { Grade } from '../grading/types';
import { estimateAbility, practiceBreakdown } from './score';

/** Scores a practice attempt from its answered items (see score.ts for what counts). */
export function practiceScoring(db: Db): PracticeScoring {
  return async (items, saved, attempt) => {
    const estimate = estimateAbility(items, saved);
    const score = scaleScore(estimate.theta);
    const others = attempt.areaId ? await areaPopulation(db, attempt.areaId, attempt.id) : [];
    return {
      theta: estimate.theta,
      thetaSe: estimate.se,
      scaleScore: score,
      // A snapshot at the finish, for reports; result pages show the live percentile.
      percentile: percentileRank(score, others),
      result: practiceBreakdown(items, saved),
    };
  };
}

/**
 * Finalizes any attempt with the scoring its kind needs; see finalizeAttempt for the guarantees.
 * `origin`: where the report link of the attempt.completed event points. `grade`: the runtime's
 * grader, which runs the attempt's code and SQL answers first (src/db/grading.ts).
 */
export async function finalizeByKind(
  db: Db,
  attempt: { id: string; kind: 'assessment' | 'practice' },
  now: number,
  passMark: number | null,
  origin?: string | null,
  grade?: Grade,
) {
  if (grade) await gradeResponses(db, attempt.id, grade);
  return finalizeAttempt(db, attempt.id, now, passMark, {
    practice: attempt.kind === 'practice' ? practiceScoring(db) : undefined,
    origin,
  });
}
