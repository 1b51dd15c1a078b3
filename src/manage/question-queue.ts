/**
 * The report queue's figures: reports grouped per question, and beside each question its item
 * statistics in every assessment of the organization that showed it (the statistics module's
 * own analysis, so the queue and the statistics pages never disagree).
 */
import type { Db } from '../db/client';
import { assessmentResponses } from '../db/item-statistics';
import { assessmentsShowingQuestions, type QueuedReport } from '../db/question-reports';
import type { ItemAnalysis } from '../engine/item-analysis';
import { assessmentStatistics } from './item-statistics';

export interface QuestionReportGroup {
  questionId: string;
  open: number;
  total: number;
  latestAt: number;
  reasons: QueuedReport['reason'][];
}

/** What grouping reads of a report: the workspace's queue and the public bank's reports (bank:reports) alike. */
export type GroupedReport = Pick<QueuedReport, 'questionId' | 'status' | 'createdAt' | 'reason'>;

/** Reports per question, those with open reports first, then by the latest report. */
export function groupReports(reports: readonly GroupedReport[]): QuestionReportGroup[] {
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

/**
 * Each question's item analysis in every assessment of the organization that showed it, per
 * question version; an assessment's statistics are computed once however many questions ask.
 */
export async function figuresByQuestion(
  db: Db,
  orgId: string,
  questionIds: readonly string[],
): Promise<Map<string, QuestionFigures[]>> {
  const assessments = new Map<string, { id: string; title: string }>();
  for (const shown of (await assessmentsShowingQuestions(db, orgId, questionIds)).values()) {
    for (const a of shown.values()) assessments.set(a.id, a);
  }
  const wanted = new Set(questionIds);
  const figures = new Map<string, QuestionFigures[]>(questionIds.map((id) => [id, []]));
  for (const assessment of assessments.values()) {
    const stats = assessmentStatistics(await assessmentResponses(db, orgId, assessment.id));
    for (const item of stats.analysis.items) {
      const meta = stats.meta.get(item.itemId);
      if (!meta || !wanted.has(meta.questionId)) continue;
      figures
        .get(meta.questionId)
        ?.push({ assessmentId: assessment.id, assessmentTitle: assessment.title, version: meta.version, item });
    }
  }
  return figures;
}

/** One question's figures (figuresByQuestion for one). */
export async function questionFigures(db: Db, orgId: string, questionId: string): Promise<QuestionFigures[]> {
  return (await figuresByQuestion(db, orgId, [questionId])).get(questionId) ?? [];
}
