import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { formatSigningKeys, generateSigningKey, parseSigningKeys } from '../../src/auth/keys';
import { invitationToken } from '../../src/candidate/invitation-token';
import { createOrgWithOwner } from '../../src/db/accounts';
import { createAssessment, createInvitation } from '../../src/db/assessments';
import { libsqlConfig, libsqlDb } from '../../src/db/client';
import { webhookOutbox, webhooks } from '../../src/db/schema';
import type { AppDeps } from '../../src/deps';
import { newWebhookSecret } from '../../src/webhooks/signature';
import { defaultAssessment } from '../support/fixtures';
import { startReceiver } from '../support/receiver';
import { writeTestBank } from '../support/seed-server';
import { startServer } from '../support/server';
import { verifiesStandardWebhook } from '../support/standard-webhooks';

/**
 * The outbox's promise on the real server: an event committed with its change is delivered even
 * when the process is killed (SIGKILL, no shutdown) before it sent it, and the receiver, which
 * keeps what it has seen by webhook-id, gets each event exactly once.
 */
it('delivers events committed before a SIGKILL after the restart, each once by webhook-id', async () => {
  const signingKeys = formatSigningKeys([generateSigningKey(Date.now())]);
  const bank = writeTestBank();
  // The receiver listens on 127.0.0.1, a private address: allowed by the setting, as self-hosters do.
  const env = { QUESTIONS_DIR: bank, SIGNING_KEYS: signingKeys, WEBHOOK_ALLOW_PRIVATE: '1' };
  const receiver = await startReceiver();
  const server = await startServer(env);
  const url = `file:${join(server.dir, 'db.sqlite')}`;

  const client = createClient(libsqlConfig(url));
  const db = await libsqlDb(client, url);
  const now = Date.now();
  const { orgId, userId } = await createOrgWithOwner(db, {
    email: 'owner@example.com',
    name: 'Olivia Owner',
    passwordHash: 'unused',
    orgName: 'Acme Hiring',
  });
  const secret = newWebhookSecret();
  await db.insert(webhooks).values({
    id: 'wh-crash',
    orgId,
    url: receiver.url,
    secret,
    events: ['invitation.created', 'attempt.started'],
  });
  const assessmentId = await createAssessment(db, orgId, userId, defaultAssessment, now);
  const tokens: string[] = [];
  for (const n of [1, 2, 3]) {
    const input = {
      candidateName: `C${n}`,
      candidateEmail: `c${n}@example.com`,
      expiresAt: now + 864e5,
      extraSeconds: 0,
    };
    const id = await createInvitation(db, orgId, assessmentId, userId, input, now);
    tokens.push(
      await invitationToken({ keys: parseSigningKeys(signingKeys), clock: Date.now } as AppDeps, id, now + 864e5),
    );
  }
  // Three candidates start through the server: each start commits its attempt.started event.
  for (const token of tokens) {
    const res = await fetch(`${server.url}/invite/${token}`, {
      method: 'POST',
      headers: { Origin: server.url, 'Sec-Fetch-Site': 'same-origin' },
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
  }
  const waiting = await db.select().from(webhookOutbox).where(eq(webhookOutbox.webhookId, 'wh-crash'));
  expect(waiting.map((m) => m.event).sort()).toEqual([
    'attempt.started',
    'attempt.started',
    'attempt.started',
    'invitation.created',
    'invitation.created',
    'invitation.created',
  ]);
  // Committed, not yet sent (the server's jobs ran at its start, before these, and next run in 30 s).
  expect(waiting.every((m) => m.deliveredAt === null)).toBe(true);
  expect(receiver.received).toHaveLength(0);
  client.close();

  await server.stop('SIGKILL');
  const restarted = await startServer({ ...env, DATABASE_URL: url });
  // The restarted server runs its jobs at start; wait (bounded) for the six events to arrive.
  for (let i = 0; i < 100 && new Set(receiver.received.map((r) => r.headers['webhook-id'])).size < 6; i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  await restarted.stop();

  const seen = new Map<string, number>();
  for (const r of receiver.received) {
    expect(verifiesStandardWebhook(secret, r.headers, r.body)).toBe(true);
    const id = String(r.headers['webhook-id']);
    seen.set(id, (seen.get(id) ?? 0) + 1);
  }
  // Exactly once each, from the receiver's point of view: one per webhook-id, all six ids.
  expect([...seen.keys()].sort()).toEqual(waiting.map((m) => m.id).sort());
  const check = createClient(libsqlConfig(url));
  const delivered = await check.execute(
    "select count(*) as n from webhook_outbox where delivered_at is not null and webhook_id = 'wh-crash'",
  );
  check.close();
  expect(Number(delivered.rows[0]?.n)).toBe(6);

  await receiver.close();
  restarted.cleanup();
  server.cleanup();
  rmSync(bank, { recursive: true, force: true });
}, 60_000);
