/**
 * The JSON the API answers with, one function per resource, so every route that returns an
 * invitation (create, read, revoke...) returns the same shape, and openapi.ts describes it once.
 * Times are ISO 8601 in UTC; absent values are null, never missing.
 */
import type { AssessmentRow } from '../db/assessments';
import type { InvitationRow } from '../db/invitations';
import type { assessmentPage } from '../db/pipeline';
import type { AttemptResultSummary } from '../manage/attempt-result';
import { type CandidateRow, candidateStatus } from '../manage/candidates';

export const iso = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();

const oneDecimal = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

type AssessmentListRow = Awaited<ReturnType<typeof assessmentPage>>[number];

/** Whether candidates can take it now (the `status` filter of the list). */
export function assessmentWindow(a: Pick<AssessmentRow, 'opensAt' | 'closesAt'>, now: number) {
  if (a.opensAt !== null && a.opensAt > now) return 'scheduled';
  if (a.closesAt !== null && a.closesAt <= now) return 'closed';
  return 'open';
}

export function assessmentSummaryJson(a: AssessmentListRow, now: number) {
  return {
    id: a.id,
    title: a.title,
    status: assessmentWindow(a, now),
    archived: a.status === 'archived',
    version: a.version,
    timeLimitMinutes: Math.round(a.timeLimitSeconds / 60),
    passMark: a.passMark,
    opensAt: iso(a.opensAt),
    closesAt: iso(a.closesAt),
    invited: a.invited,
    completed: a.completed,
    passed: a.passed,
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
  };
}

export function assessmentJson(a: AssessmentRow, now: number) {
  return {
    id: a.id,
    title: a.title,
    description: a.description,
    status: assessmentWindow(a, now),
    archived: a.status === 'archived',
    version: a.version,
    blueprint: a.blueprint,
    timeLimitMinutes: Math.round(a.timeLimitSeconds / 60),
    passMark: a.passMark,
    showAfter: a.showAfter,
    opensAt: iso(a.opensAt),
    closesAt: iso(a.closesAt),
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
  };
}

/**
 * An invitation, never with its link: the link is the candidate's credential, and a read key
 * must not be able to act as a candidate. `attempt` is the attempt's id once started.
 */
export function invitationJson(
  i: InvitationRow,
  attempt: { id: string; state: CandidateRow['state'] } | null,
  now: number,
  emailSent?: boolean,
) {
  return {
    id: i.id,
    assessmentId: i.assessmentId,
    name: i.candidateName,
    email: i.candidateEmail,
    status: candidateStatus({ state: attempt?.state ?? null, invitationStatus: i.status, expiresAt: i.expiresAt }, now),
    extraMinutes: Math.round(i.extraSeconds / 60),
    expiresAt: iso(i.expiresAt),
    createdAt: iso(i.createdAt),
    sentAt: iso(i.sentAt),
    revokedAt: iso(i.revokedAt),
    source: i.source,
    attemptId: attempt?.id ?? null,
    ...(emailSent === undefined ? {} : { emailSent }),
  };
}

export function resultJson(r: AttemptResultSummary) {
  return {
    scorePercent: r.scorePercent,
    passed: r.passed,
    standardError: oneDecimal(r.standardError),
    percentile: r.percentile,
    byArea: r.byArea.map((a) => ({
      area: a.area,
      title: a.title,
      scorePercent: a.scorePercent,
      points: a.points,
      max: a.max,
      standardError: oneDecimal(a.standardError),
      percentile: a.percentile,
    })),
  };
}

/** A candidate of an assessment with their attempt and its result (null until finished). */
export function candidateJson(r: CandidateRow, result: AttemptResultSummary | null, reportUrl: string | null) {
  return {
    invitationId: r.invitationId,
    name: r.candidateName,
    email: r.candidateEmail,
    invitationStatus: r.status,
    invitedAt: iso(r.invitedAt),
    expiresAt: iso(r.expiresAt),
    attempt: r.attemptId
      ? {
          id: r.attemptId,
          state: r.state,
          startedAt: iso(r.startedAt),
          submittedAt: iso(r.completedAt),
          timeUsedSeconds: r.timeUsedSeconds,
          scorePercent: r.scorePercent,
          passed: r.passed,
          result: result ? resultJson(result) : null,
          integrity: r.integrity,
          reportUrl,
        }
      : null,
    decision: r.decision ? { decision: r.decision.decision, decidedAt: iso(r.decision.decidedAt) } : null,
  };
}
