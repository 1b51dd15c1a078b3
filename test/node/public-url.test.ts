import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema';
import { makeTestApp, type TestApp } from '../support/app';
import { TestBrowser } from '../support/client';

// PUBLIC_URL as people write it, with a trailing slash; browsers send Origin without one.
const publicUrl = 'https://tests.example.com/';
// A browser that sends Origin but no Sec-Fetch-Site (Safari before 16.4): Origin alone decides.
const sameSite = { Origin: 'https://tests.example.com', 'Sec-Fetch-Site': '' };

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ publicUrl });
});
afterEach(() => t.close());

describe('a PUBLIC_URL with a trailing slash', () => {
  it('accepts the forms its own pages post, and still refuses another site', async () => {
    const body = {
      name: 'Olivia Owner',
      email: 'olivia@example.com',
      password: 'a long enough passphrase',
      orgName: 'Acme',
    };
    const other = await new TestBrowser(t.app).post('/signup', body, {
      Origin: 'https://evil.example',
      'Sec-Fetch-Site': 'cross-site',
    });
    expect(other.status).toBe(403);
    const own = await new TestBrowser(t.app).post('/signup', body, sameSite);
    expect(own.status).toBe(303);
    expect(await t.db.select().from(users)).toHaveLength(1);
  });

  it('builds links with one slash', async () => {
    const owner = new TestBrowser(t.app);
    const body = {
      name: 'Olivia Owner',
      email: 'olivia@example.com',
      password: 'a long enough passphrase',
      orgName: 'Acme',
    };
    expect((await owner.post('/signup', body, sameSite)).status).toBe(303);
    const invited = await owner.post('/app/team/invites', { email: 'ada@example.com', role: 'admin' }, sameSite);
    expect(invited.status).toBe(303);
    const page = await (await owner.get(invited.headers.get('location') ?? '')).text();
    expect(page).toMatch(/value="https:\/\/tests\.example\.com\/team\/join\/[\w.-]+"/);
    expect(page).not.toContain('tests.example.com//');
  });
});
