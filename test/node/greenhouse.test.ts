/**
 * The Greenhouse Assessment Partner contract, with this test playing Greenhouse: the requests are
 * the ones its documentation shows (developers.greenhouse.io/assessment.html: list_tests, send_test,
 * test_status, response_error, and the completion PATCH to the `url` of send_test), HTTP Basic
 * with the organization's key as the username and an empty password, and the answers are checked
 * against the shapes and rules documented there.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCredential } from '../../src/auth/partner-credential';
import { invitationToken } from '../../src/candidate/invitation-token';
import { createAssessment, setAssessmentStatus } from '../../src/db/assessments';
import { invitations, memberships, webhookOutbox } from '../../src/db/schema';
import { deliverDueMessages } from '../../src/webhooks/deliver';
import type { OutgoingRequest } from '../../src/webhooks/transport';
import { makeTestApp, type TestApp } from '../support/app';
import { importTestBank } from '../support/bank';
import { TestBrowser } from '../support/client';
import { defaultAssessment } from '../support/fixtures';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
  await importTestBank(t.db);
});
afterEach(() => t.close());

// biome-ignore lint/suspicious/noExplicitAny: the tests read JSON documents whose shape they assert
type Json = any;

/** An organization whose owner made a key in Settings, as they would before calling Greenhouse. */
async function organization(email: string, orgName: string, access: 'read' | 'write' = 'write') {
  const browser = new TestBrowser(t.app);
  await browser.post('/signup', { name: 'Grace Recruiter', email, password: 'a long enough passphrase', orgName });
  const page = await browser.post('/app/settings/api-keys', { name: 'Greenhouse', access });
  const key = /id="new-key" type="text" readonly="" value="(sck_[\w-]+)"/.exec(await page.text())?.[1] ?? '';
  const [m] = (await t.db.select().from(memberships)).slice(-1);
  const orgId = m?.orgId ?? '';
  const assessmentId = await createAssessment(t.db, orgId, m?.userId ?? '', defaultAssessment, t.clock.now);
  return { key, orgId, userId: m?.userId ?? '', assessmentId, browser };
}

/** "Greenhouse will append a : (colon) to the API token and then Base64 encode the resulting string." */
const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

const greenhouse = (key: string, path: string, init: { method?: string; body?: unknown } = {}) =>
  t.app.request(`/partners/greenhouse/${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: basic(key), 'Content-Type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });

/** send_test's request body, as the documentation's example has it. */
const sendTestBody = (
  partnerTestId: string,
  url = 'https://app.greenhouse.io/integrations/testing_partners/take_home_tests/12345',
) => ({
  partner_test_id: partnerTestId,
  candidate: {
    first_name: 'Harry',
    last_name: 'Potter',
    preferred_name: 'The Chosen One',
    resume_url: 'https://hogwarts.com/resume',
    phone_number: '123-456-7890',
    email: 'hpotter@hogwarts.edu',
    greenhouse_profile_url: 'https://app.greenhouse.io/people/17681532?application_id=26234709',
  },
  sent_by: 'grace@example.com',
  url,
});

const mails = () => t.logs.filter((l) => l.msg === 'email not sent (no email webhook configured)');

describe('authentication', () => {
  it('takes the key as the Basic username, and answers 401 without it or with a wrong one', async () => {
    const { key } = await organization('grace@example.com', 'Hogwarts Hiring');
    expect((await greenhouse(key, 'list_tests')).status).toBe(200);
    const none = await t.app.request('/partners/greenhouse/list_tests');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Basic');
    expect(none.headers.get('content-type')).toBe('application/problem+json');
    expect((await greenhouse(`${key}x`, 'list_tests')).status).toBe(401);
  });

  it('refuses a change a browser sends from another site, even with Basic credentials it cached', async () => {
    const { key, assessmentId } = await organization('grace@example.com', 'Hogwarts Hiring');
    const res = await t.app.request('/partners/greenhouse/send_test', {
      method: 'POST',
      headers: { Authorization: basic(key), 'Content-Type': 'text/plain', 'Sec-Fetch-Site': 'cross-site' },
      body: JSON.stringify(sendTestBody(assessmentId)),
    });
    expect(res.status).toBe(403);
    expect(await t.db.select().from(invitations)).toHaveLength(0);
  });
});

describe('list_tests', () => {
  it("lists the organization's assessments open to candidates, with partner_test_id and partner_test_name", async () => {
    const { key, orgId, userId, assessmentId } = await organization('grace@example.com', 'Hogwarts Hiring');
    const archived = await createAssessment(t.db, orgId, userId, { ...defaultAssessment, title: 'Old' }, t.clock.now);
    await setAssessmentStatus(t.db, orgId, archived, 'archived', t.clock.now);
    await createAssessment(
      t.db,
      orgId,
      userId,
      { ...defaultAssessment, title: 'Closed', closesAt: t.clock.now - 1 },
      t.clock.now,
    );
    await organization('other@example.com', 'Other Org');

    const res = await greenhouse(key, 'list_tests');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([{ partner_test_id: assessmentId, partner_test_name: 'Backend screening' }]);
  });
});

describe('send_test, test_status and the completion PATCH', () => {
  it('invites and emails the candidate, answers partner_interview_id, and reports the status until complete', async () => {
    const { key, assessmentId } = await organization('grace@example.com', 'Hogwarts Hiring');
    const sent = await greenhouse(key, 'send_test', { method: 'POST', body: sendTestBody(assessmentId) });
    expect(sent.status).toBe(200);
    const body: Json = await sent.json();
    expect(Object.keys(body)).toEqual(['partner_interview_id']);
    expect(typeof body.partner_interview_id).toBe('string');
    const id: string = body.partner_interview_id;

    const [row] = await t.db.select().from(invitations).where(eq(invitations.id, id));
    expect(row).toMatchObject({
      candidateName: 'Harry Potter',
      candidateEmail: 'hpotter@hogwarts.edu',
      source: 'greenhouse',
      partnerCallbackUrl: 'https://app.greenhouse.io/integrations/testing_partners/take_home_tests/12345',
      partnerCandidateUrl: 'https://app.greenhouse.io/people/17681532?application_id=26234709',
    });
    // The key is kept sealed, for the completion PATCH's Basic authentication, never in clear.
    expect(row?.partnerCredential).not.toContain(key.slice(4));
    expect(await openCredential(t.deps.keys, row?.partnerCredential ?? '')).toBe(key);
    // The Assessment Partner emails the test; sent_by names the member who sent it.
    expect(mails()).toHaveLength(1);
    expect(mails()[0]?.to).toBe('hpotter@hogwarts.edu');
    expect(String(mails()[0]?.text)).toContain('Grace Recruiter at Hogwarts Hiring invites you');

    const before: Json = await (await greenhouse(key, `test_status?partner_interview_id=${id}`)).json();
    expect(before).toMatchObject({ partner_status: 'invited', partner_profile_url: null, partner_score: null });

    // The candidate takes the test from the emailed link.
    const candidate = new TestBrowser(t.app);
    const start = await candidate.post(`/invite/${await invitationToken(t.deps, id, row?.expiresAt ?? 0)}`);
    const attemptId = start.headers.get('location')?.split('/').pop() ?? '';
    const during: Json = await (await greenhouse(key, `test_status?partner_interview_id=${id}`)).json();
    expect(during.partner_status).toBe('in_progress');
    expect(await t.db.select().from(webhookOutbox).where(eq(webhookOutbox.kind, 'greenhouse'))).toHaveLength(0);

    t.clock.advance(5 * 60_000);
    expect((await candidate.post(`/attempts/${attemptId}/finish`)).status).toBe(303);

    // Completion: one PATCH to the url Greenhouse gave, queued in the batch that finished the attempt.
    const patches = await t.db.select().from(webhookOutbox).where(eq(webhookOutbox.kind, 'greenhouse'));
    expect(patches).toHaveLength(1);
    expect(patches[0]).toMatchObject({ invitationId: id, targetUrl: row?.partnerCallbackUrl });
    // The delivery run sends it as documented: PATCH, no parameters, the key as the Basic username.
    const sentRequests: OutgoingRequest[] = [];
    t.deps.webhookTransport = {
      refusal: async () => null,
      send: async (request) => {
        sentRequests.push(request);
        return { status: 200, excerpt: '' };
      },
    };
    expect((await deliverDueMessages(t.deps)).delivered).toBe(1);
    expect(sentRequests).toEqual([
      {
        url: 'https://app.greenhouse.io/integrations/testing_partners/take_home_tests/12345',
        method: 'PATCH',
        headers: expect.objectContaining({ authorization: basic(key) }),
        body: '',
      },
    ]);
    expect((await deliverDueMessages(t.deps)).delivered).toBe(0);

    const after: Json = await (await greenhouse(key, `test_status?partner_interview_id=${id}`)).json();
    expect(after.partner_status).toBe('complete');
    expect(after.partner_profile_url).toBe(`http://localhost/app/attempts/${attemptId}`);
    expect(typeof after.partner_score).toBe('number');
    // "A non-nested object ... All of the values must be Javascript primitives."
    for (const value of Object.values(after.metadata)) expect(['string', 'number', 'boolean']).toContain(typeof value);
    expect(after.metadata).toMatchObject({ Passed: 'No', 'Time Used': '5 of 20 minutes' });
    expect(after.metadata.Score).toMatch(/^0% ± \d+$/);
  });

  it('answers a repeated send_test (same url) with the same partner_interview_id and sends one email', async () => {
    const { key, assessmentId } = await organization('grace@example.com', 'Hogwarts Hiring');
    const first: Json = await (
      await greenhouse(key, 'send_test', { method: 'POST', body: sendTestBody(assessmentId) })
    ).json();
    const again = await greenhouse(key, 'send_test', { method: 'POST', body: sendTestBody(assessmentId) });
    expect(again.status).toBe(200);
    expect(((await again.json()) as Json).partner_interview_id).toBe(first.partner_interview_id);
    expect(await t.db.select().from(invitations)).toHaveLength(1);
    expect(mails()).toHaveLength(1);
    // A second test for the same candidate (another url) is one person invited twice: refused.
    const twice = await greenhouse(key, 'send_test', {
      method: 'POST',
      body: sendTestBody(assessmentId, 'https://app.greenhouse.io/integrations/testing_partners/take_home_tests/999'),
    });
    expect(twice.status).toBe(422);
    expect(((await twice.json()) as Json).errors).toEqual([
      { field: '/candidate/email', detail: 'hpotter@hogwarts.edu is already invited to this assessment.' },
    ]);
  });

  it('refuses what it cannot act on: an unknown test, a callback off greenhouse.io, a read-only key', async () => {
    const { key, assessmentId } = await organization('grace@example.com', 'Hogwarts Hiring');
    const unknown = await greenhouse(key, 'send_test', { method: 'POST', body: sendTestBody('no-such-test') });
    expect(unknown.status).toBe(404);
    const elsewhere = await greenhouse(key, 'send_test', {
      method: 'POST',
      body: sendTestBody(assessmentId, 'https://attacker.example/collect'),
    });
    expect(elsewhere.status).toBe(422);
    expect(((await elsewhere.json()) as Json).errors.map((e: Json) => e.field)).toEqual(['/url']);
    const missing = await greenhouse(key, 'send_test', { method: 'POST', body: { partner_test_id: assessmentId } });
    expect(((await missing.json()) as Json).errors.map((e: Json) => e.field)).toEqual(['/candidate']);

    const reader = await organization('reader@example.com', 'Read Only Org', 'read');
    const refused = await greenhouse(reader.key, 'send_test', {
      method: 'POST',
      body: sendTestBody(reader.assessmentId),
    });
    expect(refused.status).toBe(403);
    expect(await t.db.select().from(invitations)).toHaveLength(0);
  });

  it("answers 404 for another organization's partner_interview_id and test, showing nothing of them", async () => {
    const a = await organization('grace@example.com', 'Hogwarts Hiring');
    const { partner_interview_id: id }: Json = await (
      await greenhouse(a.key, 'send_test', { method: 'POST', body: sendTestBody(a.assessmentId) })
    ).json();
    const b = await organization('other@example.com', 'Other Org');
    const status = await greenhouse(b.key, `test_status?partner_interview_id=${id}`);
    expect(status.status).toBe(404);
    expect(await status.text()).not.toContain('Potter');
    expect((await greenhouse(b.key, 'send_test', { method: 'POST', body: sendTestBody(a.assessmentId) })).status).toBe(
      404,
    );
    expect((await greenhouse(a.key, 'test_status')).status).toBe(422);
  });
});

describe('response_error', () => {
  it('accepts the documented report with {"status": 200} and logs it without the candidate email', async () => {
    const { key } = await organization('grace@example.com', 'Hogwarts Hiring');
    const res = await greenhouse(key, 'response_error', {
      method: 'POST',
      body: {
        api_call: 'test_status',
        errors: ["partner_status is 'complete' but partner_profile url is missing"],
        partner_test_id: '12345',
        partner_test_name: 'Personality Test',
        partner_interview_id: '299506',
        candidate_email: 'hpotter@hogwarts.edu',
      },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 200 });
    const logged = t.logs.find((l) => l.msg === 'Greenhouse could not use an answer of ours');
    expect(logged).toMatchObject({ level: 'warn', apiCall: 'test_status', partnerInterviewId: '299506' });
    expect(JSON.stringify(logged)).not.toContain('hpotter');
    const bad = await greenhouse(key, 'response_error', { method: 'POST', body: { nothing: true } });
    expect(bad.status).toBe(422);
  });
});
