import type { AppDeps } from './deps';

/** Periodic work, run by the Node timer and the Workers cron trigger alike. */
export async function runScheduledJobs(deps: AppDeps): Promise<void> {
  deps.log({ level: 'info', msg: 'scheduled jobs', jobs: 0 });
}
