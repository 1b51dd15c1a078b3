/**
 * Requests that go wrong, as a person or a client would send them: a multipart body that does not
 * parse (to every route that takes a body, enumerated from the app itself, so a route added later
 * is covered too), and error pages that offer the way back that fits who is looking.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app';
import { TestBrowser } from '../support/client';
import { signUpOwner, signUpReviewer } from '../support/people';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(() => t.close());

/** Every concrete route that takes a body (middleware entries are ALL or end in a wildcard), once. */
function formRoutes(): { method: string; path: string }[] {
  const seen = new Map<string, { method: string; path: string }>();
  for (const r of t.app.routes) {
    if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) || r.path.includes('*')) continue;
    const path = r.path.replace(/:\w+(\{[^}]*\})?/g, 'abcdefghijklmnopqrstuv');
    seen.set(`${r.method} ${path}`, { method: r.method, path });
  }
  return [...seen.values()];
}

const sameOrigin = { Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' };
const htmx = { 'HX-Request': 'true', 'HX-Request-Type': 'partial' };

describe('a multipart body that does not parse', () => {
  it('gets 400 with a message on every route that takes a body, signed out, and logs no error', async () => {
    const routes = formRoutes();
    expect(routes.length, routes.map((r) => `${r.method} ${r.path}`).join('\n')).toBeGreaterThanOrEqual(20);
    const contentTypes = ['multipart/form-data', 'multipart/form-data; boundary=----x'];
    for (const { method, path } of routes) {
      for (const contentType of contentTypes) {
        for (const extra of [{}, htmx]) {
          const res = await t.app.request(path, {
            method,
            body: 'garbage',
            headers: { 'Content-Type': contentType, ...sameOrigin, ...extra },
          });
          const where = `${method} ${path} (${contentType}${'HX-Request' in extra ? ', htmx' : ''})`;
          expect(res.status, where).toBe(400);
          const body = await res.text();
          expect(body, where).toContain('This form could not be read');
          if (path.startsWith('/api/') || path.startsWith('/partners/'))
            expect(JSON.parse(body), where).toMatchObject({ type: 'about:blank', status: 400 });
          else if ('HX-Request' in extra) {
            expect(body, where).toContain('role="alert"');
            expect(body, where).not.toContain('<html');
          } else expect(body, where).toMatch(/^<!DOCTYPE html>[\s\S]*<h1>Bad request<\/h1>/);
        }
      }
    }
    // A path of the API that takes no body: whatever it is sent answers as problem details.
    const api = await t.app.request('/api/v1/assessments', {
      method: 'POST',
      body: 'garbage',
      headers: { 'Content-Type': 'multipart/form-data', Authorization: 'Bearer x' },
    });
    expect(api.status).toBe(400);
    expect(api.headers.get('content-type')).toBe('application/problem+json');
    expect(await api.json()).toMatchObject({ status: 400, detail: expect.stringContaining('could not be read') });
    expect(t.logs.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('leaves a well-formed multipart form working as before', async () => {
    const form = new FormData();
    form.set('name', 'Olivia Owner');
    form.set('email', 'olivia@example.com');
    form.set('password', 'a long enough passphrase');
    form.set('orgName', 'Acme');
    const res = await t.app.request('/signup', { method: 'POST', body: form, headers: sameOrigin });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/app');
  });
});

describe('error pages', () => {
  it('offer a visitor the start page and, when refused, signing in', async () => {
    const page = await (await t.app.request('/no-such-page')).text();
    expect(page).toContain('<a href="/login">Sign in</a>');
    expect(page).toContain('<a href="/">Back to the start page</a>');
    expect(page).not.toContain('Back to your workspace');
  });

  it("offer a member their workspace, not 'Sign in', on a 403 and a 404", async () => {
    await signUpOwner(t, 'olivia@example.com', 'Acme Hiring');
    const reviewer = await signUpReviewer(t);
    const refused = await reviewer.get('/app/assessments/new');
    expect(refused.status).toBe(403);
    const missing = await reviewer.get('/no-such-page');
    expect(missing.status).toBe(404);
    for (const page of [await refused.text(), await missing.text()]) {
      expect(page).toContain('<a href="/app">Back to your workspace</a>');
      expect(page).toContain('Acme Hiring');
      expect(page).toContain('Sign out');
      expect(page).not.toContain('Sign in');
    }
  });

  it('offer a signed-in person without an organization the start page', async () => {
    const person = new TestBrowser(t.app);
    await signUpOwner(t, 'olivia@example.com', 'Acme Hiring');
    expect(
      (
        await person.post('/signup', {
          name: 'Pat Person',
          email: 'pat@example.com',
          password: 'a long enough passphrase',
        })
      ).status,
    ).toBe(303);
    const res = await person.get('/app');
    expect(res.status).toBe(403);
    const page = await res.text();
    expect(page).toContain('<a href="/">Back to the start page</a>');
    expect(page).toContain('Sign out');
    expect(page).not.toContain('Sign in');
  });
});
