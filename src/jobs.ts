import { longestWindowMs } from './auth/throttle';
import { getAssessment } from './db/assessments';
import { attemptsDueBefore, getAttempt } from './db/attempts';
import { deleteExpiredIdempotencyKeys } from './db/idempotency';
import { recordExpiredInvitations } from './db/invitation-expiry';
import { deleteEndedThrottles } from './db/throttle';
import { pruneWebhookHistory } from './db/webhook-outbox';
import type { AppDeps } from './deps';
import { isDueForFinalization } from './engine/attempt-state';
import { closedDeadlinesBefore } from './engine/timing';
import { calibrateWhenDue } from './practice/calibration';
import { finalizeByKind } from './practice/finalize';
import { deliverDueMessages } from './webhooks/deliver';

/** How long delivered and failed webhook messages stay in the delivery log. */
const webhookHistoryMs = 30 * 24 * 3600_000;

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
    // No request here: the report link of the attempt.completed event needs PUBLIC_URL.
    const passMark = assessment?.passMark ?? null;
    const outcome = await finalizeByKind(deps.db, attempt, now, passMark, deps.settings.publicUrl, deps.grade);
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
  const expired = await recordExpiredInvitations(deps.db, deps.clock());
  if (expired > 0) deps.log({ level: 'info', msg: 'invitations expired', expired });
  // After the jobs above, so the events they wrote go out in this run.
  const sent = await deliverDueMessages(deps);
  if (sent.delivered + sent.retry + sent.failed > 0) deps.log({ level: 'info', msg: 'webhook deliveries', ...sent });
  await pruneWebhookHistory(deps.db, deps.clock() - webhookHistoryMs);
  // Sign-in counters whose window ended hold nothing; without this, unknown emails would pile up.
  await deleteEndedThrottles(deps.db, deps.clock() - longestWindowMs);
  // Idempotency keys name their request for a day; after that they only take room.
  await deleteExpiredIdempotencyKeys(deps.db, deps.clock());
}
