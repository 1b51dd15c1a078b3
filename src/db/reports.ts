/**
 * What hiring managers read: candidates with their attempts, answers, notes and decisions. Every
 * query takes the organization id and filters by it, so another organization's ids find nothing.
 */
import { and, asc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { AttemptEventType } from '../engine/attempt-events';
import type { AttemptState } from '../engine/attempt-state';
import type { Decision } from '../engine/decisions';
import type { InvitationStatus } from '../engine/invitation-state';
import type { Answer, AnswerKey, QuestionOption } from '../engine/question';
import { contentOf } from '../engine/variant';
import type { Db } from './client';
import { newId } from './ids';
import { versionOfItem } from './item-version';
import {
  type AttemptResult,
  assessments,
  attemptEvents,
  attemptItems,
  attempts,
  decisions,
  invitations,
  notes,
  questions,
  questionVersions,
  regradeChanges,
  responses,
  users,
} from './schema';
import { isoTime, queueInvitationEvent } from './webhook-events';

export interface LatestDecision {
  decision: Decision;
  decidedAt: number;
  decidedBy: string;
}

/** One invitation with its attempt (if any): a row of the pipeline before anything is derived. */
export interface CandidateRecord {
  invitationId: string;
  candidateName: string;
  candidateEmail: string;
  /** The team's own group label (pass rates by group); null or absent: none. */
  groupLabel?: string | null;
  invitationStatus: InvitationStatus;
  invitedAt: number;
  expiresAt: number;
  extraSeconds: number;
  assessmentId: string;
  assessmentTitle: string;
  assessmentVersion: number;
  timeLimitSeconds: number;
  passMark: number;
  attemptId: string | null;
  state: AttemptState | null;
  startedAt: number | null;
  deadlineAt: number | null;
  submittedAt: number | null;
  scorePercent: number | null;
  passed: boolean | null;
  result: AttemptResult | null;
  /** Questions in the attempt (0 without one): the n of the score's standard error. */
  itemCount: number;
  /** Regrades that moved this attempt's score (0 or absent: none). */
  regrades?: number;
  events: Partial<Record<AttemptEventType, number>>;
  decision: LatestDecision | null;
}

export type CandidateScope = { assessmentId: string } | { attemptIds: string[] };

/** The organization's candidates of one assessment, or the attempts with these ids, oldest invitation first. */
export async function candidateRecords(db: Db, orgId: string, scope: CandidateScope): Promise<CandidateRecord[]> {
  if ('attemptIds' in scope && scope.attemptIds.length === 0) return [];
  const rows = await db
    .select({
      invitationId: invitations.id,
      candidateName: invitations.candidateName,
      candidateEmail: invitations.candidateEmail,
      groupLabel: invitations.groupLabel,
      invitationStatus: invitations.status,
      invitedAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      extraSeconds: invitations.extraSeconds,
      assessmentId: assessments.id,
      assessmentTitle: assessments.title,
      assessmentVersion: assessments.version,
      timeLimitSeconds: assessments.timeLimitSeconds,
      passMark: assessments.passMark,
      attemptId: attempts.id,
      state: attempts.state,
      startedAt: attempts.startedAt,
      deadlineAt: attempts.deadlineAt,
      submittedAt: attempts.submittedAt,
      scorePercent: attempts.scorePercent,
      passed: attempts.passed,
      result: attempts.result,
      itemCount: sql<number>`(select count(*) from ${attemptItems} where ${attemptItems.attemptId} = ${attempts.id})`,
      regrades: sql<number>`(select count(*) from ${regradeChanges} where ${regradeChanges.attemptId} = ${attempts.id})`,
    })
    .from(invitations)
    .innerJoin(assessments, eq(assessments.id, invitations.assessmentId))
    .leftJoin(attempts, eq(attempts.invitationId, invitations.id))
    .where(
      and(
        eq(invitations.orgId, orgId),
        'assessmentId' in scope
          ? eq(invitations.assessmentId, scope.assessmentId)
          : inArray(attempts.id, scope.attemptIds),
      ),
    )
    .orderBy(asc(invitations.createdAt), asc(invitations.id));

  const attemptIds = rows.flatMap((r) => (r.attemptId ? [r.attemptId] : []));
  const [events, latest] = await Promise.all([eventCounts(db, attemptIds), latestDecisions(db, orgId, attemptIds)]);
  return rows.map((r) => ({
    ...r,
    itemCount: Number(r.itemCount ?? 0),
    regrades: Number(r.regrades ?? 0),
    events: (r.attemptId && events.get(r.attemptId)) || {},
    decision: (r.attemptId && latest.get(r.attemptId)) || null,
  }));
}

async function eventCounts(db: Db, attemptIds: string[]) {
  const counts = new Map<string, Partial<Record<AttemptEventType, number>>>();
  if (attemptIds.length === 0) return counts;
  const rows = await db
    .select({ attemptId: attemptEvents.attemptId, type: attemptEvents.type, n: sql<number>`count(*)` })
    .from(attemptEvents)
    .where(inArray(attemptEvents.attemptId, attemptIds))
    .groupBy(attemptEvents.attemptId, attemptEvents.type);
  for (const row of rows) {
    const entry = counts.get(row.attemptId) ?? {};
    entry[row.type] = Number(row.n);
    counts.set(row.attemptId, entry);
  }
  return counts;
}

/** The newest decision per attempt (decisions are append-only; rowid breaks ties within a millisecond). */
async function latestDecisions(db: Db, orgId: string, attemptIds: string[]) {
  const latest = new Map<string, LatestDecision>();
  if (attemptIds.length === 0) return latest;
  const rows = await db
    .select({
      attemptId: decisions.attemptId,
      decision: decisions.decision,
      decidedAt: decisions.decidedAt,
      decidedBy: users.name,
    })
    .from(decisions)
    .innerJoin(users, eq(users.id, decisions.decidedBy))
    .where(and(eq(decisions.orgId, orgId), inArray(decisions.attemptId, attemptIds)))
    .orderBy(asc(decisions.decidedAt), asc(sql`${decisions}.rowid`));
  for (const row of rows) latest.set(row.attemptId, row);
  return latest;
}

/** Finished scores of these assessments, per assessment: what percentiles are ranked against. */
export async function completedScores(db: Db, orgId: string, assessmentIds: string[]): Promise<Map<string, number[]>> {
  const scores = new Map<string, number[]>();
  if (assessmentIds.length === 0) return scores;
  const rows = await db
    .select({ assessmentId: attempts.assessmentId, score: attempts.scorePercent })
    .from(attempts)
    .where(
      and(
        eq(attempts.orgId, orgId),
        inArray(attempts.assessmentId, assessmentIds),
        ne(attempts.state, 'in_progress'),
        isNotNull(attempts.scorePercent),
      ),
    );
  for (const row of rows) {
    if (row.assessmentId === null || row.score === null) continue;
    scores.set(row.assessmentId, [...(scores.get(row.assessmentId) ?? []), row.score]);
  }
  return scores;
}

/** One assessment attempt of the organization with its candidate and assessment, or null. */
export async function orgAttempt(db: Db, orgId: string, attemptId: string) {
  const [row] = await db
    .select({ attempt: attempts, invitation: invitations, assessment: assessments })
    .from(attempts)
    .innerJoin(invitations, eq(invitations.id, attempts.invitationId))
    .innerJoin(assessments, eq(assessments.id, attempts.assessmentId))
    .where(and(eq(attempts.id, attemptId), eq(attempts.orgId, orgId), eq(attempts.kind, 'assessment')));
  return row ?? null;
}

export interface NoteEntry {
  id: string;
  body: string;
  authorName: string;
  createdAt: number;
}

export async function notesOf(db: Db, orgId: string, attemptId: string): Promise<NoteEntry[]> {
  return db
    .select({ id: notes.id, body: notes.body, authorName: users.name, createdAt: notes.createdAt })
    .from(notes)
    .innerJoin(users, eq(users.id, notes.authorId))
    .where(and(eq(notes.orgId, orgId), eq(notes.attemptId, attemptId)))
    .orderBy(asc(notes.createdAt), asc(sql`${notes}.rowid`));
}

export interface DecisionEntry {
  id: string;
  decision: Decision;
  decidedBy: string;
  decidedAt: number;
}

/** Every decision on an attempt, oldest first; the last one stands. */
export async function decisionsOf(db: Db, orgId: string, attemptId: string): Promise<DecisionEntry[]> {
  return db
    .select({ id: decisions.id, decision: decisions.decision, decidedBy: users.name, decidedAt: decisions.decidedAt })
    .from(decisions)
    .innerJoin(users, eq(users.id, decisions.decidedBy))
    .where(and(eq(decisions.orgId, orgId), eq(decisions.attemptId, attemptId)))
    .orderBy(asc(decisions.decidedAt), asc(sql`${decisions}.rowid`));
}

export async function addNote(
  db: Db,
  input: { orgId: string; attemptId: string; authorId: string; body: string; now: number },
) {
  await db.insert(notes).values({
    id: newId(),
    orgId: input.orgId,
    attemptId: input.attemptId,
    authorId: input.authorId,
    body: input.body,
    createdAt: input.now,
  });
}

/**
 * Appends a decision, and its reason as a note by the same person at the same moment, in one
 * batch: the history never shows a decision without the reason that was given with it. The
 * decision.recorded event goes in the same batch.
 */
export async function addDecision(
  db: Db,
  input: { orgId: string; attemptId: string; userId: string; decision: Decision; reason: string; now: number },
) {
  const decision = db.insert(decisions).values({
    id: newId(),
    orgId: input.orgId,
    attemptId: input.attemptId,
    decision: input.decision,
    decidedBy: input.userId,
    decidedAt: input.now,
  });
  const event = queueInvitationEvent(db, {
    type: 'decision.recorded',
    at: input.now,
    invitationId: sql`(select invitation_id from attempts where id = ${input.attemptId} and org_id = ${input.orgId})`,
    data: {
      attempt_id: input.attemptId,
      decision: input.decision,
      reason: input.reason || null,
      decided_by: sql`json((select json_object('name', name, 'email', email) from users where id = ${input.userId}))`,
      decided_at: isoTime(input.now),
    },
  });
  if (!input.reason) {
    await db.batch([decision, event]);
    return;
  }
  await db.batch([
    decision,
    db.insert(notes).values({
      id: newId(),
      orgId: input.orgId,
      attemptId: input.attemptId,
      authorId: input.userId,
      body: input.reason,
      createdAt: input.now,
    }),
    event,
  ]);
}

/** One answer of one candidate, with the question as it was shown: a row of the answers export. */
export interface AnswerRecord {
  attemptId: string;
  candidateName: string;
  candidateEmail: string;
  position: number;
  questionId: string;
  questionVersion: number;
  area: string;
  topic: string;
  type: string;
  difficulty: number;
  options: QuestionOption[];
  answerKey: AnswerKey;
  answer: Answer | null;
  credit: number | null;
  timeSpentMs: number | null;
  flagged: boolean | null;
  /** A regrade's mark on the item: full credit for everyone, or dropped from the score. */
  scoring?: 'full_credit' | 'dropped' | null;
}

/** Every question of every finished attempt of an assessment, in candidate then question order. */
export async function answerRecords(db: Db, orgId: string, assessmentId: string): Promise<AnswerRecord[]> {
  const rows = await db
    .select({
      attemptId: attempts.id,
      candidateName: invitations.candidateName,
      candidateEmail: invitations.candidateEmail,
      position: attemptItems.position,
      questionId: attemptItems.questionId,
      questionVersion: attemptItems.questionVersion,
      area: questions.areaId,
      topic: questions.topic,
      type: questionVersions.type,
      difficulty: questionVersions.difficulty,
      options: questionVersions.options,
      answerKey: questionVersions.answerKey,
      answer: responses.answer,
      credit: responses.score,
      timeSpentMs: responses.timeSpentMs,
      flagged: responses.flagged,
      scoring: attemptItems.scoring,
      variant: attemptItems.variant,
      variantSpec: questionVersions.variant,
    })
    .from(attempts)
    .innerJoin(invitations, eq(invitations.id, attempts.invitationId))
    .innerJoin(attemptItems, eq(attemptItems.attemptId, attempts.id))
    .innerJoin(questions, eq(questions.id, attemptItems.questionId))
    .innerJoin(questionVersions, versionOfItem)
    .leftJoin(responses, and(eq(responses.attemptId, attempts.id), eq(responses.questionId, attemptItems.questionId)))
    .where(and(eq(attempts.orgId, orgId), eq(attempts.assessmentId, assessmentId), ne(attempts.state, 'in_progress')))
    .orderBy(asc(invitations.createdAt), asc(attempts.id), asc(attemptItems.position));
  // A variant question's options and key are the candidate's instance.
  return rows.map(({ variant, variantSpec, ...row }) => contentOf(row, variantSpec, variant));
}
