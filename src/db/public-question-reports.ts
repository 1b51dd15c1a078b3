/**
 * Practice takers' reports about public questions, for whoever maintains the public bank on this
 * instance (`npm run bank:reports`). Only reports that belong to no organization are read or
 * resolved: the report has no organization, its attempt is a practice attempt of none, and the
 * question is a public one. An organization's reports, even about a public question, stay in
 * its own queue and never show here.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ReportReason } from '../engine/question-report';
import type { Db } from './client';
import { attempts, questionReports, questions, questionVersions } from './schema';

/** One open report as the operator reads it: no attempt, no person, only what was said about which version. */
export interface PublicReport {
  id: string;
  questionId: string;
  questionVersion: number;
  reason: ReportReason;
  body: string;
  status: 'open';
  createdAt: number;
  /** The bank file the reported version was imported from (as the import saw it). */
  sourceFile: string | null;
}

/** The three conditions that make a report the public bank's, in one place for the read and the resolve. */
const publicOnly = and(
  isNull(questionReports.orgId),
  sql`${questionReports.attemptId} in (select ${attempts.id} from ${attempts} where ${attempts.orgId} is null and ${attempts.kind} = 'practice')`,
  sql`${questionReports.questionId} in (select ${questions.id} from ${questions} where ${questions.orgId} is null)`,
);

/** Every open report on a public question from practice, oldest first. */
export async function openPublicReports(db: Db): Promise<PublicReport[]> {
  const rows = await db
    .select({
      id: questionReports.id,
      questionId: questionReports.questionId,
      questionVersion: questionReports.questionVersion,
      reason: questionReports.reason,
      body: questionReports.body,
      createdAt: questionReports.createdAt,
      sourceFile: questionVersions.sourceFile,
    })
    .from(questionReports)
    .leftJoin(
      questionVersions,
      and(
        eq(questionVersions.questionId, questionReports.questionId),
        eq(questionVersions.version, questionReports.questionVersion),
      ),
    )
    .where(and(publicOnly, eq(questionReports.status, 'open')))
    .orderBy(asc(questionReports.createdAt), asc(questionReports.id));
  return rows.map((r) => ({ ...r, reason: r.reason as ReportReason, status: 'open' as const }));
}

/**
 * Marks the open public reports about these questions resolved, with the note (no member did it:
 * resolved_by stays empty). The question ids each resolved how many.
 */
export async function resolvePublicReports(
  db: Db,
  input: { questionIds: string[]; note: string; now: number },
): Promise<Map<string, number>> {
  const counts = new Map(input.questionIds.map((id) => [id, 0]));
  if (input.questionIds.length === 0) return counts;
  const rows = await db
    .update(questionReports)
    .set({ status: 'resolved', resolvedAt: input.now, resolution: input.note })
    .where(and(publicOnly, eq(questionReports.status, 'open'), inArray(questionReports.questionId, input.questionIds)))
    .returning({ questionId: questionReports.questionId });
  for (const row of rows) counts.set(row.questionId, (counts.get(row.questionId) ?? 0) + 1);
  return counts;
}
