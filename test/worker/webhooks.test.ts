import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatSigningKeys, generateSigningKey } from '../../src/auth/keys';
import { createOrgWithOwner } from '../../src/db/accounts';
import { createAssessment, createInvitation } from '../../src/db/assessments';
import { webhookDeliveries, webhookOutbox, webhooks } from '../../src/db/schema';
import { newWebhookSecret } from '../../src/webhooks/signature';
import { defaultAssessment } from '../support/fixtures';
import { type Receiver, startReceiver } from '../support/receiver';
import { verifiesStandardWebhook } from '../support/standard-webhooks';
import { startWorker } from '../support/worker';

let worker: Awaited<ReturnType<typeof startWorker>>;
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
  // The receiver is on 127.0.0.1: the setting lets the worker reach it, as it would a private host.
  worker = await startWorker({
    bindings: { SIGNING_KEYS: formatSigningKeys([generateSigningKey(Date.now())]), WEBHOOK_ALLOW_PRIVATE: '1' },
  });
});
afterAll(async () => {
  await worker?.close();
  await receiver?.close();
});

it('delivers an event from the outbox in the cron handler, under workerd with D1', async () => {
  const now = Date.now();
  const { orgId, userId } = await createOrgWithOwner(worker.db, {
    email: 'owner@example.com',
    name: 'Olivia Owner',
    passwordHash: 'unused',
    orgName: 'Edge Hiring',
  });
  const secret = newWebhookSecret();
  await worker.db
    .insert(webhooks)
    .values({ id: 'wh-edge', orgId, url: receiver.url, secret, events: ['invitation.created'] });
  const assessmentId = await createAssessment(worker.db, orgId, userId, defaultAssessment, now);
  // The invitation and its event are written in one D1 batch.
  const invitationId = await createInvitation(
    worker.db,
    orgId,
    assessmentId,
    userId,
    { candidateName: 'Edge Candidate', candidateEmail: 'edge@example.com', expiresAt: now + 864e5, extraSeconds: 0 },
    now,
  );
  const [queued] = await worker.db.select().from(webhookOutbox).where(eq(webhookOutbox.webhookId, 'wh-edge'));
  expect(queued?.event).toBe('invitation.created');
  expect(receiver.received).toHaveLength(0);

  const handler = await worker.mf.getWorker('skillcheck-app');
  await handler.scheduled({ cron: '* * * * *', scheduledTime: new Date() });
  for (let i = 0; i < 50 && receiver.received.length === 0; i++) await new Promise((r) => setTimeout(r, 100));

  expect(receiver.received).toHaveLength(1);
  const [request] = receiver.received;
  expect(request?.headers['webhook-id']).toBe(queued?.id);
  expect(verifiesStandardWebhook(secret, request?.headers ?? {}, request?.body ?? '')).toBe(true);
  const body = JSON.parse(request?.body ?? '{}');
  expect(body).toMatchObject({ type: 'invitation.created', data: { invitation_id: invitationId } });
  // Recorded as delivered, with its try in the log.
  for (let i = 0; i < 50; i++) {
    const [message] = await worker.db
      .select()
      .from(webhookOutbox)
      .where(eq(webhookOutbox.id, queued?.id ?? ''));
    if (message?.deliveredAt) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const [log] = await worker.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, 'wh-edge'));
  expect(log?.statusCode).toBe(200);
});

it('refuses a private address literal on Workers without the setting', async () => {
  const strict = await startWorker();
  try {
    const now = Date.now();
    const { orgId, userId } = await createOrgWithOwner(strict.db, {
      email: 'owner2@example.com',
      name: 'Olivia Owner',
      passwordHash: 'unused',
      orgName: 'Strict Hiring',
    });
    await strict.db.insert(webhooks).values({
      id: 'wh-strict',
      orgId,
      url: receiver.url,
      secret: newWebhookSecret(),
      events: ['invitation.created'],
    });
    const assessmentId = await createAssessment(strict.db, orgId, userId, defaultAssessment, now);
    const input = { candidateName: 'C', candidateEmail: 'c@example.com', expiresAt: now + 864e5, extraSeconds: 0 };
    await createInvitation(strict.db, orgId, assessmentId, userId, input, now);
    const before = receiver.received.length;
    await (await strict.mf.getWorker('skillcheck-app')).scheduled({ cron: '* * * * *', scheduledTime: new Date() });
    let log: { error: string | null } | undefined;
    for (let i = 0; i < 50 && !log; i++) {
      [log] = await strict.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, 'wh-strict'));
      if (!log) await new Promise((r) => setTimeout(r, 100));
    }
    expect(log?.error).toMatch(/127\.0\.0\.1 is not a public address/);
    expect(receiver.received.length).toBe(before);
  } finally {
    await strict.close();
  }
});
