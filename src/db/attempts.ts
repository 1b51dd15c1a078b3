import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { AttemptEventType } from '../engine/attempt-events';
import { type AttemptState, finalize } from '../engine/attempt-state';
import type { Answer, AnswerKey, QuestionOption, QuestionType } from '../engine/question';
import { decideSave, type SaveDecision } from '../engine/save';
import { scoreAnswer, scoreAttempt, scoredItemOf } from '../engine/scoring';
import { contentOf } from '../engine/variant';
import type { Db } from './client';
import { countExposure } from './exposure';
import { newId } from './ids';
import { versionOfItem } from './item-version';
import { preparedPerDb } from './prepared';
import { completedScores } from './reports';
import {
  type AttemptResult,
  attemptEvents,
  attemptItems,
  attempts,
  invitations,
  questions,
  questionVersions,
  responses,
} from './schema';
import { variantValuesFor } from './variants';
import { completedEventData, isoTime, queueInvitationEvent, queuePartnerCallback } from './webhook-events';

export interface NewAttemptItem {
  questionId: string;
  version: number;
  contentHash: string;
  optionOrder: string[] | null;
}

export interface EventDetail {
  [key: string]: string | number | boolean | null;
}

const attemptById = preparedPerDb((db) =>
  db
    .select()
    .from(attempts)
    .where(eq(attempts.id, sql.placeholder('id')))
    .prepare(),
);

export async function getAttempt(db: Db, id: string) {
  const [row] = await attemptById(db).all({ id });
  return row ?? null;
}

const attemptByInvitation = preparedPerDb((db) =>
  db
    .select()
    .from(attempts)
    .where(eq(attempts.invitationId, sql.placeholder('invitationId')))
    .prepare(),
);

export async function attemptForInvitation(db: Db, invitationId: string) {
  const [row] = await attemptByInvitation(db).all({ invitationId });
  return row ?? null;
}

/** Thrown when the link a start came through was replaced (a resend) before the start was written. */
export class LinkReplaced extends Error {
  constructor() {
    super('the invitation link was replaced before the start was written');
  }
}

/**
 * Starts the one attempt of an invitation: attempt, frozen items, invitation status and the
 * start event in one batch. Concurrent starts race on the unique invitation_id; the loser's
 * batch rolls back whole and it returns the winner's attempt.
 *
 * `linkVersion`, the version of the link the candidate used, is checked inside the batch: the
 * attempt's seed is read as `(select seed where the invitation still has that version)`, null
 * otherwise, which the seed's NOT NULL refuses, rolling the whole batch back. The route's own
 * check comes several reads earlier, and a resend in between (on D1 or a remote database each
 * read is a round trip) would otherwise start an attempt on a retired link. A constraint, not a
 * foreign key: those are not enforced on every engine.
 */
export async function startInvitedAttempt(
  db: Db,
  input: {
    invitationId: string;
    orgId: string;
    assessmentId: string;
    seed: string;
    startedAt: number;
    deadlineAt: number;
    items: NewAttemptItem[];
    detail: EventDetail;
    linkVersion?: number;
  },
): Promise<{ attemptId: string; created: boolean }> {
  const id = newId();
  const variants = await variantValuesFor(db, input.seed, input.items);
  const seed =
    input.linkVersion === undefined
      ? input.seed
      : sql<string>`(select ${input.seed} from ${invitations} where ${invitations.id} = ${input.invitationId}
          and ${invitations.tokenVersion} = ${input.linkVersion})`;
  try {
    await db.batch([
      db.insert(attempts).values({
        id,
        kind: 'assessment',
        orgId: input.orgId,
        assessmentId: input.assessmentId,
        invitationId: input.invitationId,
        seed,
        startedAt: input.startedAt,
        deadlineAt: input.deadlineAt,
        createdAt: input.startedAt,
      }),
      insertItems(
        db,
        id,
        input.items.map((item, position) => [
          item.questionId,
          item.version,
          item.contentHash,
          item.optionOrder,
          variants[position] ?? null,
        ]),
      ),
      db.update(invitations).set({ status: 'started' }).where(eq(invitations.id, input.invitationId)),
      countExposure(
        db,
        input.orgId,
        input.items.map((item) => item.questionId),
      ),
      db.insert(attemptEvents).values({ attemptId: id, type: 'started', at: input.startedAt, detail: input.detail }),
      // A losing concurrent start rolls back whole, its event with it.
      queueInvitationEvent(db, {
        type: 'attempt.started',
        at: input.startedAt,
        invitationId: input.invitationId,
        data: { attempt_id: id, started_at: isoTime(input.startedAt), deadline_at: isoTime(input.deadlineAt) },
      }),
    ]);
    return { attemptId: id, created: true };
  } catch (error) {
    const existing = await attemptForInvitation(db, input.invitationId);
    if (existing) return { attemptId: existing.id, created: false };
    if (input.linkVersion !== undefined && (await linkVersionOf(db, input.invitationId)) !== input.linkVersion)
      throw new LinkReplaced();
    throw error;
  }
}

async function linkVersionOf(db: Db, invitationId: string): Promise<number | null> {
  const [row] = await db
    .select({ version: invitations.tokenVersion })
    .from(invitations)
    .where(eq(invitations.id, invitationId));
  return row?.version ?? null;
}

/**
 * A new attempt's items in one statement whatever their number: each row a JSON array
 * [question, version, content hash, option order, variant values], its index the position. The
 * SQL text never changes, so it is prepared once (Drizzle building 20 rows of 7 parameters was
 * most of a start's Drizzle time); the query builder's insert with a select, as raw SQL in a
 * batch crashes on D1. Columns in the table's order, scoring null.
 */
function insertItems(
  db: Db,
  attemptId: string,
  rows: [string, number, string, string[] | null, Record<string, unknown> | null][],
) {
  return db.insert(attemptItems).select(
    sql`select ${attemptId}, key, json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
      json_extract(value, '$[3]'), json_extract(value, '$[4]'), null from json_each(${JSON.stringify(rows)})`,
  );
}

/** An attempt's items in order, with the exact question version each one showed. */
export async function attemptItemsWithContent(db: Db, attemptId: string, position?: number) {
  const rows = await db
    .select({
      position: attemptItems.position,
      questionId: attemptItems.questionId,
      optionOrder: attemptItems.optionOrder,
      scoring: attemptItems.scoring,
      area: questions.areaId,
      topic: questions.topic,
      irtA: questions.irtA,
      irtB: questions.irtB,
      type: questionVersions.type,
      difficulty: questionVersions.difficulty,
      timeWeight: questionVersions.timeWeight,
      ref: questionVersions.ref,
      promptHtml: questionVersions.promptHtml,
      options: questionVersions.options,
      answerKey: questionVersions.answerKey,
      explanationHtml: questionVersions.explanationHtml,
      variant: attemptItems.variant,
      variantSpec: questionVersions.variant,
    })
    .from(attemptItems)
    .innerJoin(questions, eq(questions.id, attemptItems.questionId))
    .innerJoin(questionVersions, versionOfItem)
    .where(
      position === undefined
        ? eq(attemptItems.attemptId, attemptId)
        : and(eq(attemptItems.attemptId, attemptId), eq(attemptItems.position, position)),
    )
    .orderBy(asc(attemptItems.position));
  // A variant question shows, and is scored against, this attempt's instance.
  return rows.map(({ variantSpec, ...row }) => ({
    ...contentOf(row, variantSpec, row.variant),
    type: row.type as QuestionType,
  }));
}

export type AttemptItemContent = Awaited<ReturnType<typeof attemptItemsWithContent>>[number];

export interface StoredResponse {
  questionId: string;
  answer: Answer | null;
  seq: number;
  flagged: boolean;
  savedAt: number;
  timeSpentMs: number;
  score: number | null;
}

const responsesByAttempt = preparedPerDb((db) =>
  db
    .select({
      questionId: responses.questionId,
      answer: responses.answer,
      seq: responses.seq,
      flagged: responses.flagged,
      savedAt: responses.savedAt,
      timeSpentMs: responses.timeSpentMs,
      score: responses.score,
    })
    .from(responses)
    .where(eq(responses.attemptId, sql.placeholder('attemptId')))
    .prepare(),
);

export async function responsesOf(db: Db, attemptId: string): Promise<Map<string, StoredResponse>> {
  const rows = await responsesByAttempt(db).all({ attemptId });
  return new Map(rows.map((r) => [r.questionId, r]));
}

/** The sequence rule in SQL: an existing response is replaced only by a newer sequence; the time spent never shrinks. */
const newerSeqWins = {
  target: [responses.attemptId, responses.questionId],
  set: {
    answer: sql`excluded.answer`,
    seq: sql`excluded.seq`,
    flagged: sql`excluded.flagged`,
    savedAt: sql`excluded.saved_at`,
    timeSpentMs: sql`max(${responses.timeSpentMs}, excluded.time_spent_ms)`,
  },
  setWhere: sql`excluded.seq > ${responses.seq}`,
};

/**
 * Saves one response under the sequence rule, atomically: the row is written only while the
 * attempt is in progress and only when the sequence is newer than the stored one, so a retry or
 * a reordered save can never overwrite newer work, whatever interleaves with it.
 * `lastPosition` (adaptive practice, which moves forward only): the save is also refused, as
 * stale, once the attempt holds an item after that position, i.e. once the test moved on.
 */
export async function saveResponse(
  db: Db,
  input: {
    attemptId: string;
    questionId: string;
    seq: number;
    answer: Answer | null;
    flagged: boolean;
    timeSpentMs: number;
    now: number;
    lastPosition?: number;
  },
): Promise<SaveDecision | { kind: 'closed' }> {
  const answer = input.answer === null ? null : JSON.stringify(input.answer);
  const movedOn =
    input.lastPosition === undefined
      ? sql``
      : sql`and not exists (select 1 from attempt_items where attempt_id = ${input.attemptId} and position > ${input.lastPosition})`;
  // Every column of responses in order (score and grading come later, from grading).
  const written = await db
    .insert(responses)
    .select(sql`
      select ${input.attemptId}, ${input.questionId}, ${answer}, ${input.seq}, ${input.flagged ? 1 : 0}, ${input.now}, ${input.timeSpentMs}, null, null
      where exists (select 1 from attempts where id = ${input.attemptId} and state = 'in_progress') ${movedOn}`)
    .onConflictDoUpdate(newerSeqWins)
    .returning({ seq: responses.seq });
  if (written.length > 0) return { kind: 'apply' };
  const attempt = await getAttempt(db, input.attemptId);
  if (attempt?.state !== 'in_progress') return { kind: 'closed' };
  if (input.lastPosition !== undefined) {
    const positions = await attemptItemIds(db, input.attemptId);
    if (positions.some((p) => p.position > (input.lastPosition ?? 0))) return { kind: 'stale' };
  }
  const stored = (await responsesOf(db, input.attemptId)).get(input.questionId) ?? null;
  return decideSave(stored, { seq: input.seq, answer: input.answer });
}

/**
 * The save in one statement, for the common case: the response is written only if the attempt
 * is an assessment attempt in progress whose save window is open (deadline plus grace, the rule
 * of saveWindow), the question is the attempt's item, and the sequence is newer than the stored
 * one. The time spent is clamped to the attempt's age in the same statement. True when written;
 * false says nothing about why (late, finished, practice, duplicate, stale): the caller then
 * takes the full path, which reads what it needs to answer exactly.
 */
export async function saveResponseIfOpen(
  db: Db,
  input: {
    attemptId: string;
    questionId: string;
    seq: number;
    answer: Answer | null;
    flagged: boolean;
    elapsedMs: number;
    now: number;
    graceMs: number;
  },
): Promise<boolean> {
  const written = await saveIfOpen(db).all({
    attemptId: input.attemptId,
    questionId: input.questionId,
    answer: input.answer === null ? null : JSON.stringify(input.answer),
    seq: input.seq,
    flagged: input.flagged ? 1 : 0,
    now: input.now,
    elapsedMs: input.elapsedMs,
    graceMs: input.graceMs,
  });
  return written.length > 0;
}

// Prepared: the save is the hottest statement, and building its SQL was a tenth of a save's CPU (profile.ts save).
const saveIfOpen = preparedPerDb((db) => {
  const at = (name: string) => sql.placeholder(name);
  return db
    .insert(responses)
    .select(sql`
      select a.id, i.question_id, ${at('answer')}, ${at('seq')}, ${at('flagged')}, ${at('now')},
        max(0, min(${at('elapsedMs')}, ${at('now')} - a.started_at)), null, null
      from attempts a join attempt_items i on i.attempt_id = a.id and i.question_id = ${at('questionId')}
      where a.id = ${at('attemptId')} and a.state = 'in_progress' and a.kind = 'assessment'
        and ${at('now')} <= a.deadline_at + ${at('graceMs')}`)
    .onConflictDoUpdate(newerSeqWins)
    .returning({ seq: responses.seq })
    .prepare();
});

export async function recordEvent(db: Db, attemptId: string, type: AttemptEventType, at: number, detail?: EventDetail) {
  await db.insert(attemptEvents).values({ attemptId, type, at, detail: detail ?? null });
}

/** Whether any event of the attempt recorded this client address (started, resumed, new address...). */
export async function addressSeen(db: Db, attemptId: string, address: string): Promise<boolean> {
  const rows = await db
    .select({ id: attemptEvents.id })
    .from(attemptEvents)
    .where(
      and(eq(attemptEvents.attemptId, attemptId), sql`json_extract(${attemptEvents.detail}, '$.address') = ${address}`),
    )
    .limit(1);
  return rows.length > 0;
}

export async function eventsOf(db: Db, attemptId: string) {
  return db.select().from(attemptEvents).where(eq(attemptEvents.attemptId, attemptId)).orderBy(asc(attemptEvents.at));
}

export interface ScoringItem {
  questionId: string;
  area: string;
  topic: string;
  answerKey: AnswerKey;
  timeWeight: number;
}

/** What a practice attempt stores when it ends, computed from its items and saved responses. */
export interface PracticeOutcome {
  theta: number;
  thetaSe: number;
  scaleScore: number;
  percentile: number | null;
  result: AttemptResult;
}

/** Supplied by the practice flow (src/practice/finalize.ts), so this file stays free of IRT rules. */
export type PracticeScoring = (
  items: AttemptItemContent[],
  saved: Map<string, StoredResponse>,
  attempt: { id: string; areaId: string | null },
) => Promise<PracticeOutcome>;

/**
 * Ends an attempt (the candidate's finish, a later access, the sweep) and scores it on the server
 * from the acknowledged responses. Idempotent: an attempt already final is returned unchanged;
 * when two finishes race, the guarded update lets exactly one of them write. A practice attempt
 * passes `practice`, whose ability estimate, scale score and percentile land in the same update.
 * An invited attempt's attempt.completed event (and Greenhouse's callback, when it sent the test)
 * is written by the same batch; `origin` is where its report link points (none when unknown).
 */
export async function finalizeAttempt(
  db: Db,
  attemptId: string,
  now: number,
  passMark: number | null,
  options: { practice?: PracticeScoring; origin?: string | null } = {},
): Promise<{ changed: boolean; state: AttemptState }> {
  const { practice } = options;
  const attempt = await getAttempt(db, attemptId);
  if (!attempt) throw new Error(`no attempt ${attemptId}`);
  const decision = finalize(attempt, now);
  if (!decision.changed) return { changed: false, state: attempt.state };

  const items = await attemptItemsWithContent(db, attemptId);
  const saved = await responsesOf(db, attemptId);
  const score = scoreAttempt(
    items.map((item) => scoredItemOf(item, saved.get(item.questionId)?.answer ?? null)),
    passMark,
  );
  const outcome = practice ? await practice(items, saved, attempt) : null;
  const result: AttemptResult = outcome?.result ?? score;
  const finalUpdate = db
    .update(attempts)
    .set({
      state: decision.state,
      submittedAt: decision.submittedAt,
      scorePercent: result.percent,
      passed: result.passed,
      result,
      ...(outcome
        ? {
            theta: outcome.theta,
            thetaSe: outcome.thetaSe,
            scaleScore: outcome.scaleScore,
            percentile: outcome.percentile,
          }
        : {}),
    })
    .where(and(eq(attempts.id, attemptId), eq(attempts.state, 'in_progress')))
    .returning({ id: attempts.id });
  const stillInProgress = sql`exists (select 1 from attempts where id = ${attemptId} and state = 'in_progress')`;
  const completion = attempt.invitationId
    ? [
        // Before the update, under its guard: only the finish that writes also reports.
        queueInvitationEvent(db, {
          type: 'attempt.completed',
          at: decision.submittedAt,
          invitationId: attempt.invitationId,
          data: completedEventData({
            attemptId,
            submittedAt: decision.submittedAt,
            endedByTime: decision.state === 'expired',
            result,
            passMark,
            itemCount: items.length,
            // Other finished attempts: this one is still in progress, so it is not among them.
            others:
              attempt.orgId && attempt.assessmentId
                ? ((await completedScores(db, attempt.orgId, [attempt.assessmentId])).get(attempt.assessmentId) ?? [])
                : [],
            origin: options.origin ?? null,
          }),
          when: stillInProgress,
        }),
        queuePartnerCallback(db, {
          invitationId: attempt.invitationId,
          at: decision.submittedAt,
          when: stillInProgress,
        }),
      ]
    : [];
  const statements = [
    ...completion,
    finalUpdate,
    ...items
      .filter((item) => saved.has(item.questionId))
      .map((item) =>
        db
          .update(responses)
          .set({ score: scoreAnswer(item.answerKey, saved.get(item.questionId)?.answer ?? null) })
          .where(and(eq(responses.attemptId, attemptId), eq(responses.questionId, item.questionId))),
      ),
    ...(attempt.invitationId
      ? [db.update(invitations).set({ status: 'completed' }).where(eq(invitations.id, attempt.invitationId))]
      : []),
    db
      .insert(attemptEvents)
      .values({
        attemptId,
        type: decision.state === 'expired' ? 'expired' : 'finished',
        at: decision.submittedAt,
      })
      .onConflictDoNothing(),
  ];
  const results = await db.batch(statements as unknown as Parameters<Db['batch']>[0]);
  const updated = results[completion.length] as { id: string }[];
  if (updated.length === 0) {
    const after = await getAttempt(db, attemptId);
    return { changed: false, state: after?.state ?? attempt.state };
  }
  return { changed: true, state: decision.state };
}

/** In-progress attempts with a deadline before `cutoff` (closedDeadlinesBefore: their save window closed). */
export async function attemptsDueBefore(db: Db, cutoff: number, limit = 100) {
  return db
    .select({ id: attempts.id, assessmentId: attempts.assessmentId, kind: attempts.kind })
    .from(attempts)
    .where(and(eq(attempts.state, 'in_progress'), lt(attempts.deadlineAt, cutoff)))
    .orderBy(asc(attempts.deadlineAt))
    .limit(limit);
}

export type { QuestionOption };

/** What reading an answer form needs of an item: its question, option order, type and options. */
export const formItemColumns = {
  questionId: attemptItems.questionId,
  optionOrder: attemptItems.optionOrder,
  type: questionVersions.type,
  options: questionVersions.options,
};

/** One item of an attempt with what the save path needs (type and option ids), or null. */
export async function attemptItemAt(db: Db, attemptId: string, position: number) {
  const [row] = await db
    .select(formItemColumns)
    .from(attemptItems)
    .innerJoin(questionVersions, versionOfItem)
    .where(and(eq(attemptItems.attemptId, attemptId), eq(attemptItems.position, position)));
  return row ? { ...row, type: row.type as QuestionType } : null;
}

/** The positions and question ids of an attempt, without content: enough for the navigator. */
const itemIdsByAttempt = preparedPerDb((db) =>
  db
    .select({ position: attemptItems.position, questionId: attemptItems.questionId })
    .from(attemptItems)
    .where(eq(attemptItems.attemptId, sql.placeholder('attemptId')))
    .orderBy(asc(attemptItems.position))
    .prepare(),
);

export async function attemptItemIds(db: Db, attemptId: string) {
  return itemIdsByAttempt(db).all({ attemptId });
}
