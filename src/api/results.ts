import type { AssessmentRow } from '../db/assessments';
import { sourceTitles } from '../db/blueprint-sources';
import type { Db } from '../db/client';
import type { CandidateRecord } from '../db/reports';
import { type AttemptResultSummary, attemptResultSummary } from '../manage/attempt-result';
import type { CandidateRow } from '../manage/candidates';

/** The titles of the assessment's sources (public areas, the organization's collections), for results that name them. */
export async function areaTitlesOf(db: Db, assessment: AssessmentRow): Promise<Map<string, string>> {
  const titles = await sourceTitles(
    db,
    assessment.orgId,
    assessment.blueprint.sections.map((s) => s.area),
  );
  return new Map(Object.entries(titles));
}

/** Each finished candidate's result by invitation id, ranked among the assessment's candidates. */
export function resultsOf(
  rows: readonly CandidateRow[],
  peers: readonly CandidateRecord[],
  assessment: AssessmentRow,
  titles: ReadonlyMap<string, string>,
): Map<string, AttemptResultSummary> {
  const results = new Map<string, AttemptResultSummary>();
  for (const row of rows) {
    const result = attemptResultSummary(row, peers, assessment.blueprint, titles);
    if (result) results.set(row.invitationId, result);
  }
  return results;
}
