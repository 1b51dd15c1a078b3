import { and, desc, eq, type SQLWrapper, sql } from 'drizzle-orm';
import type { AssessmentSettings, AssessmentStatus } from '../engine/assessment';
import type { QuestionType } from '../engine/question';
import type { Db } from './client';
import { newId } from './ids';
import { insertWhere } from './insert-where';
import { preparedPerDb } from './prepared';
import { assessments, attempts, invitations, organizations, questionVersions, users } from './schema';
import { isoTime, queueInvitationEvent } from './webhook-events';

export async function createAssessment(
  db: Db,
  orgId: string,
  createdBy: string | null,
  input: AssessmentSettings,
  now: number,
): Promise<string> {
  const id = newId();
  await db
    .insert(assessments)
    .values({ id, orgId, createdBy, lineageId: id, version: 1, createdAt: now, updatedAt: now, ...input });
  return id;
}

/** One assessment of one organization; another organization's id finds nothing. */
export async function getAssessment(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.id, id), eq(assessments.orgId, orgId)));
  return row ?? null;
}

export interface InvitationInput {
  candidateName: string;
  candidateEmail: string;
  expiresAt: number;
  extraSeconds: number;
}

export async function createInvitation(
  db: Db,
  orgId: string,
  assessmentId: string,
  createdBy: string | null,
  input: InvitationInput,
  now: number,
): Promise<string> {
  const id = newId();
  await db.batch([
    db.insert(invitations).values({ id, orgId, assessmentId, createdBy, createdAt: now, ...input }),
    queueInvitationEvent(db, {
      type: 'invitation.created',
      at: now,
      invitationId: id,
      data: { expires_at: isoTime(input.expiresAt), source: null },
    }),
  ]);
  return id;
}

/** What a candidate's landing page needs: the invitation, its assessment, who sent it, its attempt if started. */
// Prepared once per handle: every landing page and start reads it (the query builder was half its cost).
const invitationWithAssessment = preparedPerDb((db) =>
  db
    .select({
      invitation: invitations,
      assessment: assessments,
      orgName: organizations.name,
      inviterName: users.name,
      // isSuperseded and the invitation's attempt (at most one), in the same statement: a landing
      // page and a start need all three.
      superseded: newerVersionExists(assessments.orgId, assessments.lineageId, assessments.version),
      attempt: { id: attempts.id, state: attempts.state },
    })
    .from(invitations)
    .innerJoin(assessments, eq(assessments.id, invitations.assessmentId))
    .leftJoin(attempts, eq(attempts.invitationId, invitations.id))
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .leftJoin(users, eq(users.id, invitations.createdBy))
    .where(eq(invitations.id, sql.placeholder('invitationId')))
    .prepare(),
);

export async function invitationForCandidate(db: Db, invitationId: string) {
  const [row] = await invitationWithAssessment(db).all({ invitationId });
  return row ? { ...row, superseded: Boolean(row.superseded) } : null;
}

/** The first GET marks an invitation opened (for the pipeline); it never consumes it. */
export async function markInvitationOpened(db: Db, invitationId: string, now: number) {
  await db.batch([
    // Before the update, under its guard: one event for the first look, none for later ones.
    queueInvitationEvent(db, {
      type: 'invitation.opened',
      at: now,
      invitationId,
      data: { opened_at: isoTime(now) },
      when: sql`i.status = 'invited'`,
    }),
    db
      .update(invitations)
      .set({ status: 'opened', openedAt: now })
      .where(and(eq(invitations.id, invitationId), eq(invitations.status, 'invited'))),
  ]);
}

// ---------------------------------------------------------------- managing assessments

export type AssessmentRow = typeof assessments.$inferSelect;

export async function attemptCount(db: Db, assessmentId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(attempts)
    .where(eq(attempts.assessmentId, assessmentId));
  return row?.n ?? 0;
}

/**
 * Edits an assessment in place. Guarded for fairness: when `frozen` changes are included, the
 * update only applies while nobody has started (checked in the same statement, so a start racing
 * the edit cannot slip between check and write). Returns whether the row changed.
 */
export async function updateAssessment(
  db: Db,
  orgId: string,
  id: string,
  input: Partial<AssessmentSettings>,
  now: number,
  opts: { onlyWithoutAttempts: boolean },
): Promise<boolean> {
  const noAttempts = sql`not exists (select 1 from ${attempts} where ${attempts.assessmentId} = ${id})`;
  const rows = await db
    .update(assessments)
    .set({ ...input, updatedAt: now })
    .where(
      and(
        eq(assessments.id, id),
        eq(assessments.orgId, orgId),
        eq(assessments.status, 'active'),
        opts.onlyWithoutAttempts ? noAttempts : undefined,
      ),
    )
    .returning({ id: assessments.id });
  return rows.length > 0;
}

/**
 * Saves an edit of an assessment that candidates have started as its next version: a new row in
 * the same lineage, the current one archived, both in one batch. The insert only happens while
 * the current row is still active, so two editors saving at once make one new version, not two.
 * Invitations and attempts keep pointing at the version they were made for. Returns the new id,
 * or null when the current row was no longer the active version.
 */
export async function createNextVersion(
  db: Db,
  current: AssessmentRow,
  createdBy: string | null,
  input: AssessmentSettings,
  now: number,
): Promise<string | null> {
  const id = newId();
  const row: typeof assessments.$inferInsert = {
    ...input,
    id,
    orgId: current.orgId,
    lineageId: current.lineageId,
    version: current.version + 1,
    status: 'active',
    createdBy,
    createdAt: now,
    updatedAt: now,
  };
  const stillActive = sql`exists (select 1 from ${assessments} where ${assessments.id} = ${current.id} and ${assessments.status} = 'active')`;
  await db.batch([
    insertWhere(db, assessments, row, stillActive),
    db
      .update(assessments)
      .set({ status: 'archived', updatedAt: now })
      .where(and(eq(assessments.id, current.id), eq(assessments.status, 'active'))),
  ]);
  return (await getAssessment(db, current.orgId, id)) ? id : null;
}

/** A copy to start from: version 1 of a new lineage, active, without invitations. */
export async function duplicateAssessment(
  db: Db,
  source: AssessmentRow,
  createdBy: string | null,
  now: number,
): Promise<string> {
  return createAssessment(
    db,
    source.orgId,
    createdBy,
    {
      title: `${source.title} (copy)`.slice(0, 200),
      description: source.description,
      blueprint: source.blueprint,
      timeLimitSeconds: source.timeLimitSeconds,
      passMark: source.passMark,
      shuffleQuestions: source.shuffleQuestions,
      shuffleOptions: source.shuffleOptions,
      showAfter: source.showAfter,
      opensAt: source.opensAt,
      closesAt: source.closesAt,
    },
    now,
  );
}

export async function setAssessmentStatus(
  db: Db,
  orgId: string,
  id: string,
  status: AssessmentStatus,
  now: number,
): Promise<void> {
  await db
    .update(assessments)
    .set({ status, updatedAt: now })
    .where(and(eq(assessments.id, id), eq(assessments.orgId, orgId)));
}

/** Every version of one assessment, newest first. */
export async function lineageVersions(db: Db, orgId: string, lineageId: string) {
  return db
    .select({ id: assessments.id, version: assessments.version, status: assessments.status })
    .from(assessments)
    .where(and(eq(assessments.orgId, orgId), eq(assessments.lineageId, lineageId)))
    .orderBy(desc(assessments.version));
}

/**
 * Whether a newer version replaced this one (as opposed to an assessment someone archived).
 * Invitations of a replaced version were made for it and stay valid on it.
 */
export async function isSuperseded(db: Db, row: Pick<AssessmentRow, 'orgId' | 'lineageId' | 'version'>) {
  const found = await db.get<{ superseded: number }>(
    sql`select ${newerVersionExists(row.orgId, row.lineageId, row.version)} as superseded`,
  );
  return Boolean(found?.superseded);
}

/**
 * Whether the lineage holds a version newer than this one, for values or for the columns of the
 * query around it (the subquery's own table is aliased, so those name the outer row).
 */
function newerVersionExists(orgId: SQLWrapper | string, lineageId: SQLWrapper | string, version: SQLWrapper | number) {
  return sql<number>`exists (select 1 from ${assessments} newer where newer.org_id = ${orgId}
    and newer.lineage_id = ${lineageId} and newer.version > ${version})`;
}

/** The content of one question version, as a preview shows it. */
export async function questionContent(db: Db, questionId: string, version: number) {
  const [row] = await db
    .select({
      type: questionVersions.type,
      promptHtml: questionVersions.promptHtml,
      options: questionVersions.options,
    })
    .from(questionVersions)
    .where(and(eq(questionVersions.questionId, questionId), eq(questionVersions.version, version)));
  return row ? { ...row, type: row.type as QuestionType } : null;
}

/** The key and explanation of one question version, for a manager's preview with the key shown. */
export async function questionKeyOf(db: Db, questionId: string, version: number) {
  const [row] = await db
    .select({
      options: questionVersions.options,
      answerKey: questionVersions.answerKey,
      explanationHtml: questionVersions.explanationHtml,
    })
    .from(questionVersions)
    .where(and(eq(questionVersions.questionId, questionId), eq(questionVersions.version, version)));
  return row ?? null;
}
