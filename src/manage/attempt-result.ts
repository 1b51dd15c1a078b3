/**
 * A finished attempt's result as integrations read it: the score with its standard error and
 * percentile, and the same per skill area. Pure: the JSON API and Greenhouse's test_status read it
 * from the same rows the pipeline shows, so every surface shows the same numbers.
 */
import type { CandidateRecord } from '../db/reports';
import type { Blueprint } from '../engine/blueprint';
import { percentileRank } from '../engine/scale';
import type { CandidateRow } from './candidates';
import { percentStandardError } from './stats';

export interface AreaResult {
  area: string;
  title: string;
  scorePercent: number;
  points: number;
  max: number;
  /** One standard error in percent points, from the area's number of questions. */
  standardError: number | null;
  /** Mid-rank percentile of the area score among the other finished candidates of the assessment. */
  percentile: number | null;
}

export interface AttemptResultSummary {
  scorePercent: number;
  passed: boolean | null;
  standardError: number | null;
  percentile: number | null;
  byArea: AreaResult[];
}

const finished = (r: Pick<CandidateRecord, 'state'>) => r.state === 'submitted' || r.state === 'expired';

/**
 * The result of `row` (null until it is finished), ranked against `peers`: the candidates of the
 * same assessment version, `row` among them or not. Areas come in the blueprint's order.
 */
export function attemptResultSummary(
  row: CandidateRow,
  peers: readonly CandidateRecord[],
  blueprint: Blueprint,
  areaTitles: ReadonlyMap<string, string>,
): AttemptResultSummary | null {
  if (row.status !== 'completed' || row.scorePercent === null) return null;
  const others = peers.filter((p) => p.attemptId !== row.attemptId && finished(p));
  const byArea = blueprint.sections.flatMap((section): AreaResult[] => {
    const score = row.result?.byArea[section.area];
    if (!score) return [];
    const otherScores = others.flatMap((p) => {
      const s = p.result?.byArea[section.area];
      return s ? [s.percent] : [];
    });
    return [
      {
        area: section.area,
        title: areaTitles.get(section.area) ?? section.area,
        scorePercent: score.percent,
        points: score.points,
        max: score.max,
        standardError: percentStandardError(score.percent, section.count),
        percentile: percentileRank(score.percent, otherScores),
      },
    ];
  });
  return {
    scorePercent: row.scorePercent,
    passed: row.passed,
    standardError: row.standardError,
    percentile: row.percentile,
    byArea,
  };
}
