import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../../src/db/client';
import { memberships, users } from '../../src/db/schema';
import type { TestApp } from './app';
import { TestBrowser } from './client';

/** Signs up through the form, creating the organization with its owner; returns the signed-in browser. */
export async function signUpOwner(t: TestApp, email: string, orgName: string) {
  const browser = new TestBrowser(t.app);
  const res = await browser.post('/signup', {
    name: 'Olivia Owner',
    email,
    password: 'a long enough passphrase',
    orgName,
  });
  expect(res.status).toBe(303);
  return browser;
}

/** A second person in the first organization with the reviewer role, signed in. */
export async function signUpReviewer(t: TestApp) {
  const browser = new TestBrowser(t.app);
  await browser.post('/signup', {
    name: 'Rita Reviewer',
    email: 'rita@example.com',
    password: 'a long enough passphrase',
  });
  const [rita] = await t.db.select().from(users).where(eq(users.email, 'rita@example.com'));
  const [acme] = await t.db.select().from(memberships);
  await t.db.insert(memberships).values({ orgId: acme?.orgId ?? '', userId: rita?.id ?? '', role: 'reviewer' });
  return browser;
}

/** The user and organization ids of someone who has signed up (their first membership). */
export async function memberIds(db: Db, email: string): Promise<{ userId: string; orgId: string }> {
  const [row] = await db
    .select({ userId: users.id, orgId: memberships.orgId })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(users.email, email));
  if (!row) throw new Error(`no membership for ${email}`);
  return row;
}
