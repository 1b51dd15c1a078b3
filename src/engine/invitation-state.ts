/**
 * The closed set of invitation statuses and the rules that read them. The stored status moves
 * invited -> opened (the first look at the link) -> started -> completed, or to revoked before a
 * start; each start and finish writes it in the same batch as the attempt. "expired" is computed:
 * an invitation nobody started is expired once its expiry passed, and becomes live again when a
 * manager extends it. The periodic jobs also store it, with the invitation.expired webhook event
 * (src/db/invitation-expiry.ts); the rules read the same either way. An invitation expires after
 * its expiry instant, not at it.
 */
import type { AssessmentStatus } from './assessment';
import type { AttemptState } from './attempt-state';

export const invitationStatuses = ['invited', 'opened', 'started', 'completed', 'expired', 'revoked'] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

/** Statuses in which nothing has started yet: the invitation can still be revoked, resent or given extra time. */
export const pendingStatuses = ['invited', 'opened', 'expired'] as const satisfies readonly InvitationStatus[];

export function isPending(status: InvitationStatus): boolean {
  return (pendingStatuses as readonly InvitationStatus[]).includes(status);
}

/** The part of an invitation the status rules read. */
export interface InvitationClock {
  status: InvitationStatus;
  expiresAt: number;
}

/**
 * The status a person should see at `now`. The attempt, when the caller has it, decides first: a
 * finished attempt is completed and a running one started, whatever the row says. Without it the
 * stored status stands, except that a pending invitation past its expiry reads as expired.
 */
export function invitationStatusAt(
  invitation: InvitationClock,
  now: number,
  attempt?: AttemptState | null,
): InvitationStatus {
  if (attempt === 'submitted' || attempt === 'expired') return 'completed';
  if (attempt === 'in_progress') return 'started';
  if ((invitation.status === 'invited' || invitation.status === 'opened') && invitation.expiresAt < now)
    return 'expired';
  return invitation.status;
}

/** What the candidate's invitation page offers. */
export type InviteState = 'ready' | 'resume' | 'expired' | 'revoked' | 'completed' | 'not-open' | 'closed';

export interface InviteFacts {
  invitation: InvitationClock;
  assessment: { status: AssessmentStatus; opensAt: number | null; closesAt: number | null };
  /** The candidate's attempt is under way: the link resumes it whatever the dates say. */
  attemptInProgress: boolean;
  /**
   * The assessment was archived because an edit made a new version. Invitations sent for the old
   * version still work on it (their candidates were promised that test); an assessment archived
   * by hand is closed.
   */
  superseded: boolean;
}

/**
 * What a candidate's invitation link leads to at `now`. Withdrawn and finished come first; a
 * running attempt resumes even past the invitation's expiry or the assessment's closing (its
 * deadline was fixed at the start); only then do expiry, the assessment's window and archiving
 * keep a new start from happening.
 */
export function inviteStateAt(facts: InviteFacts, now: number): InviteState {
  const { invitation, assessment } = facts;
  if (invitation.status === 'revoked') return 'revoked';
  if (invitation.status === 'completed') return 'completed';
  if (facts.attemptInProgress) return 'resume';
  if (invitation.status === 'started') return 'completed';
  if (now > invitation.expiresAt) return 'expired';
  if (
    (assessment.status === 'archived' && !facts.superseded) ||
    (assessment.closesAt !== null && now > assessment.closesAt)
  )
    return 'closed';
  if (assessment.opensAt !== null && now < assessment.opensAt) return 'not-open';
  return 'ready';
}
