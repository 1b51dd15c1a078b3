import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealCredential } from '../../src/auth/partner-credential';
import { invitationToken } from '../../src/candidate/invitation-token';
import { createAssessment } from '../../src/db/assessments';
import { createInvitations, revokeInvitation } from '../../src/db/invitations';
import { webhookDeliveries, webhookOutbox, webhooks } from '../../src/db/schema';
import { publicUrlFrom } from '../../src/deps';
import { runScheduledJobs } from '../../src/jobs';
import { deliverDueMessages } from '../../src/webhooks/deliver';
import { nodeTransport } from '../../src/webhooks/node-transport';
import { retryWindowMs } from '../../src/webhooks/retry';
import { makeTestApp, type TestApp } from '../support/app';
import { importTestBank } from '../support/bank';
import { TestBrowser } from '../support/client';
import { defaultAssessment } from '../support/fixtures';
import { memberIds, signUpOwner } from '../support/people';
import { type Receiver, startReceiver } from '../support/receiver';
import { verifiesStandardWebhook } from '../support/standard-webhooks';

let t: TestApp;
let owner: TestBrowser;
let orgId: string;
let ownerId: string;
let assessmentId: string;

beforeAll(async () => {
  t = await makeTestApp();
  // The receivers below listen on 127.0.0.1: allowed here as WEBHOOK_ALLOW_PRIVATE=1 allows it.
  t.deps.webhookTransport = nodeTransport({ allowPrivate: true });
  await importTestBank(t.db);
  owner = await signUpOwner(t, 'olivia@example.com', 'Acme Hiring');
  ({ orgId, userId: ownerId } = await memberIds(t.db, 'olivia@example.com'));
  assessmentId = await createAssessment(t.db, orgId, ownerId, defaultAssessment, t.clock.now);
});
afterAll(() => t.close());

/** Registers an endpoint through Settings, as an owner does; returns its id and the secret shown once. */
async function register(url: string, events?: string[]) {
  const res = await owner.post('/app/settings/webhooks', {
    url,
    description: 'Our ATS',
    events: events ?? [
      'invitation.created',
      'invitation.opened',
      'attempt.started',
      'attempt.completed',
      'invitation.expired',
      'invitation.revoked',
      'decision.recorded',
    ],
  });
  expect(res.status).toBe(201);
  expect(res.headers.get('cache-control')).toBe('no-store');
  const secret = /value="(whsec_[A-Za-z0-9+/=]+)"/.exec(await res.text())?.[1] ?? '';
  const [row] = await t.db.select().from(webhooks).where(eq(webhooks.secret, secret));
  expect(row?.url).toBe(url);
  return { id: row?.id ?? '', secret };
}

async function invite(name: string) {
  const expiresAt = t.clock.now + 7 * 864e5;
  const [id = ''] = await createInvitations(
    t.db,
    { orgId, assessmentId, createdBy: ownerId, expiresAt, now: t.clock.now },
    [{ candidateName: name, candidateEmail: `${name.toLowerCase()}@example.com`, extraSeconds: 0 }],
  );
  return { id, token: await invitationToken(t.deps, id, expiresAt), expiresAt };
}

describe('webhook events', () => {
  let receiver: Receiver;
  let endpoint: { id: string; secret: string };
  beforeAll(async () => {
    receiver = await startReceiver();
    endpoint = await register(receiver.url);
  });
  afterAll(() => receiver.close());

  it('sends every event of a candidate, signed, once each, from the batch that made the change', async () => {
    const casey = await invite('Casey');
    const candidate = new TestBrowser(t.app);
    expect((await candidate.get(`/invite/${casey.token}`)).status).toBe(200);
    expect((await candidate.get(`/invite/${casey.token}`)).status).toBe(200); // a second look: no second event
    const started = await candidate.post(`/invite/${casey.token}`);
    const attemptId = (started.headers.get('location') ?? '').split('/').pop() ?? '';
    expect(attemptId).not.toBe('');
    expect((await candidate.post(`/attempts/${attemptId}/finish`)).status).toBe(303);
    expect((await candidate.post(`/attempts/${attemptId}/finish`)).status).toBe(303); // a double click
    const decided = await owner.post(`/app/attempts/${attemptId}/decision`, { decision: 'advance', reason: 'Strong' });
    expect(decided.status).toBeLessThan(400);

    const robin = await invite('Robin');
    expect(await revokeInvitation(t.db, orgId, robin.id, t.clock.now)).toBe(true);
    expect(await revokeInvitation(t.db, orgId, robin.id, t.clock.now)).toBe(false);

    const sam = await invite('Sam');
    // Nothing is delivered until the job runs: the events wait in the outbox.
    expect(receiver.received).toHaveLength(0);
    t.clock.advance(8 * 864e5); // past Sam's expiry
    await runScheduledJobs(t.deps);

    const events = receiver.events();
    const of = (id: string) => events.filter((e) => e.data.invitation_id === id).map((e) => e.type);
    expect(of(casey.id)).toEqual([
      'invitation.created',
      'invitation.opened',
      'attempt.started',
      'attempt.completed',
      'decision.recorded',
    ]);
    expect(of(robin.id)).toEqual(['invitation.created', 'invitation.revoked']);
    expect(of(sam.id)).toEqual(['invitation.created', 'invitation.expired']);

    for (const r of receiver.received) {
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['webhook-id']).toMatch(/^msg_/);
      expect(verifiesStandardWebhook(endpoint.secret, r.headers, r.body)).toBe(true);
    }
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(receiver.received.length);

    const completed = events.find((e) => e.type === 'attempt.completed')?.data ?? {};
    expect(completed).toMatchObject({
      attempt_id: attemptId,
      assessment_id: assessmentId,
      candidate: { name: 'Casey', email: 'casey@example.com' },
      ended_by: 'candidate',
      passed: false,
      pass_mark: 60,
      report_url: `http://localhost/app/attempts/${attemptId}`,
    });
    expect((completed.score as { percent: number }).percent).toBe(0);
    expect(typeof completed.standard_error).toBe('number');
    expect(completed.percentile).toBeNull(); // nobody else finished this assessment
    expect((completed.areas as { area: string }[]).map((a) => a.area).sort()).toEqual(['alpha', 'beta']);
    const decision = events.find((e) => e.type === 'decision.recorded')?.data ?? {};
    expect(decision).toMatchObject({
      attempt_id: attemptId,
      decision: 'advance',
      reason: 'Strong',
      decided_by: { name: 'Olivia Owner', email: 'olivia@example.com' },
    });

    // The endpoint's page shows the delivery log.
    const page = await (await owner.get(`/app/settings/webhooks/${endpoint.id}`)).text();
    expect(page).toContain('attempt.completed');
    expect(page).toContain('Delivery log');
  });

  it('links the report from PUBLIC_URL written with a trailing slash when the sweep ends an attempt', async () => {
    const ida = await invite('Ida');
    const candidate = new TestBrowser(t.app);
    const started = await candidate.post(`/invite/${ida.token}`);
    const attemptId = (started.headers.get('location') ?? '').split('/').pop() ?? '';
    expect(attemptId).not.toBe('');
    t.clock.advance(2 * 864e5); // long past the deadline and its grace: the sweep finalizes it
    const configured = t.deps.settings.publicUrl;
    // As the entry files read it.
    t.deps.settings.publicUrl = publicUrlFrom('https://tests.example.com/');
    try {
      await runScheduledJobs(t.deps);
    } finally {
      t.deps.settings.publicUrl = configured;
    }
    const completed = (await t.db.select().from(webhookOutbox).where(eq(webhookOutbox.event, 'attempt.completed')))
      .map((row) => JSON.stringify(row.payload))
      .find((payload) => payload.includes(attemptId));
    expect(completed).toContain(`"report_url":"https://tests.example.com/app/attempts/${attemptId}"`);
  });

  it('writes nothing for an endpoint not subscribed to the event, or disabled', async () => {
    const other = await startReceiver();
    const picky = await register(other.url, ['invitation.revoked']);
    expect((await owner.post(`/app/settings/webhooks/${picky.id}/disable`)).status).toBe(303);
    const lee = await invite('Lee');
    await revokeInvitation(t.db, orgId, lee.id, t.clock.now);
    const rows = await t.db.select().from(webhookOutbox).where(eq(webhookOutbox.webhookId, picky.id));
    expect(rows).toEqual([]);
    // The enabled endpoint got both events of Lee.
    const toFirst = await t.db.select().from(webhookOutbox).where(eq(webhookOutbox.webhookId, endpoint.id));
    expect(toFirst.filter((r) => JSON.stringify(r.payload).includes(lee.id)).map((r) => r.event)).toEqual([
      'invitation.created',
      'invitation.revoked',
    ]);
    await deliverDueMessages(t.deps);
    expect(other.received).toHaveLength(0);
    await other.close();
  });
});

describe('the Greenhouse completion callback', () => {
  it('PATCHes the URL Greenhouse gave, once, with the key as the Basic username, through the same outbox', async () => {
    const greenhouse = await startReceiver([502]);
    const expiresAt = t.clock.now + 7 * 864e5;
    const [id = ''] = await createInvitations(
      t.db,
      { orgId, assessmentId, createdBy: null, expiresAt, now: t.clock.now },
      [
        {
          candidateName: 'Gwen',
          candidateEmail: 'gwen@example.com',
          extraSeconds: 0,
          partner: {
            source: 'greenhouse',
            partnerCallbackUrl: `${greenhouse.url}/take_home_tests/12345`,
            partnerCandidateUrl: 'https://app.greenhouse.io/people/1?application_id=2',
            partnerApiKeyId: null,
            partnerCredential: await sealCredential(t.deps.keys, 'org-key-123'),
          },
        },
      ],
    );
    const candidate = new TestBrowser(t.app);
    const token = await invitationToken(t.deps, id, expiresAt);
    const attemptId = ((await candidate.post(`/invite/${token}`)).headers.get('location') ?? '').split('/').pop();
    await candidate.post(`/attempts/${attemptId}/finish`);
    await candidate.post(`/attempts/${attemptId}/finish`);
    const [callback] = await t.db.select().from(webhookOutbox).where(eq(webhookOutbox.invitationId, id));
    expect(callback).toMatchObject({ kind: 'greenhouse', webhookId: null, event: 'attempt.completed' });

    // Greenhouse answers 502 once; the retry goes through.
    for (let round = 0; round < 5 && greenhouse.received.length < 2; round++) {
      await deliverDueMessages(t.deps);
      const [message] = await t.db.select().from(webhookOutbox).where(eq(webhookOutbox.invitationId, id));
      t.clock.now = Math.max(t.clock.now, message?.nextTryAt ?? t.clock.now);
    }
    expect(greenhouse.received.map((r) => [r.method, r.path])).toEqual([
      ['PATCH', '/hooks/take_home_tests/12345'],
      ['PATCH', '/hooks/take_home_tests/12345'],
    ]);
    const auth = String(greenhouse.received[0]?.headers.authorization);
    expect(Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString()).toBe('org-key-123:');
    expect(JSON.stringify(callback)).not.toContain('org-key-123'); // the outbox holds no key
    const [done] = await t.db.select().from(webhookOutbox).where(eq(webhookOutbox.invitationId, id));
    expect(done?.deliveredAt).not.toBeNull();
    await greenhouse.close();
  });
});

describe('delivery', () => {
  it('retries a failing endpoint with backoff and delivers on the fourth try, with the same webhook-id', async () => {
    const flaky = await startReceiver([500, 500, 500]);
    const { id } = await register(flaky.url, ['invitation.created']);
    await invite('Flaky');
    let tries = 0;
    // Bounded: the clock moves to each next try instead of waiting for it.
    for (let round = 0; round < 10 && flaky.received.filter((r) => r.headers['webhook-id']).length < 4; round++) {
      await deliverDueMessages(t.deps);
      tries++;
      const [message] = await t.db.select().from(webhookOutbox).where(eq(webhookOutbox.webhookId, id));
      if (message?.deliveredAt) break;
      t.clock.now = Math.max(t.clock.now, message?.nextTryAt ?? t.clock.now);
    }
    expect(flaky.received).toHaveLength(4);
    expect(new Set(flaky.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    const [message] = await t.db.select().from(webhookOutbox).where(eq(webhookOutbox.webhookId, id));
    expect(message?.tries).toBe(4);
    expect(message?.deliveredAt).not.toBeNull();
    const log = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, id));
    expect(log.map((d) => d.statusCode)).toEqual([500, 500, 500, 200]);
    expect(log[0]?.responseExcerpt).toBe('failing on purpose with 500');
    expect(tries).toBeLessThanOrEqual(5);
    await flaky.close();
  });

  it('gives up after 24 hours of tries and shows the message as failed, with a retry', async () => {
    const down = await startReceiver(Array(200).fill(503));
    const { id } = await register(down.url, ['invitation.created']);
    await invite('Down');
    const writtenAt = t.clock.now;
    for (let round = 0; round < 60; round++) {
      await deliverDueMessages(t.deps);
      const [message] = await t.db.select().from(webhookOutbox).where(eq(webhookOutbox.webhookId, id));
      if (message?.failedAt) break;
      t.clock.now = message?.nextTryAt ?? t.clock.now;
    }
    const [message] = await t.db.select().from(webhookOutbox).where(eq(webhookOutbox.webhookId, id));
    expect(message?.failedAt).not.toBeNull();
    expect((message?.failedAt ?? 0) - writtenAt).toBeGreaterThanOrEqual(retryWindowMs);
    expect(message?.lastError).toBe('HTTP 503');
    const page = await (await owner.get(`/app/settings/webhooks/${id}`)).text();
    expect(page).toContain('Failed messages');
    expect(page).toContain(message?.id ?? 'missing');
    const list = await (await owner.get('/app/settings/webhooks')).text();
    expect(list).toContain('1 failed');

    // Retry sends it once more, now; it is delivered when the endpoint is back.
    const before = down.received.length;
    const retried = await owner.post(`/app/settings/webhooks/${id}/messages/${message?.id}/retry`);
    expect(retried.status).toBe(303);
    expect(down.received.length).toBe(before + 1);
    await down.close();
  });

  it('sends a test event now and reports the answer, and signs with both secrets after a rotation', async () => {
    const receiver = await startReceiver([200, 200]);
    const { id, secret } = await register(receiver.url, ['decision.recorded']);
    const test = await owner.post(`/app/settings/webhooks/${id}/test`);
    expect(test.headers.get('location')).toBe(`/app/settings/webhooks/${id}?done=delivered`);
    expect(JSON.parse(receiver.received[0]?.body ?? '{}').type).toBe('webhook.test');

    const rotated = await owner.post(`/app/settings/webhooks/${id}/rotate`);
    expect(rotated.status).toBe(200);
    expect(rotated.headers.get('cache-control')).toBe('no-store');
    const newSecret = /value="(whsec_[A-Za-z0-9+/=]+)"/.exec(await rotated.text())?.[1] ?? '';
    expect(newSecret).not.toBe(secret);
    await owner.post(`/app/settings/webhooks/${id}/test`);
    const second = receiver.received[1];
    expect(second?.headers['webhook-signature']?.toString().split(' ')).toHaveLength(2);
    expect(verifiesStandardWebhook(newSecret, second?.headers ?? {}, second?.body ?? '')).toBe(true);
    expect(verifiesStandardWebhook(secret, second?.headers ?? {}, second?.body ?? '')).toBe(true);
    // The secret is never shown again.
    expect(await (await owner.get(`/app/settings/webhooks/${id}`)).text()).not.toContain(newSecret);
    await receiver.close();
  });

  it('says what is wrong with a URL or the events, and keeps what was typed', async () => {
    const res = await owner.post('/app/settings/webhooks', { url: 'ftp://example.com/x', description: 'Kept text' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('The URL must start with https:// or http://.');
    expect(html).toContain('Choose at least one event.');
    expect(html).toContain('Kept text');
  });
});
