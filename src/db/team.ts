import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Role } from '../engine/roles';
import type { Db } from './client';
import { newId } from './ids';
import { memberships, organizations, teamInvites, users } from './schema';

/**
 * The people of an organization and the invitations to join it. Every read and write takes the
 * organization id, except the two an invitation link needs before anyone is a member
 * (`teamInviteById`, `acceptTeamInvite`): there the signed token is the authority.
 */

export interface TeamMember {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: number;
}

const memberColumns = {
  userId: users.id,
  name: users.name,
  email: users.email,
  role: memberships.role,
  joinedAt: memberships.createdAt,
};

export async function teamMembers(db: Db, orgId: string): Promise<TeamMember[]> {
  return db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(sql`case ${memberships.role} when 'owner' then 0 when 'admin' then 1 else 2 end`, asc(users.name));
}

export async function teamMember(db: Db, orgId: string, userId: string): Promise<TeamMember | null> {
  const rows = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return rows[0] ?? null;
}

export async function isMemberByEmail(db: Db, orgId: string, email: string): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(users.email, email)));
  return rows.length > 0;
}

export interface PendingTeamInvite {
  id: string;
  email: string;
  role: Role;
  invitedBy: string;
  createdAt: number;
  expiresAt: number;
}

const inviter = alias(users, 'inviter');

/** Invitations nobody accepted or revoked yet and still within their expiry, newest first. */
export async function pendingTeamInvites(db: Db, orgId: string, now: number): Promise<PendingTeamInvite[]> {
  return db
    .select({
      id: teamInvites.id,
      email: teamInvites.email,
      role: teamInvites.role,
      invitedBy: inviter.name,
      createdAt: teamInvites.createdAt,
      expiresAt: teamInvites.expiresAt,
    })
    .from(teamInvites)
    .innerJoin(inviter, eq(inviter.id, teamInvites.createdBy))
    .where(
      and(
        eq(teamInvites.orgId, orgId),
        isNull(teamInvites.acceptedAt),
        isNull(teamInvites.revokedAt),
        gt(teamInvites.expiresAt, now),
      ),
    )
    .orderBy(sql`${teamInvites.createdAt} desc`);
}

/** A pending invitation to this email in this organization, if there is one. */
export async function pendingInviteFor(db: Db, orgId: string, email: string, now: number) {
  const [row] = await db
    .select({ id: teamInvites.id })
    .from(teamInvites)
    .where(
      and(
        eq(teamInvites.orgId, orgId),
        eq(teamInvites.email, email),
        isNull(teamInvites.acceptedAt),
        isNull(teamInvites.revokedAt),
        gt(teamInvites.expiresAt, now),
      ),
    );
  return row ?? null;
}

export async function createTeamInvite(
  db: Db,
  input: { orgId: string; email: string; role: Role; createdBy: string; now: number; expiresAt: number },
): Promise<string> {
  const id = newId();
  await db.insert(teamInvites).values({
    id,
    orgId: input.orgId,
    email: input.email,
    role: input.role,
    createdBy: input.createdBy,
    createdAt: input.now,
    expiresAt: input.expiresAt,
  });
  return id;
}

/** One invitation of one organization (for the team page); another organization's id finds nothing. */
export async function teamInviteOf(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(teamInvites)
    .where(and(eq(teamInvites.id, id), eq(teamInvites.orgId, orgId)));
  return row ?? null;
}

/** What the join page shows: the invitation, its organization and who sent it. Found by the token's id. */
export async function teamInviteById(db: Db, id: string) {
  const [row] = await db
    .select({ invite: teamInvites, orgName: organizations.name, inviterName: inviter.name })
    .from(teamInvites)
    .innerJoin(organizations, eq(organizations.id, teamInvites.orgId))
    .innerJoin(inviter, eq(inviter.id, teamInvites.createdBy))
    .where(eq(teamInvites.id, id));
  return row ?? null;
}

/** Revokes a pending invitation; false when it is not this organization's or no longer pending. */
export async function revokeTeamInvite(db: Db, orgId: string, id: string, now: number): Promise<boolean> {
  const rows = await db
    .update(teamInvites)
    .set({ revokedAt: now })
    .where(
      and(
        eq(teamInvites.id, id),
        eq(teamInvites.orgId, orgId),
        isNull(teamInvites.acceptedAt),
        isNull(teamInvites.revokedAt),
      ),
    )
    .returning({ id: teamInvites.id });
  return rows.length > 0;
}

/**
 * Turns a pending invitation into a membership, atomically and once: the membership is inserted
 * only while the invitation is pending (not accepted, not revoked, not expired), and the invitation
 * is marked accepted in the same batch. Two accepts racing (a double click, two tabs) add one
 * membership; the loser gets false. Someone already in the organization keeps their role (the
 * insert does nothing) and the invitation is used up.
 */
export async function acceptTeamInvite(db: Db, inviteId: string, userId: string, now: number): Promise<boolean> {
  const pending = and(
    eq(teamInvites.id, inviteId),
    isNull(teamInvites.acceptedAt),
    isNull(teamInvites.revokedAt),
    gt(teamInvites.expiresAt, now),
  );
  const [inserted] = await db.batch([
    db
      .insert(memberships)
      .select(
        db
          .select({
            orgId: teamInvites.orgId,
            userId: sql<string>`${userId}`.as('user_id'),
            role: teamInvites.role,
            createdAt: sql<number>`${now}`.as('created_at'),
          })
          .from(teamInvites)
          .where(pending),
      )
      .onConflictDoNothing()
      .returning({ orgId: memberships.orgId }),
    db.update(teamInvites).set({ acceptedAt: now }).where(pending),
  ]);
  return (inserted as { orgId: string }[]).length > 0;
}

/** Owner count in the guards below: the last owner can be neither demoted nor removed. */
const otherOwnersExist = (orgId: string, userId: string) =>
  sql`exists (select 1 from ${memberships} m2 where m2.org_id = ${orgId} and m2.role = 'owner' and m2.user_id != ${userId})`;

export type TeamChange = 'changed' | 'not-found' | 'last-owner';

/** Changes a member's role. One guarded statement, so two owners demoting each other at once cannot leave none. */
export async function changeMemberRole(db: Db, orgId: string, userId: string, role: Role): Promise<TeamChange> {
  const rows = await db
    .update(memberships)
    .set({ role })
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.userId, userId),
        sql`(${role} = 'owner' or ${memberships.role} != 'owner' or ${otherOwnersExist(orgId, userId)})`,
      ),
    )
    .returning({ userId: memberships.userId });
  if (rows.length > 0) return 'changed';
  return (await teamMember(db, orgId, userId)) ? 'last-owner' : 'not-found';
}

/** Removes a member from the organization (their account and their notes stay). Same guard as above. */
export async function removeMember(db: Db, orgId: string, userId: string): Promise<TeamChange> {
  const rows = await db
    .delete(memberships)
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.userId, userId),
        sql`(${memberships.role} != 'owner' or ${otherOwnersExist(orgId, userId)})`,
      ),
    )
    .returning({ userId: memberships.userId });
  if (rows.length > 0) return 'changed';
  return (await teamMember(db, orgId, userId)) ? 'last-owner' : 'not-found';
}
