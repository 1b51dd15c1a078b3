import { getAssessment } from './db/assessments';
import { attemptsDueBefore, finalizeAttempt, getAttempt } from './db/attempts';
import type { AppDeps } from './deps';

/**
 * Finalizes attempts whose time ran out and nobody came back to: submitted_at is the deadline,
 * scored from the answers acknowledged in time. Waits out the grace so saves in flight land first.
 */
export async function sweepExpiredAttempts(deps: AppDeps, batchSize = 100): Promise<number> {
  const now = deps.clock();
  const due = await attemptsDueBefore(deps.db, now - deps.settings.saveGraceMs, batchSize);
  let finalized = 0;
  for (const { id } of due) {
    const attempt = await getAttempt(deps.db, id);
    const assessment =
      attempt?.assessmentId && attempt.orgId ? await getAssessment(deps.db, attempt.orgId, attempt.assessmentId) : null;
    const outcome = await finalizeAttempt(deps.db, id, now, assessment?.passMark ?? null);
    if (outcome.changed) finalized++;
  }
  return finalized;
}

/** Periodic work, run by the Node timer and the Workers cron trigger alike. */
export async function runScheduledJobs(deps: AppDeps): Promise<void> {
  const finalized = await sweepExpiredAttempts(deps);
  if (finalized > 0) deps.log({ level: 'info', msg: 'sweep finalized expired attempts', finalized });
}
