import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memberships, organizations, users } from '../../src/db/schema';
import { makeTestApp, type TestApp } from '../support/app';
import { TestBrowser } from '../support/client';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(() => t.close());

const good = {
  name: 'Olivia Owner',
  email: 'Olivia@Example.com',
  password: 'a long enough passphrase',
  orgName: 'Acme Hiring',
};

async function signUp(browser = new TestBrowser(t.app), values = good) {
  const res = await browser.post('/signup', values);
  return { browser, res };
}

describe('sign up, sign in, sign out', () => {
  it('creates the organization with its owner and signs in', async () => {
    const first = await new TestBrowser(t.app).get('/signup');
    expect(await first.text()).toContain('Create the first account');
    const { browser, res } = await signUp();
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/app');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sc_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const app = await browser.get('/app');
    expect(app.status).toBe(200);
    expect(await app.text()).toContain('Acme Hiring');
    const [user] = await t.db.select().from(users);
    expect(user?.email).toBe('olivia@example.com');
    expect(user?.passwordHash).toMatch(/^pbkdf2-sha256\$/);
    expect(await t.db.select().from(memberships)).toMatchObject([{ role: 'owner' }]);
  });

  it('explains every bad field and creates nothing', async () => {
    const { res } = await signUp(undefined, { name: '', email: 'nope', password: 'short', orgName: '' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Enter your name');
    expect(html).toContain('name@example.com');
    expect(html).toContain('at least 10 characters');
    expect(await t.db.select().from(users)).toHaveLength(0);
    expect(await t.db.select().from(organizations)).toHaveLength(0);
  });

  it('refuses an email that would name several recipients, the same rule as invitations', async () => {
    for (const email of ['<olivia@example.com>', 'olivia@example.com;', '"olivia"@example.com']) {
      const { res } = await signUp(new TestBrowser(t.app), { ...good, email });
      expect(res.status).toBe(422);
      expect(await res.text()).toContain('name@example.com');
    }
    expect(await t.db.select().from(users)).toHaveLength(0);
  });

  it('refuses a second account with the same email', async () => {
    await signUp();
    const { res } = await signUp(new TestBrowser(t.app), { ...good, email: 'olivia@example.com' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('An account with this email exists');
  });

  it('signs in, keeps a safe next, and signs out everywhere the cookie went', async () => {
    await signUp();
    const browser = new TestBrowser(t.app);
    expect((await browser.get('/app')).headers.get('location')).toBe('/login?next=%2Fapp');
    const bad = await browser.post('/login', { email: good.email, password: 'wrong password!!' });
    expect(bad.status).toBe(401);
    expect(await bad.text()).toContain('do not match');
    const evil = await browser.post('/login', { email: good.email, password: good.password, next: '//evil.example/x' });
    expect(evil.headers.get('location')).toBe('/app');
    expect((await browser.get('/app')).status).toBe(200);
    await browser.post('/logout');
    expect((await browser.get('/app')).status).toBe(303);
  });

  it('revokes the session server-side: a copied cookie dies with the logout', async () => {
    const { browser } = await signUp();
    const copy = new TestBrowser(t.app);
    for (const [k, v] of browser.cookies) copy.cookies.set(k, v);
    expect((await copy.get('/app')).status).toBe(200);
    await browser.post('/logout');
    expect((await copy.get('/app')).status).toBe(303);
  });

  it('holds up a browser after repeated failures and says when to retry', async () => {
    await signUp();
    const browser = new TestBrowser(t.app);
    for (let i = 0; i < 5; i++) await browser.post('/login', { email: good.email, password: 'wrong password!!' });
    const limited = await browser.post('/login', { email: good.email, password: good.password });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('900');
    expect(await limited.text()).toContain('Too many failed sign-ins');
    t.clock.advance(15 * 60_000);
    expect((await browser.post('/login', { email: good.email, password: good.password })).status).toBe(303);
  });

  it('changes the password and signs out other sessions', async () => {
    const { browser } = await signUp();
    const other = new TestBrowser(t.app);
    await other.post('/login', { email: good.email, password: good.password });
    const wrong = await browser.post('/account/password', {
      current: 'not it at all',
      password: 'another long passphrase',
    });
    expect(wrong.status).toBe(422);
    const ok = await browser.post('/account/password', { current: good.password, password: 'another long passphrase' });
    expect(await ok.text()).toContain('Password changed');
    expect((await browser.get('/app')).status).toBe(200);
    expect((await other.get('/app')).status).toBe(303);
    const fresh = new TestBrowser(t.app);
    expect((await fresh.post('/login', { email: good.email, password: 'another long passphrase' })).status).toBe(303);
  });

  it('rehashes on login when the iteration policy rose', async () => {
    await signUp();
    t.deps.settings.passwordIterations = 3000;
    await new TestBrowser(t.app).post('/login', { email: good.email, password: good.password });
    const [user] = await t.db.select().from(users);
    expect(user?.passwordHash.startsWith('pbkdf2-sha256$3000$')).toBe(true);
  });
});
