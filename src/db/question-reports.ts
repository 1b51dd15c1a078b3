/**
 * Candidates' reports of problems with questions. A report names the attempt and the exact
 * version it showed; one per attempt and question (a second one replaces the first and opens it
 * again). Every read for the workspace takes the organization id: an organization sees the
 * reports from its own candidates only, even about a public question others use too.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { QueuedReport, ReportReason } from '../engine/question-report';

export type { QueuedReport };

import type { Db } from './client';
import { newId } from './ids';
import { assessments, attemptItems, attempts, invitations, questionReports, users } from './schema';

/** What the candidate said, as the test page shows it back. */
export interface SentReport {
  reason: ReportReason;
  body: string;
}

/** The question at a position of an attempt, with the version it shows; null when there is none. */
export async function attemptQuestionAt(db: Db, attemptId: string, position: number) {
  const [row] = await db
    .select({ questionId: attemptItems.questionId, version: attemptItems.questionVersion })
    .from(attemptItems)
    .where(and(eq(attemptItems.attemptId, attemptId), eq(attemptItems.position, position)));
  return row ?? null;
}

/**
 * Keeps a report, only while the attempt is in progress (the guard is in the statement, so a
 * report racing the finish cannot land after it). Whether it was kept.
 */
export async function saveQuestionReport(
  db: Db,
  input: {
    attemptId: string;
    orgId: string | null;
    questionId: string;
    questionVersion: number;
    reason: ReportReason;
    body: string;
    now: number;
  },
): Promise<boolean> {
  const rows = await db
    .insert(questionReports)
    .select(
      sql`select ${newId()}, ${input.orgId}, ${input.attemptId}, ${input.questionId}, ${input.questionVersion},
        ${input.reason}, ${input.body}, 'open', null, null, null, ${input.now}
      where exists (select 1 from attempts where id = ${input.attemptId} and state = 'in_progress')`,
    )
    .onConflictDoUpdate({
      target: [questionReports.attemptId, questionReports.questionId],
      set: {
        reason: sql`excluded.reason`,
        body: sql`excluded.body`,
        status: 'open',
        resolvedBy: null,
        resolvedAt: null,
        resolution: null,
      },
    })
    .returning({ id: questionReports.id });
  return rows.length > 0;
}

const queuedColumns = {
  id: questionReports.id,
  questionId: questionReports.questionId,
  questionVersion: questionReports.questionVersion,
  attemptId: questionReports.attemptId,
  candidateName: invitations.candidateName,
  reason: questionReports.reason,
  body: questionReports.body,
  status: questionReports.status,
  resolution: questionReports.resolution,
  resolvedAt: questionReports.resolvedAt,
  resolvedByName: users.name,
  createdAt: questionReports.createdAt,
};

function queued(db: Db, orgId: string, questionId?: string) {
  return db
    .select(queuedColumns)
    .from(questionReports)
    .innerJoin(attempts, eq(attempts.id, questionReports.attemptId))
    .leftJoin(invitations, eq(invitations.id, attempts.invitationId))
    .leftJoin(users, eq(users.id, questionReports.resolvedBy))
    .where(
      and(
        eq(questionReports.orgId, orgId),
        eq(attempts.orgId, orgId),
        questionId === undefined ? undefined : eq(questionReports.questionId, questionId),
      ),
    )
    .orderBy(desc(questionReports.createdAt), asc(questionReports.id));
}

/** Every report from the organization's candidates, newest first. */
export async function organizationReports(db: Db, orgId: string): Promise<QueuedReport[]> {
  return (await queued(db, orgId)) as QueuedReport[];
}

/** The organization's reports about one question, newest first. */
export async function questionReportsOf(db: Db, orgId: string, questionId: string): Promise<QueuedReport[]> {
  return (await queued(db, orgId, questionId)) as QueuedReport[];
}

/** Marks the given open reports of the organization about the question resolved, with the note. How many. */
export async function resolveReports(
  db: Db,
  input: { orgId: string; questionId: string; reportIds: string[]; note: string; actorId: string; now: number },
): Promise<number> {
  if (input.reportIds.length === 0) return 0;
  const rows = await db
    .update(questionReports)
    .set({ status: 'resolved', resolvedBy: input.actorId, resolvedAt: input.now, resolution: input.note })
    .where(
      and(
        eq(questionReports.orgId, input.orgId),
        eq(questionReports.questionId, input.questionId),
        eq(questionReports.status, 'open'),
        inArray(questionReports.id, input.reportIds),
      ),
    )
    .returning({ id: questionReports.id });
  return rows.length;
}

/**
 * Per question, the organization's assessments (one per lineage, the newest version) whose
 * finished attempts showed it: one statement for a whole page of questions.
 */
export async function assessmentsShowingQuestions(db: Db, orgId: string, questionIds: readonly string[]) {
  const shown = new Map<string, Map<string, { id: string; title: string; lineageId: string; version: number }>>(
    questionIds.map((id) => [id, new Map()]),
  );
  if (questionIds.length === 0) return shown;
  const rows = await db
    .selectDistinct({
      questionId: attemptItems.questionId,
      id: assessments.id,
      title: assessments.title,
      lineageId: assessments.lineageId,
      version: assessments.version,
    })
    .from(attemptItems)
    .innerJoin(attempts, eq(attempts.id, attemptItems.attemptId))
    .innerJoin(assessments, eq(assessments.id, attempts.assessmentId))
    .where(
      and(
        inArray(attemptItems.questionId, [...questionIds]),
        eq(attempts.orgId, orgId),
        eq(assessments.orgId, orgId),
        inArray(attempts.state, ['submitted', 'expired']),
      ),
    )
    .orderBy(desc(assessments.version));
  for (const { questionId, ...assessment } of rows) {
    const newestPerLineage = shown.get(questionId);
    if (newestPerLineage && !newestPerLineage.has(assessment.lineageId))
      newestPerLineage.set(assessment.lineageId, assessment);
  }
  return shown;
}
