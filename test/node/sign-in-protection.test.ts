/**
 * Sign-in protection against the real embedded database: concurrent guesses, lock-outs of a known
 * email, and what the answers give away about which emails have accounts. Password checks are
 * counted through deps.verifyPassword (the real PBKDF2 check, wrapped), never by timing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/auth/password';
import { limits } from '../../src/auth/throttle';
import { loginThrottle, users } from '../../src/db/schema';
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
