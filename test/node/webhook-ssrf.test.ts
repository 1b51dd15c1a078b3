import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookDeliveries, webhookOutbox, webhooks } from '../../src/db/schema';
import { deliverDueMessages } from '../../src/webhooks/deliver';
import { nodeTransport, publicOnlyLookup } from '../../src/webhooks/node-transport';
import { excerptBytes } from '../../src/webhooks/transport';
import { makeTestApp, type TestApp } from '../support/app';
import { seedInvitation } from '../support/fixtures';
import { signUpOwner } from '../support/people';
import { startReceiver } from '../support/receiver';

/**
 * Outgoing requests go to public addresses only (unless WEBHOOK_ALLOW_PRIVATE=1): at registration,
 * and again at delivery, where a name is checked by the connection's own DNS lookup. No redirect
 * is followed, and no more than a couple of KiB of an answer is read.
 */
const strict = nodeTransport({ allowPrivate: false });

describe('refused destinations (Node)', () => {
  it.each([
    'http://127.0.0.1:9/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]:9/hook',
    'http://10.0.0.8/hook',
    'http://localhost:9/hook',
  ])('refuses %s at registration and at delivery', async (url) => {
    expect(await strict.refusal(url)).toMatch(/not a public address|resolves to/);
    await expect(strict.send({ url, method: 'POST', headers: {}, body: '{}' })).rejects.toThrow(
      /not a public address|this machine|resolves to/,
    );
  });

  it('resolves a name and refuses it when it resolves to loopback', async () => {
    // localhost goes through DNS here, like any name: every address it resolves to is loopback.
    expect(await strict.refusal('http://localhost:3000/hook')).toMatch(/localhost resolves to (127\.0\.0\.1|::1)/);
    const failure = await new Promise<Error | null>((resolve) =>
      publicOnlyLookup('localhost', { all: true }, (error) => resolve(error)),
    );
    expect(failure?.message).toMatch(/not a public address/);
  });
});

describe('delivery to a refused destination', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
    t.deps.webhookTransport = strict;
  });
  afterAll(() => t.close());

  it('refuses registering a private URL, with the setting named', async () => {
    const owner = await signUpOwner(t, 'olivia@example.com', 'Acme Hiring');
    const res = await owner.post('/app/settings/webhooks', {
      url: 'http://169.254.169.254/latest',
      events: 'attempt.completed',
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('WEBHOOK_ALLOW_PRIVATE=1');
    expect(await t.db.select().from(webhooks)).toEqual([]);
  });

  it('never sends to an endpoint registered while private addresses were allowed, and logs why', async () => {
    const receiver = await startReceiver();
    const seed = await seedInvitation(t);
    await t.db.insert(webhooks).values({
      id: 'wh-private',
      orgId: seed.orgId,
      url: receiver.url,
      secret: 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=',
      events: ['invitation.revoked'],
    });
    const { revokeInvitation } = await import('../../src/db/invitations');
    await revokeInvitation(t.db, seed.orgId, seed.invitationId, t.clock.now);
    await deliverDueMessages(t.deps);
    expect(receiver.received).toEqual([]);
    const [log] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, 'wh-private'));
    expect(log?.statusCode).toBeNull();
    expect(log?.error).toMatch(/127\.0\.0\.1 is not a public address/);
    const [message] = await t.db.select().from(webhookOutbox).where(eq(webhookOutbox.webhookId, 'wh-private'));
    expect(message?.deliveredAt).toBeNull();
    expect(message?.nextTryAt).toBeGreaterThan(t.clock.now);
    await receiver.close();
  });
});

describe('what an answer can do (private addresses allowed for the test)', () => {
  const open = nodeTransport({ allowPrivate: true });
  let redirectedTo = 0;
  const server = createServer((req, res) => {
    if (req.url === '/redirect') {
      res.writeHead(302, { location: '/elsewhere' });
      res.end();
    } else if (req.url === '/elsewhere') {
      redirectedTo++;
      res.end('followed');
    } else {
      res.writeHead(200);
      res.end('x'.repeat(100_000));
    }
  });
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('does not follow a redirect: the 302 is the answer', async () => {
    const reply = await open.send({ url: `${base}/redirect`, method: 'POST', headers: {}, body: '{}' });
    expect(reply.status).toBe(302);
    expect(redirectedTo).toBe(0);
  });

  it('reads at most a couple of KiB of a long answer', async () => {
    const reply = await open.send({ url: `${base}/long`, method: 'POST', headers: {}, body: '{}' });
    expect(reply.status).toBe(200);
    expect(reply.excerpt.length).toBe(excerptBytes);
  });
});
