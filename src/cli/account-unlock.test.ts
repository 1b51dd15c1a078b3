import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/support/app';
import { TestBrowser } from '../../test/support/client';
import { limits } from '../auth/throttle';
import { loginThrottle } from '../db/schema';
import { unlockAccount } from './account-unlock';

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
const owner = { name: 'Olivia Owner', email: 'olivia@example.com', password: 'a long enough passphrase' };

function run(databaseUrl: string, ...args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(
      tsx,
      ['src/cli/account-unlock.ts', ...args],
      { env: { ...process.env, DATABASE_URL: databaseUrl } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
  t.deps.clientAddress = (c) => c.req.header('X-Test-Address');
  await new TestBrowser(t.app).post('/signup', { ...owner, orgName: 'Acme' }, { 'X-Test-Address': '198.51.100.1' });
});
afterEach(() => t.close());

const signIn = (address: string, password: string) =>
  new TestBrowser(t.app).post('/login', { email: owner.email, password }, { 'X-Test-Address': address });

describe('npm run account:unlock', () => {
  it('clears the counters of a locked account, so its owner signs in from a new browser at once', async () => {
    for (let i = 0; i < limits.account.max; i++) await signIn(`192.0.2.${i}`, 'wrong password guess');
    expect((await signIn('198.51.100.1', owner.password)).status).toBe(429);

    const counters = (await t.db.select().from(loginThrottle)).filter((r) => r.account === owner.email).length;
    expect(counters).toBeGreaterThan(limits.account.max);
    const result = await run(t.url, 'Olivia@Example.com');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Unlocked ${owner.email}: ${counters} sign-in counters cleared`);
    const left = await t.db.select().from(loginThrottle);
    expect(left.every((r) => r.account === null)).toBe(true);
    expect((await signIn('198.51.100.1', owner.password)).status).toBe(303);
  }, 30_000);

  it('says so when the email has no account, or none was given', async () => {
    expect(await unlockAccount(t.db, 'nobody@example.com')).toEqual({
      ok: false,
      message: 'No account has the email nobody@example.com.',
    });
    expect(await unlockAccount(t.db, ' ')).toEqual({ ok: false, message: 'Usage: npm run account:unlock -- <email>' });
  });
});
