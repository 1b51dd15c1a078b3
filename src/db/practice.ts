/**
 * Every query of self-benchmarking: practice attempts and their items, who took what, exposure,
 * the population a percentile compares with, share links, history and claims.
 *
 * A person is an account (attempts.user_id) or, before they sign in, a browser: the device id
 * recorded in the attempt's 'started' event. An attempt claimed by an account belongs to that
 * account only; an unclaimed one belongs to the browser that started it.
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { NewAttemptItem } from './attempts';
import type { Db } from './client';
import { newId } from './ids';
import { insertWhere } from './insert-where';
import { attemptEvents, attemptItems, attempts, itemStats, questions, resultShares, skillAreas } from './schema';
import { variantValuesFor } from './variants';

export interface Person {
  userId: string | null;
  deviceId: string;
}

/** SQL true when the attempt aliased `a` belongs to `person` (see the header). */
function ownedBy(person: Person) {
  return sql`(a.user_id = ${person.userId} or (a.user_id is null and exists (
    select 1 from attempt_events e
    where e.attempt_id = a.id and e.type = 'started' and json_extract(e.detail, '$.device') = ${person.deviceId})))`;
}

export interface PracticeAttemptRow {
  id: string;
  state: 'in_progress' | 'submitted' | 'expired';
  startedAt: number;
  deadlineAt: number;
  submittedAt: number | null;
  userId: string | null;
}

/** The person's practice attempts of one area, newest first. */
export async function practiceAttemptsOf(db: Db, areaId: string, person: Person): Promise<PracticeAttemptRow[]> {
  return db.all<PracticeAttemptRow>(sql`
    select a.id, a.state, a.started_at as startedAt, a.deadline_at as deadlineAt,
           a.submitted_at as submittedAt, a.user_id as userId
    from attempts a
    where a.kind = 'practice' and a.area_id = ${areaId} and ${ownedBy(person)}
    order by a.started_at desc`);
}

/**
 * Starts a practice attempt with its first item, atomically, unless the person already has one
 * of this area running or finished after `blockedAfter` (the cooldown). The guard sits in the
 * insert itself, so a double click or two tabs cannot start two attempts. Returns whether it started.
 */
export async function startPracticeAttempt(
  db: Db,
  input: {
    areaId: string;
    person: Person;
    seed: string;
    startedAt: number;
    deadlineAt: number;
    blockedAfter: number;
    firstItem: NewAttemptItem;
    address: string | null;
  },
): Promise<{ attemptId: string; created: boolean }> {
  const id = newId();
  const { areaId, person, startedAt: now, firstItem: item } = input;
  const [variant = null] = await variantValuesFor(db, input.seed, [item]);
  const created = sql`exists (select 1 from attempts where id = ${id})`;
  await db.batch([
    insertWhere(
      db,
      attempts,
      {
        id,
        kind: 'practice',
        areaId,
        userId: person.userId,
        seed: input.seed,
        state: 'in_progress',
        startedAt: now,
        deadlineAt: input.deadlineAt,
        createdAt: now,
      },
      sql`not exists (
        select 1 from attempts a
        where a.kind = 'practice' and a.area_id = ${areaId} and ${ownedBy(person)}
          and ((a.state = 'in_progress' and a.deadline_at > ${now})
               or coalesce(a.submitted_at, a.deadline_at) > ${input.blockedAfter}))`,
    ),
    insertWhere(
      db,
      attemptItems,
      {
        attemptId: id,
        position: 0,
        questionId: item.questionId,
        questionVersion: item.version,
        contentHash: item.contentHash,
        optionOrder: item.optionOrder,
        variant,
      },
      created,
    ),
    insertWhere(
      db,
      attemptEvents,
      { attemptId: id, type: 'started', at: now, detail: { device: person.deviceId, address: input.address } },
      created,
    ),
  ]);
  const [row] = await db.select({ id: attempts.id }).from(attempts).where(eq(attempts.id, id));
  return { attemptId: id, created: row !== undefined };
}

/**
 * Appends the item at `position`, only while the attempt is in progress and `position` is the
 * next free one. Two requests racing to append the same position leave exactly one item (the
 * primary key decides); returns whether this call wrote it.
 */
export async function appendPracticeItem(
  db: Db,
  input: { attemptId: string; seed: string; position: number; item: NewAttemptItem },
): Promise<boolean> {
  const { attemptId, position, item } = input;
  const [variant = null] = await variantValuesFor(db, input.seed, [item]);
  const written = await db.all<{ position: number }>(sql`
    insert into attempt_items (attempt_id, position, question_id, question_version, content_hash, option_order, variant)
    select ${attemptId}, ${position}, ${item.questionId}, ${item.version}, ${item.contentHash}, ${jsonOrNull(item.optionOrder)}, ${jsonOrNull(variant)}
    where exists (select 1 from attempts where id = ${attemptId} and state = 'in_progress')
      and not exists (select 1 from attempt_items where attempt_id = ${attemptId} and position >= ${position})
    on conflict do nothing
    returning position`);
  return written.length > 0;
}

function jsonOrNull(value: object | null): string | null {
  return value === null ? null : JSON.stringify(value);
}

/** Questions of the area this person was shown in their other practice attempts. */
export async function questionsSeenBy(
  db: Db,
  areaId: string,
  person: Person,
  exceptAttemptId: string | null,
): Promise<Set<string>> {
  const rows = await db.all<{ questionId: string }>(sql`
    select distinct i.question_id as questionId
    from attempt_items i join attempts a on a.id = i.attempt_id
    where a.kind = 'practice' and a.area_id = ${areaId} and a.id <> ${exceptAttemptId ?? ''} and ${ownedBy(person)}`);
  return new Set(rows.map((r) => r.questionId));
}

/** How often each question was shown in the area's `window` most recent practice sessions. */
export async function recentExposure(
  db: Db,
  areaId: string,
  window: number,
): Promise<{ sessions: number; shown: Map<string, number> }> {
  const recent = sql`select id from attempts
    where kind = 'practice' and area_id = ${areaId} order by started_at desc limit ${window}`;
  const [counts, total] = await Promise.all([
    db.all<{ questionId: string; shown: number }>(sql`
      select question_id as questionId, count(*) as shown from attempt_items
      where attempt_id in (${recent}) group by question_id`),
    db.all<{ sessions: number }>(sql`select count(*) as sessions from (${recent})`),
  ]);
  return { sessions: total[0]?.sessions ?? 0, shown: new Map(counts.map((r) => [r.questionId, r.shown])) };
}

/**
 * The scale scores a percentile compares with: every other practice result of the area that the
 * test ended by its own rule (state submitted). Results cut short by the clock are left out, so a
 * test abandoned after two questions does not count as a person at 200.
 */
export async function areaPopulation(db: Db, areaId: string, exceptAttemptId: string): Promise<number[]> {
  const rows = await db.all<{ score: number }>(sql`
    select scale_score as score from attempts
    where kind = 'practice' and area_id = ${areaId} and state = 'submitted'
      and scale_score is not null and id <> ${exceptAttemptId}`);
  return rows.map((r) => r.score);
}

// ---------------------------------------------------------------- share links

export async function createShare(db: Db, attemptId: string, now: number): Promise<{ id: string; createdAt: number }> {
  const id = newId();
  await db.insert(resultShares).values({ id, attemptId, createdAt: now });
  return { id, createdAt: now };
}

/** The newest share link of an attempt that is not revoked, or null. */
export async function activeShareOf(db: Db, attemptId: string) {
  const [row] = await db
    .select()
    .from(resultShares)
    .where(and(eq(resultShares.attemptId, attemptId), isNull(resultShares.revokedAt)))
    .orderBy(desc(resultShares.createdAt))
    .limit(1);
  return row ?? null;
}

/** Revokes one share link of this attempt (scoped: another attempt's share id changes nothing). */
export async function revokeShare(db: Db, attemptId: string, shareId: string, now: number): Promise<boolean> {
  const rows = await db
    .update(resultShares)
    .set({ revokedAt: now })
    .where(and(eq(resultShares.id, shareId), eq(resultShares.attemptId, attemptId), isNull(resultShares.revokedAt)))
    .returning({ id: resultShares.id });
  return rows.length > 0;
}

/** A share link with what its public page shows; null when there is no such share. */
export async function sharedResult(db: Db, shareId: string) {
  const [row] = await db
    .select({
      shareId: resultShares.id,
      revokedAt: resultShares.revokedAt,
      attemptId: attempts.id,
      areaId: attempts.areaId,
      areaTitle: skillAreas.title,
      state: attempts.state,
      submittedAt: attempts.submittedAt,
      scaleScore: attempts.scaleScore,
      thetaSe: attempts.thetaSe,
      result: attempts.result,
    })
    .from(resultShares)
    .innerJoin(attempts, eq(attempts.id, resultShares.attemptId))
    .innerJoin(skillAreas, eq(skillAreas.id, attempts.areaId))
    .where(and(eq(resultShares.id, shareId), eq(attempts.kind, 'practice')));
  return row ?? null;
}

// ---------------------------------------------------------------- history and claims

export interface HistoryRow {
  attemptId: string;
  areaId: string;
  areaTitle: string;
  state: 'submitted' | 'expired';
  startedAt: number;
  submittedAt: number;
  scaleScore: number;
  thetaSe: number;
  /** Questions answered. */
  items: number;
}

/**
 * Finished practice results, oldest first: an account's (`userId`), or the unclaimed ones this
 * browser started (`deviceId`).
 */
export async function practiceHistory(db: Db, owner: { userId: string } | { deviceId: string }): Promise<HistoryRow[]> {
  const whose =
    'userId' in owner ? sql`a.user_id = ${owner.userId}` : ownedBy({ userId: null, deviceId: owner.deviceId });
  return db.all<HistoryRow>(sql`
    select a.id as attemptId, a.area_id as areaId, s.title as areaTitle, a.state,
           a.started_at as startedAt, a.submitted_at as submittedAt,
           a.scale_score as scaleScore, a.theta_se as thetaSe,
           (select count(*) from responses r where r.attempt_id = a.id and r.answer is not null) as items
    from attempts a join skill_areas s on s.id = a.area_id
    where a.kind = 'practice' and a.state in ('submitted', 'expired')
      and a.scale_score is not null and a.theta_se is not null and ${whose}
    order by a.submitted_at asc`);
}

/**
 * Puts an unclaimed practice attempt into an account's history. Returns 'claimed', 'already'
 * (it is this account's) or 'refused' (another account's, or no such practice attempt).
 */
export async function claimAttempt(
  db: Db,
  attemptId: string,
  userId: string,
): Promise<'claimed' | 'already' | 'refused'> {
  const rows = await db
    .update(attempts)
    .set({ userId })
    .where(and(eq(attempts.id, attemptId), eq(attempts.kind, 'practice'), isNull(attempts.userId)))
    .returning({ id: attempts.id });
  if (rows.length > 0) return 'claimed';
  const [row] = await db.select({ userId: attempts.userId }).from(attempts).where(eq(attempts.id, attemptId));
  return row?.userId === userId ? 'already' : 'refused';
}

/** Claims every unclaimed practice attempt this browser started; returns how many. */
export async function claimDeviceAttempts(db: Db, deviceId: string, userId: string): Promise<number> {
  const rows = await db.all<{ id: string }>(sql`
    update attempts set user_id = ${userId}
    where id in (select a.id from attempts a where a.kind = 'practice' and ${ownedBy({ userId: null, deviceId })})
    returning id`);
  return rows.length;
}

/** The device that started an attempt (from its 'started' event), or null. */
export async function startedDeviceOf(db: Db, attemptId: string): Promise<string | null> {
  const [row] = await db.all<{ device: string | null }>(sql`
    select json_extract(detail, '$.device') as device from attempt_events
    where attempt_id = ${attemptId} and type = 'started' limit 1`);
  return row?.device ?? null;
}

// ---------------------------------------------------------------- calibration

export interface CalibrationResponse {
  questionId: string;
  score: number;
  theta: number;
  timeMs: number;
}

/**
 * Every scored practice response to the current version of an active question, with the ability
 * the test estimated for its taker. A question edited since is a new item: older answers to it
 * say nothing about the new text.
 */
export async function calibrationResponses(db: Db): Promise<CalibrationResponse[]> {
  return db.all<CalibrationResponse>(sql`
    select r.question_id as questionId, r.score as score, a.theta as theta, r.time_spent_ms as timeMs
    from responses r
    join attempts a on a.id = r.attempt_id
    join attempt_items i on i.attempt_id = r.attempt_id and i.question_id = r.question_id
    join questions q on q.id = r.question_id and q.current_version = i.question_version and q.status = 'active'
    where a.kind = 'practice' and a.state in ('submitted', 'expired') and a.theta is not null
      and r.score is not null and r.answer is not null`);
}

/** Active questions with their authored difficulty and whether their parameters come from data. */
export async function calibrationTargets(db: Db) {
  return db.all<{ id: string; difficulty: number; irtA: number; irtB: number; calibratedAt: number | null }>(sql`
    select q.id as id, v.difficulty as difficulty, q.irt_a as irtA, q.irt_b as irtB, q.calibrated_at as calibratedAt
    from questions q
    join question_versions v on v.question_id = q.id and v.version = q.current_version
    where q.status = 'active'`);
}

/** How many practice sessions showed each question (any version). */
export async function practiceExposures(db: Db): Promise<Map<string, number>> {
  const rows = await db.all<{ questionId: string; n: number }>(sql`
    select i.question_id as questionId, count(*) as n
    from attempt_items i join attempts a on a.id = i.attempt_id
    where a.kind = 'practice' group by i.question_id`);
  return new Map(rows.map((r) => [r.questionId, r.n]));
}

/** When calibration last wrote item statistics, or null if never. */
export async function lastCalibrationAt(db: Db): Promise<number | null> {
  const [row] = await db.all<{ at: number | null }>(sql`select max(updated_at) as at from item_stats`);
  return row?.at ?? null;
}

export interface CalibrationWrite {
  params: { id: string; a: number; b: number; calibratedAt: number | null }[];
  stats: {
    questionId: string;
    n: number;
    pValue: number | null;
    pointBiserial: number | null;
    meanTimeMs: number | null;
    exposures: number;
  }[];
  now: number;
}

/** Writes new parameters and statistics in one batch: a reader never sees half a calibration. */
export async function saveCalibration(db: Db, write: CalibrationWrite): Promise<void> {
  const statements = [
    ...write.params.map((p) =>
      db.update(questions).set({ irtA: p.a, irtB: p.b, calibratedAt: p.calibratedAt }).where(eq(questions.id, p.id)),
    ),
    ...write.stats.map((s) => {
      const values = { ...s, updatedAt: write.now };
      return db.insert(itemStats).values(values).onConflictDoUpdate({ target: itemStats.questionId, set: values });
    }),
  ];
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}
