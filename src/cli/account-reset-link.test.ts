import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/support/app';
import { TestBrowser } from '../../test/support/client';
import { formatSigningKeys } from '../auth/keys';
import { userOfResetToken } from '../auth/password-reset';
import { resetLinkFor } from './account-reset-link';

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
const owner = { name: 'Olivia Owner', email: 'olivia@example.com', password: 'a long enough passphrase' };

function run(env: Record<string, string>, ...args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(
      tsx,
      ['src/cli/account-reset-link.ts', ...args],
      { env: { ...process.env, ...env } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
  await new TestBrowser(t.app).post('/signup', { ...owner, orgName: 'Acme' });
});
afterEach(() => t.close());

const linkIn = (text: string) => text.match(/https?:\/\/\S+\/password\/reset\/\S+/)?.[0] ?? '';

describe('npm run account:reset-link', () => {
  it('prints a link on PUBLIC_URL signed with the server’s keys', async () => {
    const result = await run(
      {
        DATABASE_URL: t.url,
        SIGNING_KEYS: formatSigningKeys(t.deps.keys.all),
        PUBLIC_URL: 'https://tests.example.com/',
      },
      'Olivia@Example.com',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`set a new password for ${owner.email}`);
    const link = linkIn(result.stdout);
    expect(link).toMatch(/^https:\/\/tests\.example\.com\/password\/reset\/[\w-]+\.[\w-]+\.[\w-]+$/);
    // The command signs with the real clock; the server checks it the same way.
    const user = await userOfResetToken({ ...t.deps, clock: Date.now }, link.split('/').pop() ?? '');
    expect(user?.email).toBe(owner.email);
  }, 30_000);

  it('gives a link that sets a new password once, after which the old one and the link stop working', async () => {
    const outcome = await resetLinkFor(
      { db: t.db, keys: t.deps.keys, origin: 'http://localhost:3000', now: t.clock.read() },
      owner.email,
    );
    expect(outcome.ok).toBe(true);
    const path = new URL(linkIn(outcome.message)).pathname;
    const browser = new TestBrowser(t.app);
    const form = await browser.get(path);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain(owner.email);
    expect((await browser.post(path, { password: 'a brand new passphrase' })).status).toBe(303);
    expect((await new TestBrowser(t.app).get(path)).status).toBe(404);
    const signIn = (password: string) => new TestBrowser(t.app).post('/login', { email: owner.email, password });
    expect((await signIn(owner.password)).status).toBe(401);
    expect((await signIn('a brand new passphrase')).status).toBe(303);
  });

  it('says so when the email has no account, or none was given', async () => {
    const input = { db: t.db, keys: t.deps.keys, origin: 'http://localhost:3000', now: t.clock.read() };
    expect(await resetLinkFor(input, 'nobody@example.com')).toEqual({
      ok: false,
      message: 'No account has the email nobody@example.com.',
    });
    expect(await resetLinkFor(input, '')).toEqual({
      ok: false,
      message: 'Usage: npm run account:reset-link -- <email>',
    });
  });
});
