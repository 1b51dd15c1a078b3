import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { organizations, skillAreas, users } from '../../src/db/schema';
import { formPost, makeTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(() => t.close());

describe('foundation', () => {
  it('reports a reachable database on /healthz, and 503 once it is gone', async () => {
    const ok = await t.app.request('/healthz');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ database: 'reachable' });
    t.client.close();
    const down = await t.app.request('/healthz');
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ database: 'unreachable' });
  });

  it('renders the landing page from the database, with the security headers', async () => {
    await t.db.insert(skillAreas).values({ id: 'x', title: 'Marker Area 42', summary: 's', topics: [], updatedAt: 1 });
    const res = await t.app.request('/');
    const html = await res.text();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('Marker Area 42');
    const csp = res.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('uses a fresh nonce on every response', async () => {
    const a = (await t.app.request('/')).headers.get('content-security-policy');
    const b = (await t.app.request('/')).headers.get('content-security-policy');
    expect(a).not.toBe(b);
  });

  it('answers errors as a page, a fragment for htmx, problem details (RFC 9457) for the API', async () => {
    const page = await t.app.request('/nowhere');
    expect(page.status).toBe(404);
    expect(await page.text()).toMatch(/<html[\s\S]*There is nothing at this address/);
    const fragment = await t.app.request('/nowhere', {
      headers: { 'HX-Request': 'true', 'HX-Request-Type': 'partial' },
    });
    const body = await fragment.text();
    expect(fragment.status).toBe(404);
    expect(body).not.toContain('<html');
    expect(body).toContain('role="alert"');
    const api = await t.app.request('/api/nowhere');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toBe('application/problem+json');
    expect(await api.json()).toMatchObject({ type: 'about:blank', title: 'Not Found', status: 404 });
  });

  it('refuses a cross-site form post with a page that says what to do', async () => {
    const res = await t.app.request(
      '/logout',
      formPost({}, { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }),
    );
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('reload the page and try again');
  });

  it('refuses bodies over the limit with 413', async () => {
    const big = 'a='.concat('x'.repeat(1024 * 1024 + 10));
    const res = await t.app.request('/logout', formPost({}, {}), undefined);
    expect(res.status).not.toBe(413);
    const tooBig = await t.app.request('/logout', { ...formPost({}), body: big });
    expect(tooBig.status).toBe(413);
  });

  it('never leaks a stack trace', async () => {
    t.app.get('/boom', () => {
      throw new Error('secret internals at /srv/app.ts:12');
    });
    const res = await t.app.request('/boom');
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(body).not.toContain('secret internals');
    expect(body).not.toContain('app.ts');
    expect(t.logs.some((l) => l.level === 'error' && String(l.error).includes('secret internals'))).toBe(true);
  });
});

describe('embedded database settings', () => {
  it('keep WAL, NORMAL sync, a busy timeout and foreign keys after batches and many statements', async () => {
    await t.db.batch([
      t.db.insert(organizations).values({ id: 'o1', name: 'Org' }),
      t.db.insert(users).values({ id: 'u1', email: 'a@example.com', name: 'A', passwordHash: 'x' }),
    ]);
    for (let i = 0; i < 20; i++) await t.db.run(sql`select ${i}`);
    const pragma = async (name: string) => Object.values((await t.client.execute(`PRAGMA ${name}`)).rows[0] ?? {})[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(1);
    expect(await pragma('busy_timeout')).toBe(5000);
    expect(await pragma('foreign_keys')).toBe(1);
  });

  it('rolls back a whole batch when one statement fails', async () => {
    await expect(
      t.db.batch([
        t.db.insert(organizations).values({ id: 'o2', name: 'Kept?' }),
        t.db.insert(organizations).values({ id: 'o2', name: 'Duplicate key' }),
      ]),
    ).rejects.toThrow();
    expect(await t.db.select().from(organizations)).toEqual([]);
  });
});
