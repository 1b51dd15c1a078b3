import { longestWindowMs } from './auth/throttle';
import { getAssessment } from './db/assessments';
import { attemptsDueBefore, getAttempt } from './db/attempts';
import { deleteExpiredIdempotencyKeys } from './db/idempotency';
import { deleteEndedThrottles } from './db/throttle';
import type { AppDeps } from './deps';
import { isDueForFinalization } from './engine/attempt-state';
import { closedDeadlinesBefore } from './engine/timing';
import { calibrateWhenDue } from './practice/calibration';
import { finalizeByKind } from './practice/finalize';

/**
 * Finalizes attempts whose time ran out and nobody came back to: submitted_at is the deadline,
 * scored from the answers acknowledged in time. Waits out the grace so saves in flight land first.
 */
export async function sweepExpiredAttempts(deps: AppDeps, batchSize = 100): Promise<number> {
  const now = deps.clock();
  const graceMs = deps.settings.saveGraceMs;
  const due = await attemptsDueBefore(deps.db, closedDeadlinesBefore(now, graceMs), batchSize);
  let finalized = 0;
  for (const { id } of due) {
    const attempt = await getAttempt(deps.db, id);
    if (!attempt || !isDueForFinalization(attempt, now, graceMs)) continue;
    const assessment =
      attempt.assessmentId && attempt.orgId ? await getAssessment(deps.db, attempt.orgId, attempt.assessmentId) : null;
    const outcome = await finalizeByKind(deps.db, attempt, now, assessment?.passMark ?? null);
    if (outcome.changed) finalized++;
  }
  return finalized;
}

/** Periodic work, run by the Node timer and the Workers cron trigger alike. */
export async function runScheduledJobs(deps: AppDeps): Promise<void> {
  const finalized = await sweepExpiredAttempts(deps);
  if (finalized > 0) deps.log({ level: 'info', msg: 'sweep finalized expired attempts', finalized });
  const calibrated = await calibrateWhenDue(deps.db, deps.clock());
  if (calibrated) deps.log({ level: 'info', msg: 'practice items calibrated from data', calibrated });
  // Sign-in counters whose window ended hold nothing; without this, unknown emails would pile up.
  await deleteEndedThrottles(deps.db, deps.clock() - longestWindowMs);
  // Idempotency keys name their request for a day; after that they only take room.
  await deleteExpiredIdempotencyKeys(deps.db, deps.clock());
}
