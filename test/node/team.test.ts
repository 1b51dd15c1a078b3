import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memberships, teamInvites } from '../../src/db/schema';
import { acceptTeamInvite } from '../../src/db/team';
import { makeTestApp, type TestApp } from '../support/app';
import { TestBrowser } from '../support/client';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(() => t.close());

const password = 'a long enough passphrase';

async function signUp(email: string, name: string, orgName = '', next = '') {
  const browser = new TestBrowser(t.app);
  const res = await browser.post('/signup', { name, email, password, orgName, next });
  expect(res.status).toBe(303);
  return { browser, location: res.headers.get('location') ?? '' };
}

/** Invites by the team page form, as a person would, and returns the link shown to copy. */
async function invite(browser: TestBrowser, email: string, role: string) {
  const res = await browser.post('/app/team/invites', { email, role });
  expect(res.status).toBe(303);
  const page = await browser.get(res.headers.get('location') ?? '');
  const html = await page.text();
  const link = html.match(/value="(http:\/\/localhost\/team\/join\/[\w.-]+)"/)?.[1];
  expect(link, html).toBeDefined();
  return new URL(link as string).pathname;
}

async function membershipsOf(orgName: string) {
  return t.client
    .execute({
      sql: 'select u.email, m.role from memberships m join users u on u.id = m.user_id join organizations o on o.id = m.org_id where o.name = ? order by u.email',
      args: [orgName],
    })
    .then((r) => r.rows.map((row) => `${row.email}:${row.role}`));
}

describe('inviting a colleague by link', () => {
  it('walks from the invite form through sign-up to a membership in the new organization', async () => {
    const { browser: owner } = await signUp('olivia@example.com', 'Olivia Owner', 'Acme Hiring');
    const path = await invite(owner, 'Ada@Example.com', 'admin');
    // No mail service configured: the link is logged (and shown to copy).
    expect(t.logs.some((l) => l.to === 'ada@example.com' && String(l.text).includes(`http://localhost${path}`))).toBe(
      true,
    );
    const team = await (await owner.get('/app/team')).text();
    expect(team).toContain('ada@example.com');
    expect(team).toContain('data-copy="http://localhost/team/join/');
    // Without JavaScript, "Show" opens the same link in a box to copy by hand.
    const show = team.match(/href="(\/app\/team\?invited=[\w-]+)"/)?.[1] ?? '';
    expect(await (await owner.get(show)).text()).toContain('Invitation ready for ada@example.com');

    // Ada opens the link signed out: who, where, which role, and a way in that comes back here.
    const ada = new TestBrowser(t.app);
    const landing = await ada.get(path);
    expect(landing.status).toBe(200);
    expect(landing.headers.get('cache-control')).toBe('no-store');
    const html = await landing.text();
    expect(html).toContain('Olivia Owner');
    expect(html).toContain('Acme Hiring');
    expect(html).toContain('as <strong>Admin</strong>');
    const back = encodeURIComponent(path);
    // Both ways in come back here with the invited address filled in.
    expect(html).toContain(`href="/signup?next=${back}&amp;email=ada%40example.com"`);
    expect(html).toContain(`href="/login?next=${back}&amp;email=ada%40example.com"`);
    // A GET never accepts (mail scanners open links).
    expect(await membershipsOf('Acme Hiring')).toEqual(['olivia@example.com:owner']);

    // The sign-up form carries next and the invited address, asks for no organization (Ada joins
    // one), and lands back on the invitation.
    const form = await (await ada.get(`/signup?next=${back}&email=ada%40example.com`)).text();
    expect(form).toContain(`name="next" value="${path}"`);
    expect(form).toContain('name="email" type="email" value="ada@example.com"');
    expect(form).not.toContain('name="orgName"');
    expect(await (await ada.get(`/login?next=${back}&email=ada%40example.com`)).text()).toContain(
      'name="email" type="email" value="ada@example.com"',
    );
    const signup = await ada.post('/signup', { name: 'Ada Admin', email: 'ada@example.com', password, next: path });
    expect(signup.headers.get('location')).toBe(path);
    expect(await (await ada.get(path)).text()).toContain('Accept and join Acme Hiring');

    const accepted = await ada.post(path);
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe('/app');
    expect(await membershipsOf('Acme Hiring')).toEqual(['ada@example.com:admin', 'olivia@example.com:owner']);
    const [row] = await t.db.select().from(teamInvites);
    expect(row?.acceptedAt).toBe(t.clock.now);
    expect(await (await ada.get('/app')).text()).toContain('Acme Hiring');

    // Pressing accept again (back button, second tab) adds nothing and just opens the workspace.
    expect((await ada.post(path)).headers.get('location')).toBe('/app');
    expect(await membershipsOf('Acme Hiring')).toHaveLength(2);
    // Nobody else can use the spent link.
    const { browser: other } = await signUp('zed@example.com', 'Zed');
    const used = await other.get(path);
    expect(used.status).toBe(410);
    expect(await used.text()).toContain('already been used');
    expect((await other.post(path)).status).toBe(410);
    expect(await membershipsOf('Acme Hiring')).toHaveLength(2);
  });

  it('says when the link could not be mailed, and still shows it', async () => {
    t.deps.settings.emailWebhookUrl = 'http://127.0.0.1:9/unreachable';
    const { browser: owner } = await signUp('olivia@example.com', 'Olivia Owner', 'Acme Hiring');
    const res = await owner.post('/app/team/invites', { email: 'ada@example.com', role: 'admin' });
    expect(res.headers.get('location')).toMatch(/^\/app\/team\?invited=[\w-]+&mail=failed$/);
    const html = await (await owner.get(res.headers.get('location') ?? '')).text();
    expect(html).toContain('We could not email ada@example.com just now');
    expect(html).toContain('value="http://localhost/team/join/');
    expect(t.logs.some((l) => l.msg === 'email not sent' && l.to === 'ada@example.com')).toBe(true);
  });

  it('moves a member of several organizations into the one they just joined', async () => {
    const { browser: owner } = await signUp('olivia@example.com', 'Olivia Owner', 'Acme Hiring');
    const { browser: bob } = await signUp('bob@example.com', 'Bob Builder', 'Bob Corp');
    const path = await invite(owner, 'bob@example.com', 'reviewer');
    await bob.post(path);
    const app = await (await bob.get('/app/team')).text();
    expect(app).toContain('Acme Hiring (reviewer)');
    expect(app).toContain('Bob Corp (owner)');
    expect(app).toMatch(/<option value="[\w-]+" selected="">Acme Hiring \(reviewer\)/);
  });

  it('asks someone signed in with another address to switch accounts, and adds nothing', async () => {
    const { browser: owner } = await signUp('olivia@example.com', 'Olivia Owner', 'Acme Hiring');
    const path = await invite(owner, 'ada@example.com', 'reviewer');
    const { browser: zed } = await signUp('zed@example.com', 'Zed');
    const page = await zed.get(path);
    expect(page.status).toBe(403);
    const html = await page.text();
    expect(html).toContain('This invitation was sent to <strong>ada@example.com</strong>');
    expect(html).not.toContain('Accept and join');
    expect((await zed.post(path)).status).toBe(403);
    expect(await membershipsOf('Acme Hiring')).toEqual(['olivia@example.com:owner']);
  });

  it('sends signed-out accepts to sign in first', async () => {
    const { browser: owner } = await signUp('olivia@example.com', 'Olivia Owner', 'Acme Hiring');
    const path = await invite(owner, 'ada@example.com', 'reviewer');
    const res = await new TestBrowser(t.app).post(path);
    expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`);
  });

  it('explains tampered, revoked and expired links', async () => {
    const { browser: owner } = await signUp('olivia@example.com', 'Olivia Owner', 'Acme Hiring');
    const { browser: ada } = await signUp('ada@example.com', 'Ada');
    const revokedPath = await invite(owner, 'ada@example.com', 'admin');

    const tampered = await ada.get(`${revokedPath.slice(0, -3)}abc`);
    expect(tampered.status).toBe(404);
    expect(await tampered.text()).toContain('This invitation link is not valid');
    // A candidate invitation token is not a team invitation: audiences differ.
    expect((await ada.get('/team/join/not.a.token')).status).toBe(404);

    const [row] = await t.db.select().from(teamInvites);
    const revoke = await owner.post(`/app/team/invites/${row?.id}/revoke`);
    expect(revoke.headers.get('location')).toBe('/app/team?done=revoked');
    expect(await (await owner.get('/app/team?done=revoked')).text()).toContain('Invitation revoked');
    const revoked = await ada.get(revokedPath);
    expect(revoked.status).toBe(410);
    expect(await revoked.text()).toContain('withdrew this invitation');
    expect((await ada.post(revokedPath)).status).toBe(410);
    // Revoking twice says so.
    expect((await owner.post(`/app/team/invites/${row?.id}/revoke`)).status).toBe(409);

    const expiringPath = await invite(owner, 'ada@example.com', 'reviewer');
    t.clock.advance(7 * 24 * 3600 * 1000 + 1);
    const expired = await ada.get(expiringPath);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This invitation has expired');
    expect((await ada.post(expiringPath)).status).toBe(410);
    expect(await membershipsOf('Acme Hiring')).toEqual(['olivia@example.com:owner']);
    expect(await (await owner.get('/app/team')).text()).toContain('No pending invitations');
  });

  it('explains every bad invitation and creates nothing', async () => {
    const { browser: owner } = await signUp('olivia@example.com', 'Olivia Owner', 'Acme Hiring');
    const bad = await owner.post('/app/team/invites', { email: 'not an email', role: 'boss' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Enter an email address like name@example.com.');
    expect(html).toContain('Choose a role.');
    expect(html).toContain('value="not an email"');

    // One address per invitation: brackets or separators pasted along would make a mail header name several recipients.
    for (const email of ['<ada@example.com>', 'eve,ada@example.com']) {
      const several = await owner.post('/app/team/invites', { email, role: 'admin' });
      expect(several.status).toBe(422);
      expect(await several.text()).toContain('Enter an email address like name@example.com.');
    }
    expect(await t.db.select().from(teamInvites)).toHaveLength(0);

    const self = await owner.post('/app/team/invites', { email: 'OLIVIA@example.com', role: 'admin' });
    expect(self.status).toBe(422);
    expect(await self.text()).toContain('olivia@example.com is already a member of Acme Hiring');

    await invite(owner, 'ada@example.com', 'admin');
    const again = await owner.post('/app/team/invites', { email: 'ada@example.com', role: 'reviewer' });
    expect(again.status).toBe(422);
    expect(await again.text()).toContain('already has a pending invitation');
    expect(await t.db.select().from(teamInvites)).toHaveLength(1);
  });

  it('adds exactly one membership when two accepts race', async () => {
    const { browser: owner } = await signUp('olivia@example.com', 'Olivia Owner', 'Acme Hiring');
    await invite(owner, 'ada@example.com', 'admin');
    const { browser: ada } = await signUp('ada@example.com', 'Ada');
    const [row] = await t.db.select().from(teamInvites);
    const adaId = (await t.client.execute("select id from users where email = 'ada@example.com'")).rows[0]
      ?.id as string;
    const results = await Promise.all([1, 2, 3].map(() => acceptTeamInvite(t.db, row?.id ?? '', adaId, t.clock.now)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await membershipsOf('Acme Hiring')).toEqual(['ada@example.com:admin', 'olivia@example.com:owner']);
    expect((await ada.get('/app')).status).toBe(200);
  });
});

describe('roles on the team page', () => {
  /** Acme with an owner, an admin and a reviewer, each signed in in their own browser. */
  async function acme() {
    const { browser: owner } = await signUp('olivia@example.com', 'Olivia Owner', 'Acme Hiring');
    const join = async (email: string, name: string, role: string) => {
      const path = await invite(owner, email, role);
      const { browser } = await signUp(email, name, '', path);
      expect((await browser.post(path)).status).toBe(303);
      return browser;
    };
    const admin = await join('ada@example.com', 'Ada Admin', 'admin');
    const reviewer = await join('rex@example.com', 'Rex Reviewer', 'reviewer');
    const ids = Object.fromEntries(
      (await t.client.execute('select email, id from users')).rows.map((r) => [r.email as string, r.id as string]),
    );
    return { owner, admin, reviewer, ids };
  }

  it('shows reviewers the team and no way to change it', async () => {
    const { reviewer, ids } = await acme();
    await t.db.insert(teamInvites).values({
      id: 'pending-owner-invite',
      orgId: (await t.client.execute("select id from organizations where name = 'Acme Hiring'")).rows[0]?.id as string,
      email: 'next@example.com',
      role: 'owner',
      createdBy: ids['olivia@example.com'] as string,
      expiresAt: t.clock.now + 1000,
    });
    const page = await reviewer.get('/app/team');
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const text of ['Olivia Owner', 'Ada Admin', 'Rex Reviewer', 'next@example.com', 'Only owners and admins'])
      expect(html).toContain(text);
    for (const text of ['/team/join/', 'Create invitation link', '/revoke', '/role', '/remove'])
      expect(html).not.toContain(text);

    const before = await membershipsOf('Acme Hiring');
    expect((await reviewer.post('/app/team/invites', { email: 'x@example.com', role: 'reviewer' })).status).toBe(403);
    expect((await reviewer.post('/app/team/invites/pending-owner-invite/revoke')).status).toBe(403);
    expect((await reviewer.post(`/app/team/members/${ids['rex@example.com']}/role`, { role: 'owner' })).status).toBe(
      403,
    );
    expect((await reviewer.post(`/app/team/members/${ids['ada@example.com']}/remove`)).status).toBe(403);
    expect(await membershipsOf('Acme Hiring')).toEqual(before);
    expect(await t.db.select().from(teamInvites).where(eq(teamInvites.id, 'pending-owner-invite'))).toMatchObject([
      { revokedAt: null },
    ]);
  });

  it('lets admins invite reviewers and admins, and nothing more', async () => {
    const { owner, admin, ids } = await acme();
    const html = await (await admin.get('/app/team')).text();
    expect(html).toContain('value="admin"');
    expect(html).not.toContain('name="role" value="owner"');
    expect(html).not.toContain('/remove');
    const refused = await admin.post('/app/team/invites', { email: 'boss@example.com', role: 'owner' });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Only owners can invite owners.');
    await invite(admin, 'new@example.com', 'reviewer');
    // An owner's invitation for an owner: the admin sees it is pending, never its link.
    const ownerInvite = await invite(owner, 'boss@example.com', 'owner');
    const [row] = await t.db.select().from(teamInvites).where(eq(teamInvites.email, 'boss@example.com'));
    for (const path of ['/app/team', `/app/team?invited=${row?.id}`]) {
      const html = await (await admin.get(path)).text();
      expect(html).toContain('boss@example.com');
      expect(html).not.toContain(ownerInvite);
    }
    expect((await admin.post(`/app/team/invites/${row?.id}/revoke`)).status).toBe(403);
    expect((await admin.post(`/app/team/members/${ids['rex@example.com']}/role`, { role: 'admin' })).status).toBe(403);
    expect((await admin.post(`/app/team/members/${ids['rex@example.com']}/remove`)).status).toBe(403);
    expect(await membershipsOf('Acme Hiring')).toEqual([
      'ada@example.com:admin',
      'olivia@example.com:owner',
      'rex@example.com:reviewer',
    ]);
  });

  it('lets owners change roles and remove members, never leaving the organization without an owner', async () => {
    const { owner, admin, reviewer, ids } = await acme();
    const olivia = ids['olivia@example.com'] as string;
    const html = await (await owner.get('/app/team')).text();
    expect(html).toContain('The only owner: make someone else owner first.');

    const demoteSelf = await owner.post(`/app/team/members/${olivia}/role`, { role: 'admin' });
    expect(demoteSelf.status).toBe(409);
    expect(await demoteSelf.text()).toContain('Olivia Owner is the only owner');
    expect((await owner.post(`/app/team/members/${olivia}/remove`)).status).toBe(409);
    expect((await owner.post(`/app/team/members/${olivia}/role`, { role: 'chief' })).status).toBe(422);
    expect((await owner.post('/app/team/members/nobody/role', { role: 'admin' })).status).toBe(404);

    // Promote Rex to owner; now Olivia may step down, and Rex may remove Ada.
    expect((await owner.post(`/app/team/members/${ids['rex@example.com']}/role`, { role: 'owner' })).status).toBe(303);
    expect((await owner.post(`/app/team/members/${olivia}/role`, { role: 'admin' })).status).toBe(303);
    expect((await owner.post(`/app/team/members/${ids['ada@example.com']}/remove`)).status).toBe(403);
    const removed = await reviewer.post(`/app/team/members/${ids['ada@example.com']}/remove`);
    expect(removed.headers.get('location')).toBe('/app/team?done=removed');
    expect(await membershipsOf('Acme Hiring')).toEqual(['olivia@example.com:admin', 'rex@example.com:owner']);
    // Ada belongs nowhere now: the workspace tells her so instead of showing Acme's data.
    const adaApp = await admin.get('/app');
    expect(adaApp.status).toBe(403);
    expect(await adaApp.text()).not.toContain('Acme Hiring');
    // The last owner still cannot leave.
    expect((await reviewer.post(`/app/team/members/${ids['rex@example.com']}/remove`)).status).toBe(409);
    const rows = await t.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, ids['rex@example.com'] as string), eq(memberships.role, 'owner')));
    expect(rows).toHaveLength(1);
  });
});
