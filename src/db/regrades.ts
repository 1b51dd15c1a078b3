/**
 * Regrades: reading the organization's finished attempts that showed a question, as the scorer
 * sees them, and writing a regrade in one batch (the item marks or credits, every rescored
 * attempt, the regrade and its changes, the audit entry, the webhook events). Every query takes
 * the organization id: a public question is regraded only in the organization's own attempts.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Answer } from '../engine/question';
import type { AttemptRegradeRecord, RegradeChange, RegradeKind, RegradeOutcome } from '../engine/regrade';
import { type ScoredItem, scoredItemOf } from '../engine/scoring';
import { attemptItemsWithContent, responsesOf } from './attempts';
import type { Db } from './client';
import { newId } from './ids';
import {
  assessments,
  attemptItems,
  attempts,
  invitations,
  questionEvents,
  questions,
  regradeChanges,
  regrades,
  responses,
  users,
} from './schema';
import { queueInvitationEvent } from './webhook-events';

/** A finished attempt of the organization that showed the question, scored as the finish scores it. */
export interface ScopedAttempt {
  attemptId: string;
  invitationId: string | null;
  candidateName: string;
  assessmentTitle: string;
  submittedAt: number | null;
  passMark: number | null;
  percent: number | null;
  passed: boolean | null;
  items: ScoredItem[];
}

/** The organization's submitted or expired assessment attempts that showed this question. */
async function attemptsShowing(db: Db, orgId: string, questionId: string) {
  return db
    .select({
      attemptId: attempts.id,
      invitationId: attempts.invitationId,
      candidateName: invitations.candidateName,
      assessmentTitle: assessments.title,
      submittedAt: attempts.submittedAt,
      passMark: assessments.passMark,
      percent: attempts.scorePercent,
      passed: attempts.passed,
    })
    .from(attempts)
    .innerJoin(attemptItems, and(eq(attemptItems.attemptId, attempts.id), eq(attemptItems.questionId, questionId)))
    .innerJoin(assessments, and(eq(assessments.id, attempts.assessmentId), eq(assessments.orgId, orgId)))
    .innerJoin(invitations, eq(invitations.id, attempts.invitationId))
    .where(
      and(
        eq(attempts.orgId, orgId),
        eq(attempts.kind, 'assessment'),
        inArray(attempts.state, ['submitted', 'expired']),
      ),
    )
    .orderBy(asc(attempts.submittedAt), asc(attempts.id));
}

/**
 * The answers earlier regrades accepted in this attempt, by question: those whose change rows
 * name it (an accepted answer changes the credit, so every attempt it applied to has one).
 */
async function acceptedAnswers(db: Db, orgId: string, attemptId: string) {
  const rows = await db
    .select({ questionId: regrades.questionId, answer: regrades.acceptedAnswer })
    .from(regrades)
    .innerJoin(regradeChanges, eq(regradeChanges.regradeId, regrades.id))
    .where(and(eq(regrades.orgId, orgId), eq(regrades.kind, 'accept_answer'), eq(regradeChanges.attemptId, attemptId)));
  const byQuestion = new Map<string, Answer[]>();
  for (const row of rows) {
    if (row.answer) byQuestion.set(row.questionId, [...(byQuestion.get(row.questionId) ?? []), row.answer]);
  }
  return byQuestion;
}

/** Every finished attempt of the organization that showed the question, with its items as scored now. */
export async function regradeScope(db: Db, orgId: string, questionId: string): Promise<ScopedAttempt[]> {
  const rows = await attemptsShowing(db, orgId, questionId);
  return Promise.all(
    rows.map(async (row) => {
      const [items, saved, accepted] = await Promise.all([
        attemptItemsWithContent(db, row.attemptId),
        responsesOf(db, row.attemptId),
        acceptedAnswers(db, orgId, row.attemptId),
      ]);
      return {
        ...row,
        items: items.map((item) =>
          scoredItemOf(item, saved.get(item.questionId)?.answer ?? null, accepted.get(item.questionId)),
        ),
      };
    }),
  );
}

/**
 * Writes a regrade in one batch: the regrade, the item marks (full credit, dropped) or new
 * credits (an accepted answer), each rescored attempt, a change row and an `attempt.regraded`
 * event for each attempt whose score or pass moved, and for a private question its history entry.
 * The caller plans from what is stored just before (the route plans again on apply, never from
 * the dry run it showed); two regrades applied at the same instant are not serialized here.
 */
export async function applyRegrade(
  db: Db,
  input: {
    orgId: string;
    questionId: string;
    questionVersion: number | null;
    privateQuestion: boolean;
    change: RegradeChange;
    note: string;
    actorId: string;
    now: number;
    outcomes: readonly (RegradeOutcome & { invitationId: string | null })[];
    origin: string | null;
  },
): Promise<string> {
  const id = newId();
  const { change, now } = input;
  const moved = input.outcomes.filter((o) => o.resultChanged);
  // An accepted answer lives on in its change rows (later rescoring reads it from there), so each
  // attempt whose credit it changed gets one, even in the unlikely case its percent did not move.
  const recorded = change.kind === 'accept_answer' ? input.outcomes : moved;
  const statements = [
    db.insert(regrades).values({
      id,
      orgId: input.orgId,
      questionId: input.questionId,
      kind: change.kind,
      acceptedAnswer: change.kind === 'accept_answer' ? change.answer : null,
      note: input.note,
      actorId: input.actorId,
      at: now,
    }),
    // Events first: their guard reads each attempt before its update, like the finish's.
    ...moved.flatMap((o) =>
      o.invitationId
        ? [
            queueInvitationEvent(db, {
              type: 'attempt.regraded',
              at: now,
              invitationId: o.invitationId,
              data: {
                attempt_id: o.attemptId,
                regrade_id: id,
                question_id: input.questionId,
                kind: change.kind,
                before: { percent: o.before.percent, passed: o.before.passed },
                after: { percent: o.after.percent, passed: o.after.passed },
                report_url: input.origin ? `${input.origin}/app/attempts/${o.attemptId}` : null,
              },
            }),
          ]
        : [],
    ),
    ...input.outcomes.flatMap((o) => [
      o.scoring
        ? db
            .update(attemptItems)
            .set({ scoring: o.scoring })
            .where(and(eq(attemptItems.attemptId, o.attemptId), eq(attemptItems.questionId, input.questionId)))
        : db
            .update(responses)
            .set({ score: o.creditAfter })
            .where(and(eq(responses.attemptId, o.attemptId), eq(responses.questionId, input.questionId))),
      db
        .update(attempts)
        .set({ scorePercent: o.after.percent, passed: o.after.passed, result: o.after })
        .where(and(eq(attempts.id, o.attemptId), eq(attempts.orgId, input.orgId))),
    ]),
    ...recorded.map((o) =>
      db.insert(regradeChanges).values({
        regradeId: id,
        attemptId: o.attemptId,
        beforePercent: o.before.percent,
        afterPercent: o.after.percent,
        beforePassed: o.before.passed,
        afterPassed: o.after.passed,
      }),
    ),
    ...(input.privateQuestion
      ? [
          db.insert(questionEvents).values({
            orgId: input.orgId,
            questionId: input.questionId,
            version: input.questionVersion,
            actorId: input.actorId,
            action: 'regraded',
            body: JSON.stringify({
              regrade_id: id,
              kind: change.kind,
              note: input.note,
              attempts: input.outcomes.length,
              changed: moved.length,
            }),
            at: now,
          }),
        ]
      : []),
  ];
  await db.batch(statements as unknown as Parameters<Db['batch']>[0]);
  return id;
}

/** The question as the regrade pages need it: visible to the organization (public, or its own), else null. */
export async function regradeQuestion(db: Db, orgId: string, questionId: string) {
  const [row] = await db
    .select({ id: questions.id, orgId: questions.orgId, currentVersion: questions.currentVersion })
    .from(questions)
    .where(eq(questions.id, questionId));
  if (!row || (row.orgId !== null && row.orgId !== orgId)) return null;
  return row;
}

/** One regrade as a report or the queue lists it. */
export interface RegradeEntry extends AttemptRegradeRecord {
  regradeId: string;
  kind: RegradeKind;
  acceptedAnswer: Answer | null;
}

/** The regrades that moved this attempt's score, oldest first. */
export async function regradesOfAttempt(db: Db, orgId: string, attemptId: string): Promise<RegradeEntry[]> {
  return (await db
    .select({
      regradeId: regrades.id,
      questionId: regrades.questionId,
      kind: regrades.kind,
      acceptedAnswer: regrades.acceptedAnswer,
      note: regrades.note,
      actorName: users.name,
      at: regrades.at,
      beforePercent: regradeChanges.beforePercent,
      afterPercent: regradeChanges.afterPercent,
      beforePassed: regradeChanges.beforePassed,
      afterPassed: regradeChanges.afterPassed,
    })
    .from(regradeChanges)
    .innerJoin(regrades, eq(regrades.id, regradeChanges.regradeId))
    .innerJoin(users, eq(users.id, regrades.actorId))
    .where(and(eq(regradeChanges.attemptId, attemptId), eq(regrades.orgId, orgId)))
    .orderBy(asc(regrades.at))) as RegradeEntry[];
}

/** The organization's regrades of a question, newest first, with how many attempts each moved. */
export async function regradesOfQuestion(db: Db, orgId: string, questionId: string) {
  return db
    .select({
      id: regrades.id,
      kind: regrades.kind,
      acceptedAnswer: regrades.acceptedAnswer,
      note: regrades.note,
      actorName: users.name,
      at: regrades.at,
      moved: sql<number>`(select count(*) from ${regradeChanges} where ${regradeChanges.regradeId} = ${regrades.id})`,
    })
    .from(regrades)
    .innerJoin(users, eq(users.id, regrades.actorId))
    .where(and(eq(regrades.orgId, orgId), eq(regrades.questionId, questionId)))
    .orderBy(desc(regrades.at));
}
