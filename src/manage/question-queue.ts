/**
 * The report queue's figures: reports grouped per question, and beside each question its item
 * statistics in every assessment of the organization that showed it (the statistics module's
 * own analysis, so the queue and the statistics pages never disagree).
 */
import type { Db } from '../db/client';
import { assessmentResponses } from '../db/item-statistics';
import { assessmentsShowingQuestion, type QueuedReport } from '../db/question-reports';
import type { ItemAnalysis } from '../engine/item-analysis';
import { assessmentStatistics } from './item-statistics';

export interface QuestionReportGroup {
  questionId: string;
  open: number;
  total: number;
  latestAt: number;
  reasons: QueuedReport['reason'][];
}

/** Reports per question, those with open reports first, then by the latest report. */
export function groupReports(reports: readonly QueuedReport[]): QuestionReportGroup[] {
  const groups = new Map<string, QuestionReportGroup>();
  for (const report of reports) {
    const group = groups.get(report.questionId) ?? {
      questionId: report.questionId,
      open: 0,
      total: 0,
      latestAt: 0,
      reasons: [],
    };
    group.total += 1;
    if (report.status === 'open') group.open += 1;
    group.latestAt = Math.max(group.latestAt, report.createdAt);
    if (!group.reasons.includes(report.reason)) group.reasons.push(report.reason);
    groups.set(report.questionId, group);
  }
  return [...groups.values()].sort(
    (x, y) =>
      Number(y.open > 0) - Number(x.open > 0) || y.latestAt - x.latestAt || x.questionId.localeCompare(y.questionId),
  );
}

export interface QuestionFigures {
  assessmentId: string;
  assessmentTitle: string;
  version: number;
  item: ItemAnalysis;
}

/** The question's item analysis in each of the organization's assessments that showed it, per question version. */
export async function questionFigures(db: Db, orgId: string, questionId: string): Promise<QuestionFigures[]> {
  const shown = await assessmentsShowingQuestion(db, orgId, questionId);
  const perAssessment = await Promise.all(
    shown.map(async (assessment) => {
      const stats = assessmentStatistics(await assessmentResponses(db, orgId, assessment.id));
      return stats.analysis.items.flatMap((item) => {
        const meta = stats.meta.get(item.itemId);
        return meta?.questionId === questionId
          ? [{ assessmentId: assessment.id, assessmentTitle: assessment.title, version: meta.version, item }]
          : [];
      });
    }),
  );
  return perAssessment.flat();
}
