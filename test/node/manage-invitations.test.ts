import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAssessment } from '../../src/db/assessments';
import { attempts, invitations, memberships } from '../../src/db/schema';
import type { Settings } from '../../src/deps';
import { makeTestApp, type TestApp } from '../support/app';
import { importTestBank } from '../support/bank';
import { TestBrowser } from '../support/client';
import { defaultAssessment } from '../support/fixtures';
import { copiedLink } from '../support/invite-link';
import { signUpOwner, signUpReviewer } from '../support/people';

let t: TestApp;
let owner: TestBrowser;
let assessmentId: string;
let base: string;

async function setUp(settings: Partial<Settings> = {}) {
  t = await makeTestApp(settings);
  await importTestBank(t.db);
  owner = await signUpOwner(t, 'olivia@example.com', 'Acme Hiring');
  const [acme] = await t.db.select().from(memberships);
  assessmentId = await createAssessment(t.db, acme?.orgId ?? '', acme?.userId ?? null, defaultAssessment, t.clock.now);
  base = `/app/assessments/${assessmentId}/invitations`;
}
beforeEach(() => setUp());
afterEach(() => t.close());

const invitationRows = () => t.db.select().from(invitations).orderBy(invitations.candidateEmail);

async function inviteOne(body: Record<string, string> = {}) {
  const res = await owner.post(base, {
    name: 'Casey Candidate',
    email: 'Casey@Example.com',
    expiryDays: '7',
    extraMinutes: '0',
    ...body,
  });
  const [row] = await t.db
    .select()
    .from(invitations)
    .where(eq(invitations.candidateEmail, (body.email ?? 'casey@example.com').toLowerCase()));
  return { res, row };
}

/** The candidate's link as the manager copies it from the list. */
const linkOf = (invitationId: string) => copiedLink(owner, assessmentId, invitationId);

const tokenOf = (link: string) => link.split('/invite/')[1] ?? '';

describe('inviting one candidate', () => {
  it('creates the invitation, logs the link without an email service and lists it with a link to copy', async () => {
    const { res, row } = await inviteOne({ extraMinutes: '10' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${base}?done=invited&n=1&failed=0#inv-${row?.id}`);
    expect(row).toMatchObject({
      candidateName: 'Casey Candidate',
      candidateEmail: 'casey@example.com',
      status: 'invited',
      expiresAt: t.clock.now + 7 * 864e5,
      extraSeconds: 600,
      sentAt: t.clock.now,
    });
    const logged = t.logs.find((l) => l.msg.startsWith('email not sent (no email webhook'));
    expect(logged).toMatchObject({ to: 'casey@example.com' });
    expect(String(logged?.text)).toMatch(/http:\/\/localhost\/invite\/[\w.-]+/);

    const page = await owner.get(`${base}?done=invited&n=1&failed=0`);
    const html = await page.text();
    expect(html).toContain('1 invitation link created');
    expect(html).toContain('Email is not set up on this server');
    expect(html).toContain('Casey Candidate');
    expect(html).toContain('+10 minutes');
    const link = await linkOf(row?.id ?? '');
    expect(link).toMatch(/^http:\/\/localhost\/invite\//);
    expect(html).toContain(`readonly="" value="${link}"`);
    const landing = await new TestBrowser(t.app).get(`/invite/${tokenOf(link)}`);
    expect(await landing.text()).toContain('Hello Casey Candidate');
  });

  it('explains bad input and duplicates, and creates nothing for them', async () => {
    const bad = await owner.post(base, { name: '', email: 'nope', expiryDays: '0', extraMinutes: '-5' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Enter the candidate&#39;s name');
    expect(html).toContain('name@example.com');
    expect(html).toContain('from 1 to 90');
    expect(html).toContain('from 0 to 600');
    expect(await invitationRows()).toHaveLength(0);
    await inviteOne();
    const again = await owner.post(base, { name: 'Casey Again', email: 'CASEY@example.com' });
    expect(again.status).toBe(422);
    expect(await again.text()).toContain('casey@example.com is already invited to this assessment');
    expect(await invitationRows()).toHaveLength(1);
  });
});

describe('inviting many', () => {
  it('creates exactly the good pasted lines and reports each bad one by line number', async () => {
    await inviteOne({ email: 'taken@example.com', name: 'Already There' });
    const lines = [
      'Ada Lovelace, ada@example.com',
      'Grace Hopper <grace@example.com>',
      '',
      'nobody@example.com',
      'Bad Email, not-an-email',
      'Ada Again, ADA@example.com',
      'Alan Turing\talan@example.com',
      'Taken Person, taken@example.com',
    ].join('\n');
    const res = await owner.post(`${base}/bulk`, { lines, expiryDays: '3', extraMinutes: '5' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('3 people invited, 4 lines need attention.');
    expect(html).toContain('<strong>Line 4</strong>: the name is missing.');
    expect(html).toContain('<strong>Line 5</strong>: &quot;not-an-email&quot; is not an email address.');
    expect(html).toContain('<strong>Line 6</strong>: ada@example.com appears twice in the list (also on Line 1).');
    expect(html).toContain('<strong>Line 8</strong>: taken@example.com is already invited to this assessment.');
    // Only the lines to fix are left in the box.
    expect(/<textarea id="f-lines"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)?.[1]).toBe(
      'nobody@example.com\nBad Email, not-an-email\nAda Again, ADA@example.com\nTaken Person, taken@example.com',
    );
    const rows = await invitationRows();
    expect(rows.map((r) => [r.candidateName, r.candidateEmail])).toEqual([
      ['Ada Lovelace', 'ada@example.com'],
      ['Alan Turing', 'alan@example.com'],
      ['Grace Hopper', 'grace@example.com'],
      ['Already There', 'taken@example.com'],
    ]);
    const ada = rows[0];
    expect(ada).toMatchObject({ expiresAt: t.clock.now + 3 * 864e5, extraSeconds: 300 });
  });

  it('reads an uploaded CSV with a header, quoted names and per-row extra time', async () => {
    const csv = [
      'name,email,extra_minutes',
      '"Lovelace, Ada",ada@example.com,15',
      'Bob Builder,bob@example.com,',
      'Broken Row,broken@,',
      'Too Much,much@example.com,9999',
    ].join('\r\n');
    const body = new FormData();
    body.set('lines', '');
    body.set('expiryDays', '7');
    body.set('extraMinutes', '0');
    body.set('csv', new File([csv], 'candidates.csv', { type: 'text/csv' }));
    const res = await owner.request(`${base}/bulk`, {
      method: 'POST',
      body,
      headers: { Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('2 people invited, 2 lines need attention.');
    expect(html).toContain('<strong>CSV line 4</strong>: &quot;broken@&quot; is not an email address.');
    expect(html).toContain('<strong>CSV line 5</strong>: extra minutes must be a whole number from 0 to 600');
    expect((await invitationRows()).map((r) => [r.candidateName, r.candidateEmail, r.extraSeconds])).toEqual([
      ['Lovelace, Ada', 'ada@example.com', 900],
      ['Bob Builder', 'bob@example.com', 0],
    ]);
  });

  it('redirects with a summary when every line is good, and refuses an empty list', async () => {
    const res = await owner.post(`${base}/bulk`, { lines: 'Ada, ada@example.com\nBob, bob@example.com' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${base}?done=invited&n=2&failed=0`);
    expect(await (await owner.get(res.headers.get('location') ?? '')).text()).toContain('2 invitation links created');
    const empty = await owner.post(`${base}/bulk`, { lines: '  ' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Paste at least one line');
    expect(await invitationRows()).toHaveLength(2);
  });
});

describe('managing an invitation', () => {
  it('revokes: the candidate then sees that the invitation was withdrawn', async () => {
    const { row } = await inviteOne();
    const link = await linkOf(row?.id ?? '');
    const res = await owner.post(`/app/invitations/${row?.id}/revoke`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${base}?done=revoked#inv-${row?.id}`);
    expect((await invitationRows())[0]).toMatchObject({ status: 'revoked', revokedAt: t.clock.now });
    expect(await (await new TestBrowser(t.app).get(`/invite/${tokenOf(link)}`)).text()).toContain('withdrawn');
    expect((await owner.post(`/app/invitations/${row?.id}/revoke`)).status).toBe(409);
    // A revoked address may be invited again.
    expect((await inviteOne({ name: 'Casey Again' })).res.status).toBe(303);
  });

  it('resends an expired invitation with a new link and a new expiry', async () => {
    const { row } = await inviteOne();
    t.clock.advance(8 * 864e5);
    const html = await (await owner.get(base)).text();
    expect(html).toContain('Expired');
    expect(html).not.toContain('data-copy=');
    const res = await owner.post(`/app/invitations/${row?.id}/resend`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${base}?done=resent&failed=0#inv-${row?.id}`);
    const [after] = await invitationRows();
    expect(after).toMatchObject({ sentAt: t.clock.now, expiresAt: t.clock.now + 7 * 864e5, status: 'invited' });
    const link = await linkOf(row?.id ?? '');
    const landing = await (await new TestBrowser(t.app).get(`/invite/${tokenOf(link)}`)).text();
    expect(landing).toContain('Hello Casey Candidate');
    expect(landing).not.toContain('has expired');
    const emails = t.logs.filter((l) => l.msg.startsWith('email not sent (no email webhook'));
    expect(emails).toHaveLength(2);
    expect(emails[1]?.text).not.toBe(emails[0]?.text);
  });

  it('retires the old link on resend: it is refused with a clear page, the new one starts and resumes the attempt', async () => {
    const { row } = await inviteOne();
    const oldLink = await linkOf(row?.id ?? '');
    const candidate = new TestBrowser(t.app);
    expect((await candidate.get(`/invite/${tokenOf(oldLink)}`)).status).toBe(200);

    expect((await owner.post(`/app/invitations/${row?.id}/resend`, {})).status).toBe(303);
    const newLink = await linkOf(row?.id ?? '');
    expect(newLink).not.toBe(oldLink);
    const emails = t.logs.filter((l) => l.msg.startsWith('email not sent (no email webhook'));
    expect(String(emails.at(-1)?.text)).toContain(newLink);

    // The old link, opened or pressed: a page that says why, and nothing starts.
    const opened = await candidate.get(`/invite/${tokenOf(oldLink)}`);
    expect(opened.status).toBe(410);
    const replacedPage = await opened.text();
    expect(replacedPage).toContain('A newer invitation link was sent to you');
    expect(replacedPage).toMatch(/<h1[^>]*>No longer available<\/h1>/u);
    expect((await candidate.post(`/invite/${tokenOf(oldLink)}`)).status).toBe(410);
    expect(await t.db.select().from(attempts)).toHaveLength(0);

    // The new link starts the attempt; the candidate's browser keeps reaching it.
    const start = await candidate.post(`/invite/${tokenOf(newLink)}`);
    expect(start.status).toBe(303);
    const attemptPath = start.headers.get('location') ?? '';
    expect(attemptPath).toMatch(/^\/attempts\/[\w-]{22}$/);
    expect((await candidate.get(attemptPath)).status).toBe(200);
    expect((await owner.post(`/app/invitations/${row?.id}/resend`, {})).status).toBe(409);
    const resumed = await candidate.post(`/invite/${tokenOf(newLink)}`);
    expect(resumed.headers.get('location')).toBe(attemptPath);
    // Someone holding only the old link gets neither the attempt nor its cookie.
    const stranger = new TestBrowser(t.app);
    expect((await stranger.post(`/invite/${tokenOf(oldLink)}`)).status).toBe(410);
    expect((await stranger.get(attemptPath)).status).not.toBe(200);
  });

  it('gives extra time that the started attempt deadline includes, and freezes it after the start', async () => {
    const { row } = await inviteOne();
    const bad = await owner.post(`/app/invitations/${row?.id}/extra-time`, { extraMinutes: 'lots' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('was not saved');
    const res = await owner.post(`/app/invitations/${row?.id}/extra-time`, { extraMinutes: '15' });
    expect(res.status).toBe(303);
    expect((await invitationRows())[0]?.extraSeconds).toBe(900);

    const link = await linkOf(row?.id ?? '');
    const start = await new TestBrowser(t.app).post(`/invite/${tokenOf(link)}`);
    expect(start.status).toBe(303);
    const [attempt] = await t.db.select().from(attempts);
    expect(attempt?.deadlineAt).toBe(t.clock.now + (20 + 15) * 60_000);

    const late = await owner.post(`/app/invitations/${row?.id}/extra-time`, { extraMinutes: '30' });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain('already started');
    expect((await invitationRows())[0]?.extraSeconds).toBe(900);
    expect((await owner.post(`/app/invitations/${row?.id}/revoke`)).status).toBe(409);
  });
});

describe('email through a webhook', () => {
  let server: Server;
  let received: { body: Record<string, string>; contentType: string | undefined }[];

  beforeEach(async () => {
    received = [];
    server = createServer((req, res) => {
      let data = '';
      req.on('data', (chunk) => {
        data += chunk;
      });
      req.on('end', () => {
        const body = JSON.parse(data) as Record<string, string>;
        received.push({ body, contentType: req.headers['content-type'] });
        res.statusCode = body.to?.startsWith('bounce') ? 500 : 202;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t.close();
    await setUp({ emailWebhookUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/send` });
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts {to, subject, text, html} with the link, and records a failure without crashing', async () => {
    const { res, row } = await inviteOne({ extraMinutes: '10' });
    expect(res.status).toBe(303);
    expect(received).toHaveLength(1);
    const mail = received[0];
    expect(mail?.contentType).toBe('application/json');
    expect(Object.keys(mail?.body ?? {}).sort()).toEqual(['html', 'subject', 'text', 'to']);
    expect(mail?.body.to).toBe('casey@example.com');
    expect(mail?.body.subject).toBe('Acme Hiring invites you to take "Backend screening"');
    const link = await linkOf(row?.id ?? '');
    for (const part of ['Hello Casey Candidate', 'Olivia Owner at Acme Hiring', '12 questions, 30 minutes', link])
      expect(mail?.body.text).toContain(part);
    expect(mail?.body.html).toContain(`<a href="${link}">`);
    expect(row?.sentAt).toBe(t.clock.now);

    const page = await (await owner.get(`${base}?done=invited&n=1&failed=0`)).text();
    expect(page).toContain('1 candidate invited by email.');
    expect(page).not.toContain('Email is not set up');

    const bounced = await inviteOne({ name: 'Bounce Person', email: 'bounce@example.com' });
    expect(bounced.res.headers.get('location')).toContain('failed=1');
    expect(bounced.row?.sentAt).toBeNull();
    const warned = await (await owner.get(bounced.res.headers.get('location') ?? '')).text();
    expect(warned).toContain('1 email could not be sent');
    expect(warned).toContain('Not sent');
    expect(t.logs.find((l) => l.msg === 'email not sent')).toMatchObject({
      to: 'bounce@example.com',
      error: 'the email service answered 500',
    });
  });

  it('stops trying after the first failures of a dead email service, and still creates every invitation', async () => {
    const lines = Array.from({ length: 12 }, (_, i) => `Bounce ${i}, bounce${i}@example.com`).join('\n');
    const res = await owner.post(`${base}/bulk`, { lines });
    expect(res.headers.get('location')).toBe(`${base}?done=invited&n=12&failed=12`);
    expect(received.length).toBeGreaterThanOrEqual(3);
    expect(received.length).toBeLessThanOrEqual(6);
    const rows = await invitationRows();
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.sentAt === null)).toBe(true);
  });
});

describe('who may do what', () => {
  it('lets a reviewer see the list and statuses, but no candidate link, and change nothing', async () => {
    const { row } = await inviteOne();
    const rita = await signUpReviewer(t);
    const page = await rita.get(base);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Casey Candidate');
    expect(html).toContain('Invited');
    expect(html).not.toContain('Invite one candidate');
    expect(html).not.toContain('Revoke invitation');
    // The link would let a reviewer start or continue the candidate's test as the candidate.
    expect(html).not.toContain('/invite/');
    expect(html).not.toContain('data-copy=');
    expect(await linkOf(row?.id ?? '')).toContain('/invite/');
    const changes = [
      rita.post(base, { name: 'Eve', email: 'eve@example.com' }),
      rita.post(`${base}/bulk`, { lines: 'Eve, eve@example.com' }),
      rita.post(`/app/invitations/${row?.id}/revoke`),
      rita.post(`/app/invitations/${row?.id}/resend`),
      rita.post(`/app/invitations/${row?.id}/extra-time`, { extraMinutes: '30' }),
    ];
    for (const res of await Promise.all(changes)) expect(res.status).toBe(403);
    expect(await invitationRows()).toMatchObject([
      { candidateEmail: 'casey@example.com', status: 'invited', extraSeconds: 0 },
    ]);
  });

  it("answers 404 for another organization's assessment and invitations", async () => {
    const { row } = await inviteOne();
    const other = await signUpOwner(t, 'mallory@example.com', 'Other Corp');
    for (const res of [
      await other.get(base),
      await other.post(base, { name: 'Eve', email: 'eve@example.com' }),
      await other.post(`${base}/bulk`, { lines: 'Eve, eve@example.com' }),
      await other.get(`/app/invitations/${row?.id}`),
      await other.post(`/app/invitations/${row?.id}/revoke`),
      await other.post(`/app/invitations/${row?.id}/resend`),
      await other.post(`/app/invitations/${row?.id}/extra-time`, { extraMinutes: '30' }),
    ])
      expect(res.status).toBe(404);
    expect(await invitationRows()).toMatchObject([{ status: 'invited', extraSeconds: 0 }]);
  });

  it('refuses invitations to an archived assessment', async () => {
    await owner.post(`/app/assessments/${assessmentId}/archive`);
    const res = await owner.post(base, { name: 'Eve', email: 'eve@example.com' });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('archived');
    expect(await invitationRows()).toHaveLength(0);
  });
});
