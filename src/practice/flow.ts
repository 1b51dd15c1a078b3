/**
 * A practice session from start to end: who may start, the first question, and after each answer
 * either the next question or the end. Every write is guarded in SQL (see db/practice.ts), so a
 * double click, a retried post or two tabs never start two tests or append two questions.
 */
import { attemptItemsWithContent, getAttempt, responsesOf } from '../db/attempts';
import type { Db } from '../db/client';
import { newId } from '../db/ids';
import { activePool, type PoolItem } from '../db/pool';
import {
  appendPracticeItem,
  type Person,
  type PracticeAttemptRow,
  practiceAttemptsOf,
  questionsSeenBy,
  recentExposure,
  startedDeviceOf,
  startPracticeAttempt,
} from '../db/practice';
import { isDueForFinalization } from '../engine/attempt-state';
import { estimateEAP } from '../engine/irt';
import { finalizeByKind } from './finalize';
import {
  cooldownMs,
  exposureRates,
  exposureWindow,
  lengthOfAttempt,
  minPoolForPractice,
  nextStartAt,
  type TestLength,
  testLength,
  timeLimitSeconds,
} from './rules';
import { estimateAbility } from './score';
import { type Selection, selectNext } from './select';

/** Where a person stands with an area: what the practice landing page shows and POST acts on. */
export type PracticeStanding =
  | { kind: 'too-small'; poolSize: number }
  | { kind: 'running'; attemptId: string; poolSize: number; length: TestLength }
  | { kind: 'cooldown'; until: number; poolSize: number; length: TestLength; last: PracticeAttemptRow | null }
  | { kind: 'ready'; poolSize: number; length: TestLength; last: PracticeAttemptRow | null };

/**
 * The person's standing in an area at `now`. Attempts whose time ran out unnoticed are finalized
 * here first (once the save grace is over, the rule every finalization follows), so the cooldown
 * counts from their real end.
 */
export async function practiceStanding(
  db: Db,
  areaId: string,
  person: Person,
  when: { now: number; graceMs: number },
  pool?: PoolItem[],
): Promise<PracticeStanding> {
  const { now, graceMs } = when;
  const items = pool ?? (await activePool(db, [areaId]));
  const poolSize = items.length;
  if (poolSize < minPoolForPractice) return { kind: 'too-small', poolSize };
  const length = testLength(poolSize);
  let mine = await practiceAttemptsOf(db, areaId, person);
  const stale = mine.filter((a) => isDueForFinalization(a, now, graceMs));
  const running = mine.find((a) => a.state === 'in_progress' && !stale.includes(a));
  if (running) return { kind: 'running', attemptId: running.id, poolSize, length };
  if (stale.length > 0) {
    for (const a of stale) await finalizeByKind(db, { id: a.id, kind: 'practice' }, now, null);
    mine = await practiceAttemptsOf(db, areaId, person);
  }
  const last = mine.find((a) => a.state !== 'in_progress') ?? null;
  const until = nextStartAt(
    mine.map((a) => a.submittedAt ?? a.deadlineAt),
    now,
  );
  if (until > now) return { kind: 'cooldown', until, poolSize, length, last };
  return { kind: 'ready', poolSize, length, last };
}

export type StartOutcome =
  | { kind: 'started'; attemptId: string }
  | { kind: 'resumed'; attemptId: string }
  | Exclude<PracticeStanding, { kind: 'running' } | { kind: 'ready' }>;

/**
 * Starts a practice test of the area for `person`, or resumes the one running. The first question
 * is chosen like every other (topic balance, exposure, avoiding questions this person saw before),
 * at the prior ability: the middle of the scale.
 */
export async function startPractice(
  db: Db,
  input: { areaId: string; person: Person; now: number; graceMs: number; address: string | null },
): Promise<StartOutcome> {
  const { areaId, person, now } = input;
  const when = { now, graceMs: input.graceMs };
  const pool = await activePool(db, [areaId]);
  const standing = await practiceStanding(db, areaId, person, when, pool);
  if (standing.kind === 'running') return { kind: 'resumed', attemptId: standing.attemptId };
  if (standing.kind !== 'ready') return standing;

  const seed = newId();
  const selection = selectNext({
    pool,
    administered: [],
    estimate: estimateEAP([]),
    length: standing.length,
    seed,
    ...(await selectionInputs(db, areaId, person, null)),
  });
  if (selection.kind !== 'next') return { kind: 'too-small', poolSize: pool.length };
  const started = await startPracticeAttempt(db, {
    areaId,
    person,
    seed,
    startedAt: now,
    deadlineAt: now + timeLimitSeconds(standing.length.maxLength) * 1000,
    blockedAfter: now - cooldownMs,
    firstItem: newItem(selection),
    address: input.address,
  });
  if (started.created) return { kind: 'started', attemptId: started.attemptId };
  // Another request of this person won the race: resume what it started (or report the cooldown).
  const after = await practiceStanding(db, areaId, person, when, pool);
  if (after.kind === 'running') return { kind: 'resumed', attemptId: after.attemptId };
  if (after.kind === 'ready') throw new Error('practice start refused without a reason');
  return after;
}

/**
 * After the current (last) question got its answer: estimate the ability from every answer so
 * far, then end the test (stop rule, or nothing left to ask) or append the next question.
 * Idempotent: with the last question still unanswered, or the next already appended, it does
 * nothing; racing calls append one item (the position is the key) and finalize once.
 */
export async function advancePractice(db: Db, attemptId: string, now: number): Promise<'continue' | 'finished'> {
  const attempt = await getAttempt(db, attemptId);
  if (attempt?.kind !== 'practice' || !attempt.areaId) throw new Error(`no practice attempt ${attemptId}`);
  if (attempt.state !== 'in_progress') return 'finished';
  const [items, saved] = await Promise.all([attemptItemsWithContent(db, attemptId), responsesOf(db, attemptId)]);
  const last = items[items.length - 1];
  if (last && !saved.get(last.questionId)?.answer) return 'continue';

  const owner: Person = { userId: attempt.userId, deviceId: (await startedDeviceOf(db, attemptId)) ?? '' };
  const pool = await activePool(db, [attempt.areaId]);
  const selection = selectNext({
    pool,
    administered: items,
    estimate: estimateAbility(items, saved),
    length: lengthOfAttempt(attempt),
    seed: attempt.seed,
    ...(await selectionInputs(db, attempt.areaId, owner, attemptId)),
  });
  if (selection.kind === 'stop') {
    await finalizeByKind(db, attempt, now, null);
    return 'finished';
  }
  await appendPracticeItem(db, { attemptId, seed: attempt.seed, position: items.length, item: newItem(selection) });
  return 'continue';
}

/** Exposure rates of the area and the questions this person already saw (see rules.ts for the window). */
async function selectionInputs(db: Db, areaId: string, person: Person, exceptAttemptId: string | null) {
  const [exposure, avoid] = await Promise.all([
    recentExposure(db, areaId, exposureWindow),
    questionsSeenBy(db, areaId, person, exceptAttemptId),
  ]);
  return { exposure: exposureRates(exposure.shown, exposure.sessions), avoid };
}

function newItem(selection: Extract<Selection<PoolItem>, { kind: 'next' }>) {
  const { item } = selection;
  return {
    questionId: item.id,
    version: item.version,
    contentHash: item.contentHash,
    optionOrder: selection.optionOrder,
  };
}
