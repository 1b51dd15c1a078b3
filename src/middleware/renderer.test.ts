import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { permissionsOf } from '../auth/permissions';
import type { ManageEnv, Member } from './auth';
import { pageRenderer } from './renderer';
import { securityHeaders } from './security';

const member: Member = {
  user: { id: 'u1', name: 'Dana <Owner>', email: 'dana@example.com' } as Member['user'],
  orgId: 'o1',
  orgName: 'Acme Hiring',
  role: 'reviewer',
  permissions: permissionsOf('reviewer'),
  memberships: [
    { orgId: 'o1', orgName: 'Acme Hiring', role: 'reviewer' },
    { orgId: 'o2', orgName: 'Beta Labs', role: 'owner' },
  ],
};

/** The app's page pipeline: security headers (the nonce), the renderer, pages that say only what they are. */
function pagesApp() {
  const app = new Hono<ManageEnv>();
  app.use(securityHeaders());
  app.use(pageRenderer());
  app.get('/public', (c) => c.render('<p>hello</p>', { title: 'Hello', user: { name: 'Ada' } }));
  app.get('/test', (c) => {
    c.status(409);
    return c.render('question', { title: 'Question 1 · Test', bare: true, scripts: ['/static/attempt.js'] });
  });
  app.get('/app/team', (c) => {
    c.set('member', member);
    return c.render('members', { title: 'Team', workspace: 'team' });
  });
  app.get('/app/forgot', (c) => c.render('members', { title: 'Team', workspace: 'team' }));
  app.get('/app/fragment', (c) => c.html('<tr>row</tr>'));
  app.onError((_, c) => c.text('Something went wrong', 500));
  return app;
}

const nonceOf = (res: Response) => /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];

describe('the page renderer', () => {
  it("wraps a page in the layout with the request's nonce, its title and the visitor", async () => {
    const res = await pagesApp().request('/public');
    const html = await res.text();
    expect(html.startsWith('<!DOCTYPE html><html lang="en">')).toBe(true);
    expect(html).toContain('<title>Hello · Skillcheck</title>');
    expect(html).toContain(`<script src="/static/app.js" nonce="${nonceOf(res)}" defer=""></script>`);
    expect(html).toContain('<a href="/me">My results</a>');
    expect(html).toContain('<main id="main" tabindex="-1">&lt;p&gt;hello&lt;/p&gt;</main>');
  });

  it("keeps the route's status, drops the site navigation and loads the page's modules with the nonce", async () => {
    const res = await pagesApp().request('/test');
    const html = await res.text();
    expect(res.status).toBe(409);
    expect(html).toContain(`<script type="module" src="/static/attempt.js" nonce="${nonceOf(res)}"></script>`);
    expect(html).not.toContain('<nav aria-label="Main">');
  });

  it('gives a workspace page the bar of the member requireMember resolved, and no role names but theirs', async () => {
    const html = await (await pagesApp().request('/app/team')).text();
    expect(html).toContain('<a href="/app/team" aria-current="page">Team</a>');
    expect(html).toContain('<a href="/app">Acme Hiring</a>');
    expect(html).toContain('<option value="o2">Beta Labs (owner)</option>');
    // A reviewer may not manage API keys: no link to them.
    expect(html).not.toContain('/app/settings/api-keys');
  });

  it('refuses to render a workspace page without a member, rather than an empty bar', async () => {
    const res = await pagesApp().request('/app/forgot');
    expect(res.status).toBe(500);
  });

  it('leaves htmx fragments unwrapped', async () => {
    expect(await (await pagesApp().request('/app/fragment')).text()).toBe('<tr>row</tr>');
  });
});
