import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Role } from '../engine/roles';
import type { Db } from './client';
import { newId } from './ids';
import { memberships, organizations, sessions, users } from './schema';

export interface Membership {
  orgId: string;
  orgName: string;
  role: Role;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Db, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  return user ?? null;
}

export async function findUserById(db: Db, id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user ?? null;
}

export async function countUsers(db: Db): Promise<number> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length;
}

/** A user without an organization: someone who only practises. */
export async function createUser(db: Db, input: { email: string; name: string; passwordHash: string }) {
  const id = newId();
  await db
    .insert(users)
    .values({ id, email: normalizeEmail(input.email), name: input.name, passwordHash: input.passwordHash });
  return id;
}

/** Sign-up: the user, their organization and the owner membership, all or nothing. */
export async function createOrgWithOwner(
  db: Db,
  input: { email: string; name: string; passwordHash: string; orgName: string },
) {
  const userId = newId();
  const orgId = newId();
  await db.batch([
    db
      .insert(users)
      .values({ id: userId, email: normalizeEmail(input.email), name: input.name, passwordHash: input.passwordHash }),
    db.insert(organizations).values({ id: orgId, name: input.orgName }),
    db.insert(memberships).values({ orgId, userId, role: 'owner' }),
  ]);
  return { userId, orgId };
}

export async function updatePasswordHash(db: Db, userId: string, passwordHash: string) {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

export async function organizationName(db: Db, orgId: string): Promise<string | null> {
  const [row] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, orgId));
  return row?.name ?? null;
}

export async function membershipsOf(db: Db, userId: string): Promise<Membership[]> {
  return db
    .select({ orgId: memberships.orgId, orgName: organizations.name, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(organizations.name);
}

export async function createSession(db: Db, userId: string, now: number, ttlMs: number) {
  const id = newId();
  await db.insert(sessions).values({ id, userId, createdAt: now, expiresAt: now + ttlMs });
  return id;
}

/** The user behind a live session: not revoked, not expired. */
export async function activeSessionUser(db: Db, sessionId: string, now: number) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
  return row ?? null;
}

export async function revokeSession(db: Db, sessionId: string, now: number) {
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, sessionId));
}

/** Logs a user out everywhere but here, e.g. after a password change. */
export async function revokeOtherSessions(db: Db, userId: string, keepSessionId: string, now: number) {
  const live = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
  const others = live.filter((s) => s.id !== keepSessionId);
  for (const s of others) await revokeSession(db, s.id, now);
}
