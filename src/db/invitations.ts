import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { pendingStatuses } from '../engine/invitation-state';
import type { Db } from './client';
import { newId } from './ids';
import { assessments, invitations } from './schema';
import { isoTime, queueInvitationEvent } from './webhook-events';

export type InvitationRow = typeof invitations.$inferSelect;

export async function getInvitation(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, id), eq(invitations.orgId, orgId)));
  return row ?? null;
}

/** The invitations of one assessment version, newest first. */
export async function listInvitations(db: Db, orgId: string, assessmentId: string): Promise<InvitationRow[]> {
  return db
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), eq(invitations.assessmentId, assessmentId)))
    .orderBy(desc(invitations.createdAt), desc(invitations.id));
}

/** Invitation counts of every version of a lineage, so a version's page can point at the others. */
export async function invitationCountsByVersion(db: Db, orgId: string, lineageId: string) {
  const rows = await db
    .select({ assessmentId: invitations.assessmentId })
    .from(invitations)
    .innerJoin(assessments, eq(assessments.id, invitations.assessmentId))
    .where(and(eq(invitations.orgId, orgId), eq(assessments.lineageId, lineageId)));
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.assessmentId, (counts.get(r.assessmentId) ?? 0) + 1);
  return counts;
}

/**
 * Emails (lower case) already invited to any version of this assessment and not revoked: inviting
 * them again would give one person two attempts. A revoked invitation frees the address.
 */
export async function invitedEmails(db: Db, orgId: string, lineageId: string): Promise<Set<string>> {
  const rows = await db
    .select({ email: invitations.candidateEmail })
    .from(invitations)
    .innerJoin(assessments, eq(assessments.id, invitations.assessmentId))
    .where(and(eq(invitations.orgId, orgId), eq(assessments.lineageId, lineageId), ne(invitations.status, 'revoked')));
  return new Set(rows.map((r) => r.email.toLowerCase()));
}

export interface NewInvitation {
  candidateName: string;
  candidateEmail: string;
  extraSeconds: number;
  /** For a test an applicant tracking system sent (Greenhouse's send_test): see the invitations table. */
  partner?: Pick<
    InvitationRow,
    'source' | 'partnerCallbackUrl' | 'partnerCandidateUrl' | 'partnerApiKeyId' | 'partnerCredential'
  >;
}

/** Creates all the invitations or none (one batch). Returns their ids in input order. */
export async function createInvitations(
  db: Db,
  input: { orgId: string; assessmentId: string; createdBy: string | null; expiresAt: number; now: number },
  people: NewInvitation[],
): Promise<string[]> {
  if (people.length === 0) return [];
  const ids = people.map(() => newId());
  const [first, ...rest] = people.map((person, i) =>
    db.insert(invitations).values({
      id: ids[i] ?? newId(),
      orgId: input.orgId,
      assessmentId: input.assessmentId,
      createdBy: input.createdBy,
      createdAt: input.now,
      expiresAt: input.expiresAt,
      candidateName: person.candidateName,
      candidateEmail: person.candidateEmail,
      extraSeconds: person.extraSeconds,
      ...person.partner,
    }),
  );
  const events = ids.map((id) =>
    queueInvitationEvent(db, {
      type: 'invitation.created',
      at: input.now,
      invitationId: id,
      data: { expires_at: isoTime(input.expiresAt), source: sql`i.source` },
    }),
  );
  if (first) await db.batch([first, ...rest, ...events]);
  return ids;
}

/** Records that the invitation was handed to the email sender (or, without one, to the log). */
export async function markInvitationsSent(db: Db, ids: string[], now: number) {
  if (ids.length === 0) return;
  await db.update(invitations).set({ sentAt: now }).where(inArray(invitations.id, ids));
}

// The guarded updates below name the statuses they accept in the statement itself: a candidate
// starting at the same moment (which sets 'started' in its own batch) wins or loses cleanly.
const notStarted = inArray(invitations.status, [...pendingStatuses]);

/** Withdraws an invitation nobody has started. Returns whether it changed. */
export async function revokeInvitation(db: Db, orgId: string, id: string, now: number): Promise<boolean> {
  const [, rows] = await db.batch([
    // Before the update, under the same guard: the event is written exactly when the revocation is.
    queueInvitationEvent(db, {
      type: 'invitation.revoked',
      at: now,
      invitationId: id,
      data: { revoked_at: isoTime(now) },
      when: sql`i.org_id = ${orgId} and i.status in ('invited', 'opened', 'expired')`,
    }),
    db
      .update(invitations)
      .set({ status: 'revoked', revokedAt: now })
      .where(and(eq(invitations.id, id), eq(invitations.orgId, orgId), notStarted))
      .returning({ id: invitations.id }),
  ]);
  return rows.length > 0;
}

/**
 * A resend: the new expiry, and a new link version that retires every link sent before. Returns
 * the new version, or null when the candidate started meanwhile. A stored 'expired' (the periodic
 * jobs store it, see invitation-expiry.ts) goes back to what it was: 'opened' if the link was opened.
 */
export async function renewInvitation(db: Db, orgId: string, id: string, expiresAt: number): Promise<number | null> {
  const [row] = await db
    .update(invitations)
    .set({
      expiresAt,
      tokenVersion: sql`${invitations.tokenVersion} + 1`,
      status: sql`case when ${invitations.status} <> 'expired' then ${invitations.status} when ${invitations.openedAt} is null then 'invited' else 'opened' end`,
    })
    .where(and(eq(invitations.id, id), eq(invitations.orgId, orgId), notStarted))
    .returning({ tokenVersion: invitations.tokenVersion });
  return row?.tokenVersion ?? null;
}

/** Extra time applies from the start on (the deadline is fixed then), so it changes only before it. */
export async function setExtraTime(db: Db, orgId: string, id: string, extraSeconds: number): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ extraSeconds })
    .where(and(eq(invitations.id, id), eq(invitations.orgId, orgId), notStarted))
    .returning({ id: invitations.id });
  return rows.length > 0;
}
