/**
 * The pipeline's rows, derived from stored records: the status a manager reads, time used, the
 * percentile, the score's margin of error and integrity counts. Pure, so the table, the CSV
 * export and the comparison all show the same numbers.
 */
import type { CandidateRecord } from '../db/reports';
import type { AttemptEventType } from '../engine/attempt-events';
import type { Decision } from '../engine/decisions';
import { type InvitationStatus, invitationStatusAt, invitationStatuses } from '../engine/invitation-state';
import { percentileRank } from '../engine/scale';
import { median, percentStandardError } from './stats';

/** A candidate's status is their invitation's, read with their attempt (src/engine/invitation-state.ts). */
export const candidateStatuses = invitationStatuses;
export type CandidateStatus = InvitationStatus;

export const statusLabels: Record<CandidateStatus, string> = {
  invited: 'Invited',
  opened: 'Opened the link',
  started: 'Taking the test',
  completed: 'Completed',
  expired: 'Invitation expired',
  revoked: 'Invitation withdrawn',
};

/**
 * What happened so far, from the attempt when there is one (a finished attempt is completed
 * whatever the invitation says), else from the invitation and its expiry.
 */
export function candidateStatus(
  r: Pick<CandidateRecord, 'state' | 'invitationStatus' | 'expiresAt'>,
  now: number,
): CandidateStatus {
  return invitationStatusAt({ status: r.invitationStatus, expiresAt: r.expiresAt }, now, r.state);
}

export interface IntegrityCounts {
  focusLost: number;
  paste: number;
  /** A browser or a network address not seen before on this attempt. */
  newOrigin: number;
  lateSave: number;
  total: number;
}

export function integrityCounts(events: Partial<Record<AttemptEventType, number>>): IntegrityCounts {
  const focusLost = events.focus_lost ?? 0;
  const paste = events.paste ?? 0;
  const newOrigin = (events.new_device ?? 0) + (events.new_address ?? 0);
  const lateSave = events.late_save ?? 0;
  return { focusLost, paste, newOrigin, lateSave, total: focusLost + paste + newOrigin + lateSave };
}

/** The counts in plain words, empty parts left out: "left the test 3 times, pasted once". */
export function integrityWords(c: IntegrityCounts): string[] {
  const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);
  const words: string[] = [];
  if (c.focusLost) words.push(`left the test window ${times(c.focusLost)}`);
  if (c.paste) words.push(`pasted text ${times(c.paste)}`);
  if (c.newOrigin) words.push(`new browser or network ${times(c.newOrigin)}`);
  if (c.lateSave) words.push(`answer after time was up ${times(c.lateSave)}`);
  return words;
}

export interface CandidateRow extends CandidateRecord {
  status: CandidateStatus;
  /** When the attempt ended (submitted, or the deadline when time ran out). */
  completedAt: number | null;
  timedOut: boolean;
  timeUsedSeconds: number | null;
  timeAllowedSeconds: number;
  /** Mid-rank percentile among the other finished candidates of the same assessment. */
  percentile: number | null;
  /** One standard error of the score, in percent points (see stats.ts). */
  standardError: number | null;
  integrity: IntegrityCounts;
}

/** Removes one occurrence of `value`: a candidate is ranked against the others, not against themself. */
function without(values: readonly number[], value: number): number[] {
  const i = values.indexOf(value);
  return i < 0 ? [...values] : [...values.slice(0, i), ...values.slice(i + 1)];
}

export function candidateRows(
  records: readonly CandidateRecord[],
  scoresByAssessment: ReadonlyMap<string, readonly number[]>,
  now: number,
): CandidateRow[] {
  return records.map((r) => {
    const status = candidateStatus(r, now);
    const done = status === 'completed';
    const completedAt = done ? (r.submittedAt ?? r.deadlineAt) : null;
    const score = done ? r.scorePercent : null;
    return {
      ...r,
      status,
      completedAt,
      timedOut: r.state === 'expired',
      timeUsedSeconds:
        completedAt !== null && r.startedAt !== null
          ? Math.max(0, Math.round((completedAt - r.startedAt) / 1000))
          : null,
      timeAllowedSeconds: r.timeLimitSeconds + r.extraSeconds,
      percentile:
        score === null ? null : percentileRank(score, without(scoresByAssessment.get(r.assessmentId) ?? [], score)),
      standardError: score === null ? null : percentStandardError(score, r.itemCount),
      integrity: integrityCounts(r.events),
    };
  });
}

/** Finished scores per assessment from the rows themselves (the pipeline holds every candidate). */
export function scoresOf(records: readonly CandidateRecord[]): Map<string, number[]> {
  const scores = new Map<string, number[]>();
  for (const r of records) {
    if ((r.state === 'submitted' || r.state === 'expired') && r.scorePercent !== null) {
      scores.set(r.assessmentId, [...(scores.get(r.assessmentId) ?? []), r.scorePercent]);
    }
  }
  return scores;
}

export interface PipelineKpis {
  invited: number;
  started: number;
  completed: number;
  passed: number;
  /** Percent of completed candidates who passed, or null before anyone completed. */
  passRate: number | null;
  medianScore: number | null;
  medianTimeSeconds: number | null;
}

export function pipelineKpis(rows: readonly CandidateRow[]): PipelineKpis {
  const done = rows.filter((r) => r.status === 'completed');
  const passed = done.filter((r) => r.passed === true).length;
  return {
    invited: rows.filter((r) => r.status !== 'revoked').length,
    started: rows.filter((r) => r.attemptId !== null).length,
    completed: done.length,
    passed,
    passRate: done.length ? Math.round((passed / done.length) * 1000) / 10 : null,
    medianScore: median(done.flatMap((r) => (r.scorePercent === null ? [] : [r.scorePercent]))),
    medianTimeSeconds: median(done.flatMap((r) => (r.timeUsedSeconds === null ? [] : [r.timeUsedSeconds]))),
  };
}

/** Finished candidates nobody has decided on yet: passed first, then by score. "Who do I talk to next." */
export function awaitingDecision(rows: readonly CandidateRow[]): CandidateRow[] {
  return rows
    .filter((r) => r.status === 'completed' && r.decision === null)
    .sort(
      (a, b) =>
        Number(b.passed === true) - Number(a.passed === true) ||
        (b.scorePercent ?? 0) - (a.scorePercent ?? 0) ||
        a.candidateName.localeCompare(b.candidateName, 'en'),
    );
}

export const decisionLabels: Record<Decision, string> = { advance: 'Advance', hold: 'On hold', reject: 'Reject' };
