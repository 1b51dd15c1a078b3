/**
 * Greenhouse's test_status answer, from the rows the pipeline shows. Pure. Greenhouse's
 * Assessment Partner API: `partner_status` is "complete" once results are available (it stops
 * asking then), `partner_profile_url` is required when complete, `partner_score` is a number, and
 * `metadata` is a flat object of primitive values shown beside the score. Absent values are null.
 */
import type { AttemptResultSummary } from '../manage/attempt-result';
import type { CandidateRow, CandidateStatus } from '../manage/candidates';
import { integrityWords } from '../manage/candidates';

/** Our statuses in Greenhouse's words; only "complete" has a meaning Greenhouse acts on. */
export const greenhouseStatuses: Record<CandidateStatus, string> = {
  invited: 'invited',
  opened: 'opened',
  started: 'in_progress',
  completed: 'complete',
  expired: 'expired',
  revoked: 'withdrawn',
};

export interface TestStatus {
  partner_status: string;
  partner_profile_url: string | null;
  partner_score: number | null;
  metadata: Record<string, string | number | boolean> | null;
}

/** A time as Greenhouse shows it to a recruiter: unambiguous, in UTC. */
export function greenhouseTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const withMargin = (percent: number, se: number | null) =>
  se === null ? `${Math.round(percent)}%` : `${Math.round(percent)}% ± ${Math.round(se)}`;

export function testStatus(
  row: CandidateRow,
  result: AttemptResultSummary | null,
  reportUrl: string | null,
): TestStatus {
  const status = greenhouseStatuses[row.status];
  if (!result || !reportUrl) {
    const metadata: Record<string, string> = { 'Invited At': greenhouseTime(row.invitedAt) };
    if (row.startedAt !== null) metadata['Started At'] = greenhouseTime(row.startedAt);
    else metadata['Link Expires At'] = greenhouseTime(row.expiresAt);
    return { partner_status: status, partner_profile_url: null, partner_score: null, metadata };
  }
  const metadata: Record<string, string | number | boolean> = {
    Score: withMargin(result.scorePercent, result.standardError),
  };
  if (result.passed !== null) metadata.Passed = result.passed ? 'Yes' : 'No';
  if (result.percentile !== null) metadata.Percentile = result.percentile;
  if (row.startedAt !== null) metadata['Started At'] = greenhouseTime(row.startedAt);
  if (row.completedAt !== null) metadata['Completed At'] = greenhouseTime(row.completedAt);
  if (row.timeUsedSeconds !== null)
    metadata['Time Used'] =
      `${Math.ceil(row.timeUsedSeconds / 60)} of ${Math.round(row.timeAllowedSeconds / 60)} minutes${row.timedOut ? ' (time ran out)' : ''}`;
  for (const area of result.byArea) metadata[area.title] = withMargin(area.scorePercent, area.standardError);
  const signals = integrityWords(row.integrity);
  metadata['Integrity Signals'] = signals.length > 0 ? signals.join('; ') : 'none recorded';
  return {
    partner_status: status,
    partner_profile_url: reportUrl,
    partner_score: result.scorePercent,
    metadata,
  };
}
