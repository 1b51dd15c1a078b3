/**
 * Inviting candidates, one piece of code for every way in: the workspace's forms, the JSON API
 * and the Greenhouse partner endpoints. The rules (who can be invited to what, until when, what
 * may change once someone started) and the email live here; callers only read their input and
 * shape their answer.
 */
import { formatDateTime } from '../../views/components/format';
import { invitationToken } from '../candidate/invitation-token';
import { type AssessmentRow, isSuperseded, lineageVersions } from '../db/assessments';
import {
  createInvitations,
  type InvitationRow,
  markInvitationsSent,
  type NewInvitation,
  renewInvitation,
  revokeInvitation,
  setExtraTime,
} from '../db/invitations';
import type { AppDeps } from '../deps';
import { invitationEmail } from '../email/invitation-email';
import { maxExtraMinutes } from '../email/recipients';
import { emailSenderFor, sendAll } from '../email/sender';
import { PublicError } from '../http/public-error';

export const defaultExpiryDays = 7;
export const maxExpiryDays = 90;
export const dayMs = 24 * 3600 * 1000;
export { maxExtraMinutes };

/** Who the email says invites: a member, or only the organization when an integration sent it. */
export interface Inviter {
  orgName: string;
  /** The member's name, or null for the API and partner integrations. */
  name: string | null;
  /** The member's user id (recorded on the invitation), or null. */
  userId: string | null;
}

export interface Invitee {
  id: string;
  name: string;
  email: string;
  extraSeconds: number;
  expiresAt: number;
  tokenVersion: number;
}

/**
 * The candidate's link, on `origin`. It is the candidate's credential: whoever holds it can start
 * or continue the attempt, so only people who may invite (candidateLink.view) ever see one.
 */
export async function invitationLink(
  deps: AppDeps,
  origin: string,
  invitee: Pick<Invitee, 'id' | 'expiresAt' | 'tokenVersion'>,
): Promise<string> {
  return `${origin}/invite/${await invitationToken(deps, invitee.id, invitee.expiresAt, invitee.tokenVersion)}`;
}

/**
 * Emails invitations (or logs them when no email service is configured) and records which went
 * out. Never throws: a failed send leaves sentAt as it was. Returns the ids sent.
 */
export async function sendInvitations(
  deps: AppDeps,
  origin: string,
  inviter: Inviter,
  assessment: AssessmentRow,
  invitees: Invitee[],
): Promise<{ sent: Set<string>; failed: number }> {
  const sender = emailSenderFor(deps);
  const questionCount = assessment.blueprint.sections.reduce((sum, s) => sum + s.count, 0);
  const messages = await Promise.all(
    invitees.map(async (person) =>
      invitationEmail({
        to: person.email,
        candidateName: person.name,
        inviterName: inviter.name,
        orgName: inviter.orgName,
        title: assessment.title,
        description: assessment.description,
        questionCount,
        timeLimitSeconds: assessment.timeLimitSeconds,
        extraSeconds: person.extraSeconds,
        expiresAt: person.expiresAt,
        link: await invitationLink(deps, origin, person),
      }),
    ),
  );
  const results = await sendAll(sender, messages);
  const sent = invitees.filter((_, i) => results[i]?.ok).map((p) => p.id);
  await markInvitationsSent(deps.db, sent, deps.clock());
  return { sent: new Set(sent), failed: invitees.length - sent.length };
}

/** Why nobody can be invited to this version now, in words a manager can act on; null when open. */
export async function closedReason(deps: Pick<AppDeps, 'db' | 'clock'>, row: AssessmentRow): Promise<string | null> {
  if (await isSuperseded(deps.db, row)) {
    const [latest] = await lineageVersions(deps.db, row.orgId, row.lineageId);
    return `Version ${latest?.version} replaced this version of the assessment. Invite new candidates to the current version.`;
  }
  if (row.status === 'archived') return 'This assessment is archived. Unarchive it to invite candidates.';
  if (row.closesAt !== null && row.closesAt <= deps.clock())
    return `This assessment closed at ${formatDateTime(row.closesAt)}. Change its closing date to invite more candidates.`;
  return null;
}

/** The assessment, open to new invitations (else a 409 that says why not). */
export async function requireOpen(deps: AppDeps, row: AssessmentRow): Promise<AssessmentRow> {
  const reason = await closedReason(deps, row);
  if (reason) throw new PublicError(409, reason);
  return row;
}

/**
 * Creates the invitations in one batch (all or none) and sends them. People are checked by the
 * caller (src/email/recipients.ts holds the rules). Returns the new invitations in input order.
 */
export async function inviteCandidates(
  deps: AppDeps,
  input: {
    origin: string;
    inviter: Inviter;
    assessment: AssessmentRow;
    expiresAt: number;
    people: NewInvitation[];
  },
): Promise<{ invitees: Invitee[]; sent: Set<string>; failed: number }> {
  const now = deps.clock();
  const { assessment, inviter, expiresAt } = input;
  const ids = await createInvitations(
    deps.db,
    { orgId: assessment.orgId, assessmentId: assessment.id, createdBy: inviter.userId, expiresAt, now },
    input.people,
  );
  const invitees = input.people.map((p, i) => ({
    id: ids[i] ?? '',
    name: p.candidateName,
    email: p.candidateEmail,
    extraSeconds: p.extraSeconds,
    expiresAt,
    tokenVersion: 1,
  }));
  const { sent, failed } = await sendInvitations(deps, input.origin, inviter, assessment, invitees);
  return { invitees, sent, failed };
}

/** Withdraws an invitation nobody started; a 409 that says why when it cannot. */
export async function withdrawInvitation(deps: AppDeps, invitation: InvitationRow): Promise<void> {
  if (await revokeInvitation(deps.db, invitation.orgId, invitation.id, deps.clock())) return;
  throw new PublicError(
    409,
    invitation.status === 'revoked'
      ? 'This invitation is already revoked.'
      : 'The candidate has already started, so the invitation can no longer be revoked.',
  );
}

/** Extra time (an accommodation) applies from the start on, so it changes only before it. */
export async function giveExtraTime(deps: AppDeps, invitation: InvitationRow, minutes: number): Promise<void> {
  if (await setExtraTime(deps.db, invitation.orgId, invitation.id, minutes * 60)) return;
  throw new PublicError(
    409,
    invitation.status === 'revoked'
      ? 'This invitation is revoked; its extra time no longer matters.'
      : 'The candidate has already started: the deadline was fixed at the start, so extra time can no longer change.',
  );
}

/**
 * Sends the invitation again with a new link, valid until `expiresAt` (never earlier than it was);
 * links sent before stop working, so a forwarded or leaked link is cut off. Refused (409) once
 * the candidate started, after a revoke, or while the assessment takes no new candidates.
 */
export async function resendInvitation(
  deps: AppDeps,
  input: { origin: string; inviter: Inviter; assessment: AssessmentRow; invitation: InvitationRow; expiresAt: number },
): Promise<{ expiresAt: number; sent: boolean }> {
  const { invitation, assessment } = input;
  if (invitation.status === 'revoked')
    throw new PublicError(409, 'This invitation was revoked. Invite the candidate again to send a new link.');
  if (invitation.status === 'started' || invitation.status === 'completed')
    throw new PublicError(409, 'The candidate has already started; there is nothing to resend.');
  await requireOpen(deps, assessment);
  const expiresAt = Math.max(invitation.expiresAt, input.expiresAt);
  const tokenVersion = await renewInvitation(deps.db, assessment.orgId, invitation.id, expiresAt);
  if (tokenVersion === null) throw new PublicError(409, 'The candidate started just now; there is nothing to resend.');
  const { sent } = await sendInvitations(deps, input.origin, input.inviter, assessment, [
    {
      id: invitation.id,
      name: invitation.candidateName,
      email: invitation.candidateEmail,
      extraSeconds: invitation.extraSeconds,
      expiresAt,
      tokenVersion,
    },
  ]);
  return { expiresAt, sent: sent.has(invitation.id) };
}
