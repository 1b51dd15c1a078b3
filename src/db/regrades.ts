/**
 * Regrades: reading the organization's finished attempts that showed a question, as the scorer
 * sees them, and writing a regrade in one batch (the item marks or credits, every rescored
 * attempt, the regrade and its changes, the audit entry, the webhook events). Every query takes
 * the organization id: a public question is regraded only in the organization's own attempts.
 */
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Answer } from '../engine/question';
import type { AttemptRegradeRecord, RegradeChange, RegradeKind, RegradeOutcome } from '../engine/regrade';
import { type ScoredItem, scoredItemOf } from '../engine/scoring';
import { attemptItemsWithContent, responsesOf } from './attempts';
import type { Db } from './client';
import { newId } from './ids';
import { insertWhere } from './insert-where';
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
 * The organization's regrades that a regrade of this question must have seen: those of the
 * question itself and of every question shown beside it in one of the organization's attempts
 * (a regrade writes whole attempt scores, so a neighbour's regrade moves the same percent).
 * Regrades are never deleted, so the count only grows: a plan made at one count is current
 * exactly while the count has not moved.
 */
function regradesSeen(orgId: string, questionId: string): SQL {
  return sql`(select count(*) from ${regrades} r where r.org_id = ${orgId} and exists (
    select 1 from ${attempts} a
    join ${attemptItems} mine on mine.attempt_id = a.id and mine.question_id = ${questionId}
    join ${attemptItems} theirs on theirs.attempt_id = a.id and theirs.question_id = r.question_id
    where a.org_id = ${orgId}))`;
}

/** What a dry run was planned on: the count of regrades it has seen (see regradesSeen). Read before the scope. */
export async function regradeBasis(db: Db, orgId: string, questionId: string): Promise<number> {
  const [row] = await db.all<{ n: number }>(sql`select ${regradesSeen(orgId, questionId)} as n`);
  return Number(row?.n ?? 0);
}

/**
 * Writes a regrade in one batch: the regrade, the item marks (full credit, dropped) or new
 * credits (an accepted answer), each rescored attempt, a change row and an `attempt.regraded`
 * event for each attempt whose score or pass moved, and for a private question its history entry.
 * The batch is guarded by the plan's `basis`: the regrade row is written only while no regrade
 * the plan has not seen exists (regradeBasis), and every other statement only when that row was
 * written, so of two regrades planned from the same state the second writes nothing at all (it
 * would apply credits and percents computed without the first). The regrade's id, or null when
 * it was refused so.
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
    /** regradeBasis as read before the scope the outcomes were planned from. */
    basis: number;
  },
): Promise<string | null> {
  const id = newId();
  const { change, now } = input;
  // Every statement after the first holds only when the first wrote the regrade.
  const written = sql`exists (select 1 from ${regrades} where ${regrades.id} = ${id})`;
  const moved = input.outcomes.filter((o) => o.resultChanged);
  // An accepted answer lives on in its change rows (later rescoring reads it from there), so each
  // attempt whose credit it changed gets one, even in the unlikely case its percent did not move.
  const recorded = change.kind === 'accept_answer' ? input.outcomes : moved;
  const statements = [
    insertWhere(
      db,
      regrades,
      {
        id,
        orgId: input.orgId,
        questionId: input.questionId,
        kind: change.kind,
        acceptedAnswer: change.kind === 'accept_answer' ? change.answer : null,
        note: input.note,
        actorId: input.actorId,
        at: now,
      },
      sql`${regradesSeen(input.orgId, input.questionId)} = ${input.basis}`,
    ),
    // Events first: their guard reads each attempt before its update, like the finish's.
    ...moved.flatMap((o) =>
      o.invitationId
        ? [
            queueInvitationEvent(db, {
              type: 'attempt.regraded',
              at: now,
              invitationId: o.invitationId,
              when: written,
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
            .where(and(eq(attemptItems.attemptId, o.attemptId), eq(attemptItems.questionId, input.questionId), written))
        : db
            .update(responses)
            .set({ score: o.creditAfter })
            .where(and(eq(responses.attemptId, o.attemptId), eq(responses.questionId, input.questionId), written)),
      db
        .update(attempts)
        .set({ scorePercent: o.after.percent, passed: o.after.passed, result: o.after })
        .where(and(eq(attempts.id, o.attemptId), eq(attempts.orgId, input.orgId), written)),
    ]),
    ...recorded.map((o) =>
      insertWhere(
        db,
        regradeChanges,
        {
          regradeId: id,
          attemptId: o.attemptId,
          beforePercent: o.before.percent,
          afterPercent: o.after.percent,
          beforePassed: o.before.passed,
          afterPassed: o.after.passed,
        },
        written,
      ),
    ),
    ...(input.privateQuestion
      ? [
          insertWhere(
            db,
            questionEvents,
            {
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
            },
            written,
          ),
        ]
      : []),
  ];
  await db.batch(statements as unknown as Parameters<Db['batch']>[0]);
  const [row] = await db.select({ id: regrades.id }).from(regrades).where(eq(regrades.id, id));
  return row ? id : null;
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
