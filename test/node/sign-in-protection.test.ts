/**
 * Sign-in protection against the real embedded database: concurrent guesses, lock-outs of a known
 * email, and what the answers give away about which emails have accounts. Password checks are
 * counted through deps.verifyPassword (the real PBKDF2 check, wrapped), never by timing.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/auth/password';
import { limits } from '../../src/auth/throttle';
import { loginThrottle, memberships, users } from '../../src/db/schema';
import { runScheduledJobs } from '../../src/jobs';
import { makeTestApp, type TestApp } from '../support/app';
import { TestBrowser } from '../support/client';

const owner = { name: 'Olivia Owner', email: 'olivia@example.com', password: 'a long enough passphrase' };

let t: TestApp;
/** Every stored hash a sign-in was checked against, in order. */
let checked: string[];

beforeEach(async () => {
  t = await makeTestApp();
  checked = [];
  t.deps.verifyPassword = (password, stored, policy) => {
    checked.push(stored);
    return verifyPassword(password, stored, policy);
  };
  // The test says where each request comes from, as a socket address would.
  t.deps.clientAddress = (c) => c.req.header('X-Test-Address');
  const res = await new TestBrowser(t.app).post(
    '/signup',
    { ...owner, orgName: 'Acme Hiring' },
    { 'X-Test-Address': '198.51.100.1' },
  );
  expect(res.status).toBe(303);
  checked = [];
});
afterEach(() => t.close());

function signIn(browser: TestBrowser, address: string, password: string, email = owner.email) {
  return browser.post('/login', { email, password }, { 'X-Test-Address': address });
}

const statuses = (responses: Response[]) => {
  const count = new Map<number, number>();
  for (const r of responses) count.set(r.status, (count.get(r.status) ?? 0) + 1);
  return Object.fromEntries(count);
};

describe('concurrent guesses', () => {
  it('checks at most the pair limit of 100 wrong sign-ins sent at once to one account from one address', async () => {
    const responses = await Promise.all(
      Array.from({ length: 100 }, () => signIn(new TestBrowser(t.app), '203.0.113.7', 'wrong password guess')),
    );
    expect(checked).toHaveLength(limits.pair.max);
    expect(statuses(responses)).toEqual({ 401: limits.pair.max, 429: 100 - limits.pair.max });
    const rows = await t.db.select().from(loginThrottle);
    expect(rows.find((r) => r.key === `pair:${owner.email}:203.0.113.7`)?.failures).toBe(limits.pair.max);
    // Refused guesses count nowhere: the wider buckets hold only the checked ones.
    expect(rows.find((r) => r.key === 'address:203.0.113.7')?.failures).toBe(limits.pair.max);
    expect(rows.find((r) => r.key === `account:${owner.email}`)?.failures).toBe(limits.pair.max);
  });

  it('checks at most the address limit of 100 guesses at once against 100 emails from one address', async () => {
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        signIn(new TestBrowser(t.app), '203.0.113.8', 'wrong password guess', `person${i}@example.com`),
      ),
    );
    expect(checked).toHaveLength(limits.address.max);
    expect(statuses(responses)).toEqual({ 401: limits.address.max, 429: 100 - limits.address.max });
  });

  it('checks at most the account limit of 100 guesses at once at one account from 100 addresses', async () => {
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => signIn(new TestBrowser(t.app), `192.0.2.${i}`, 'wrong password guess')),
    );
    expect(checked).toHaveLength(limits.account.max);
    expect(statuses(responses)).toEqual({ 401: limits.account.max, 429: 100 - limits.account.max });
  });
});

describe('locking out a known email', () => {
  /** An attacker spreads guesses over many addresses until the account-wide limit is reached. */
  async function lockAccountFromManyAddresses() {
    for (let i = 0; i < limits.account.max; i++) {
      expect((await signIn(new TestBrowser(t.app), `192.0.2.${i}`, 'wrong password guess')).status).toBe(401);
    }
    expect((await signIn(new TestBrowser(t.app), '192.0.2.200', 'wrong password guess')).status).toBe(429);
  }

  it('lets the owner in from a browser that signed in before, while the account is locked for new ones', async () => {
    const laptop = new TestBrowser(t.app);
    expect((await signIn(laptop, '198.51.100.1', owner.password)).status).toBe(303);
    await laptop.post('/logout');
    await lockAccountFromManyAddresses();

    // A new browser with the right password waits, and is told how to get in.
    const fresh = await signIn(new TestBrowser(t.app), '198.51.100.1', owner.password);
    expect(fresh.status).toBe(429);
    expect(Number(fresh.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await fresh.text()).toContain('A browser you have signed in with before');

    // The owner's own browser: a typo counts in its own bucket only, then the password works.
    const checksBefore = checked.length;
    expect((await signIn(laptop, '198.51.100.1', 'my typo password')).status).toBe(401);
    expect((await signIn(laptop, '198.51.100.1', owner.password)).status).toBe(303);
    expect(checked.length).toBe(checksBefore + 2);
    expect((await laptop.get('/app')).status).toBe(200);
  });

  it('does not accept a known-device cookie issued to another account', async () => {
    const mallory = new TestBrowser(t.app);
    await mallory.post(
      '/signup',
      { name: 'Mallory', email: 'mallory@example.com', password: 'another long passphrase' },
      { 'X-Test-Address': '192.0.2.250' },
    );
    await lockAccountFromManyAddresses();
    expect((await signIn(mallory, '192.0.2.250', owner.password)).status).toBe(429);
  });

  it("keeps one address's failures from locking the owner out at their usual address", async () => {
    for (let i = 0; i < limits.pair.max; i++) await signIn(new TestBrowser(t.app), '203.0.113.66', 'wrong guess!!');
    expect((await signIn(new TestBrowser(t.app), '203.0.113.66', owner.password)).status).toBe(429);
    expect((await signIn(new TestBrowser(t.app), '198.51.100.1', owner.password)).status).toBe(303);
  });

  it('starts the pair over after a success and gives the wider buckets their slot back', async () => {
    for (let i = 0; i < 3; i++) await signIn(new TestBrowser(t.app), '198.51.100.1', 'a typo password');
    expect((await signIn(new TestBrowser(t.app), '198.51.100.1', owner.password)).status).toBe(303);
    const rows = new Map((await t.db.select().from(loginThrottle)).map((r) => [r.key, r.failures]));
    expect(rows.has(`pair:${owner.email}:198.51.100.1`)).toBe(false);
    expect(rows.get('address:198.51.100.1')).toBe(3);
    expect(rows.get(`account:${owner.email}`)).toBe(3);
  });

  it('lets the pair try again once its window has passed, and says when that is', async () => {
    for (let i = 0; i < limits.pair.max; i++) await signIn(new TestBrowser(t.app), '203.0.113.5', 'wrong guess!!');
    t.clock.advance(60_000);
    const limited = await signIn(new TestBrowser(t.app), '203.0.113.5', owner.password);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe(String((limits.pair.windowMs - 60_000) / 1000));
    expect(await limited.text()).toContain('Try again in 14 minutes');
    t.clock.advance(limits.pair.windowMs - 60_000);
    expect((await signIn(new TestBrowser(t.app), '203.0.113.5', owner.password)).status).toBe(303);
  });
});

describe('changing the password', () => {
  it('checks the current password under the sign-in limits, so a stolen session cannot guess it', async () => {
    const session = new TestBrowser(t.app);
    expect((await signIn(session, '203.0.113.40', owner.password)).status).toBe(303);
    const change = (current: string) =>
      session.post(
        '/account/password',
        { current, password: 'a brand new passphrase' },
        { 'X-Test-Address': '203.0.113.40' },
      );
    for (let i = 0; i < limits.pair.max; i++) expect((await change(`guess number ${i}`)).status).toBe(422);
    const refused = await change(owner.password);
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('Too many wrong passwords');
    expect(checked).toHaveLength(1 + limits.pair.max);
    t.clock.advance(limits.pair.windowMs);
    expect(await (await change(owner.password)).text()).toContain('Password changed');
  });
});

describe('housekeeping', () => {
  it('deletes counters whose window ended long ago in the periodic jobs, and keeps live ones', async () => {
    await signIn(new TestBrowser(t.app), '203.0.113.1', 'wrong password guess', 'nobody@example.com');
    t.clock.advance(2 * 60 * 60_000);
    await signIn(new TestBrowser(t.app), '203.0.113.2', 'wrong password guess', 'nobody@example.com');
    await runScheduledJobs(t.deps);
    const keys = (await t.db.select().from(loginThrottle)).map((r) => r.key).sort();
    expect(keys).toEqual(['account:nobody@example.com', 'address:203.0.113.2', 'pair:nobody@example.com:203.0.113.2']);
  });
});

describe('unlocking from the team page', () => {
  it('shows owners and admins who has failed sign-ins, and clears them on Unlock', async () => {
    const ownerBrowser = new TestBrowser(t.app);
    expect((await signIn(ownerBrowser, '198.51.100.1', owner.password)).status).toBe(303);
    const rita = new TestBrowser(t.app);
    await rita.post(
      '/signup',
      { name: 'Rita Reviewer', email: 'rita@example.com', password: 'another long passphrase' },
      { 'X-Test-Address': '198.51.100.2' },
    );
    const [ritaRow] = await t.db.select().from(users).where(eq(users.email, 'rita@example.com'));
    const [acme] = await t.db.select().from(memberships);
    await t.db.insert(memberships).values({ orgId: acme?.orgId ?? '', userId: ritaRow?.id ?? '', role: 'reviewer' });
    for (let i = 0; i < limits.account.max; i++)
      await signIn(new TestBrowser(t.app), `192.0.2.${i}`, 'wrong password guess', 'rita@example.com');
    const locked = await signIn(new TestBrowser(t.app), '198.51.100.9', 'another long passphrase', 'rita@example.com');
    expect(locked.status).toBe(429);

    const page = await (await ownerBrowser.get('/app/team')).text();
    expect(page).toContain(`${limits.account.max} failed sign-ins; new browsers are held up until`);
    // Rita's own browser (it signed up) still gets in; as a reviewer she sees no such list.
    expect((await signIn(rita, '198.51.100.2', 'another long passphrase', 'rita@example.com')).status).toBe(303);
    const ritaView = await rita.get('/app/team');
    expect(ritaView.status).toBe(200);
    expect(await ritaView.text()).not.toContain('Failed sign-ins');

    const unlock = await ownerBrowser.post(`/app/team/members/${ritaRow?.id}/unlock`);
    expect(unlock.status).toBe(303);
    expect(unlock.headers.get('location')).toBe('/app/team?done=unlocked');
    const after = await (await ownerBrowser.get('/app/team?done=unlocked')).text();
    expect(after).toContain('Sign-in unlocked');
    expect(after).not.toContain('failed sign-ins;');
    const back = await signIn(new TestBrowser(t.app), '198.51.100.9', 'another long passphrase', 'rita@example.com');
    expect(back.status).toBe(303);
  });

  it('refuses an unlock by a reviewer, and for someone outside the organization', async () => {
    const rita = new TestBrowser(t.app);
    await rita.post(
      '/signup',
      { name: 'Rita Reviewer', email: 'rita@example.com', password: 'another long passphrase' },
      { 'X-Test-Address': '198.51.100.2' },
    );
    const [ritaRow] = await t.db.select().from(users).where(eq(users.email, 'rita@example.com'));
    const [acme] = await t.db.select().from(memberships);
    await t.db.insert(memberships).values({ orgId: acme?.orgId ?? '', userId: ritaRow?.id ?? '', role: 'reviewer' });
    await signIn(new TestBrowser(t.app), '192.0.2.1', 'wrong password guess');
    const accountCounters = async () => (await t.db.select().from(loginThrottle)).filter((r) => r.account !== null);
    const before = await accountCounters();
    expect(before.length).toBeGreaterThan(0);
    expect((await rita.post(`/app/team/members/${acme?.userId}/unlock`)).status).toBe(403);
    expect(await accountCounters()).toEqual(before);

    const stranger = new TestBrowser(t.app);
    await stranger.post(
      '/signup',
      { name: 'Sam', email: 'sam@example.com', password: 'another long passphrase', orgName: 'Other Co' },
      { 'X-Test-Address': '198.51.100.3' },
    );
    expect((await stranger.post(`/app/team/members/${acme?.userId}/unlock`)).status).toBe(404);
    expect(await accountCounters()).toEqual(before);
  });
});

describe('what the answers give away', () => {
  it('checks a password for an email without an account against a hash of the same cost', async () => {
    const [user] = await t.db.select().from(users);
    const unknown = await signIn(new TestBrowser(t.app), '203.0.113.9', 'some password', 'nobody@example.com');
    const known = await signIn(new TestBrowser(t.app), '203.0.113.10', 'some password');
    expect(unknown.status).toBe(401);
    expect(known.status).toBe(401);
    expect(checked).toHaveLength(2);
    const iterationsOf = (stored: string | undefined) => stored?.split('$').slice(0, 2).join('$');
    expect(checked[1]).toBe(user?.passwordHash);
    expect(iterationsOf(checked[0])).toBe(`pbkdf2-sha256$${t.deps.settings.passwordIterations}`);
    expect(iterationsOf(checked[0])).toBe(iterationsOf(user?.passwordHash));
    // The same page, word for word, apart from the email typed in.
    const text = async (r: Response) =>
      (await r.text()).replaceAll('nobody@example.com', owner.email).replace(/nonce="[^"]+"/g, 'nonce');
    expect(await text(unknown)).toBe(await text(known));
  });

  it('limits sign-ups per address, so the "account exists" answer cannot test many emails', async () => {
    for (let i = 0; i < limits.signUp.max; i++) {
      const res = await new TestBrowser(t.app).post(
        '/signup',
        { name: 'Probe', email: i === 0 ? owner.email : `probe${i}@example.com`, password: 'short' },
        { 'X-Test-Address': '203.0.113.77' },
      );
      expect(res.status).toBe(422);
    }
    const refused = await new TestBrowser(t.app).post(
      '/signup',
      { ...owner, name: 'Another', email: 'new.person@example.com' },
      { 'X-Test-Address': '203.0.113.77' },
    );
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('Too many sign-ups from your network');
    expect(await t.db.select().from(users)).toHaveLength(1);
    const elsewhere = await new TestBrowser(t.app).post(
      '/signup',
      { ...owner, name: 'Another', email: 'new.person@example.com' },
      { 'X-Test-Address': '203.0.113.78' },
    );
    expect(elsewhere.status).toBe(303);
  });
});
