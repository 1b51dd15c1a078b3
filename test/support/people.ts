import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
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
