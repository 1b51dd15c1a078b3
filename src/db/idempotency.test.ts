import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/support/app';
import { createOrgWithOwner } from './accounts';
import { createApiKey } from './api-keys';
import {
  abandonedAfterMs,
  claimIdempotencyKey,
  deleteExpiredIdempotencyKeys,
  type IdempotencyScope,
  idempotencyWindowMs,
  releaseIdempotencyKey,
  storeIdempotentResponse,
} from './idempotency';

let t: TestApp;
let scope: IdempotencyScope;
beforeEach(async () => {
  t = await makeTestApp();
  const owner = await createOrgWithOwner(t.db, {
    email: 'o@example.com',
    name: 'O',
    passwordHash: 'x',
    orgName: 'Org',
  });
  const apiKeyId = await createApiKey(t.db, {
    orgId: owner.orgId,
    name: 'k',
    prefix: 'sck_test',
    keyHash: 'f'.repeat(64),
    createdBy: owner.userId,
    now: t.clock.now,
  });
  scope = { orgId: owner.orgId, apiKeyId, key: 'retry-me' };
});
afterEach(() => t.close());

describe('idempotency keys', () => {
  it('let the first request run, hold a repeat while it runs, then replay its answer', async () => {
    const now = t.clock.now;
    expect(await claimIdempotencyKey(t.db, scope, 'fp-1', now)).toEqual({ kind: 'new' });
    expect(await claimIdempotencyKey(t.db, scope, 'fp-1', now + 10)).toEqual({ kind: 'in-progress' });
    await storeIdempotentResponse(t.db, scope, 201, '{"id":"x"}');
    expect(await claimIdempotencyKey(t.db, scope, 'fp-1', now + 20)).toEqual({
      kind: 'replay',
      status: 201,
      body: '{"id":"x"}',
    });
    expect(await claimIdempotencyKey(t.db, scope, 'fp-2', now + 30)).toEqual({ kind: 'mismatch' });
    // Another API key's same string is another key.
    expect(await claimIdempotencyKey(t.db, { ...scope, key: 'other' }, 'fp-2', now)).toEqual({ kind: 'new' });
  });

  it('start afresh after a day, or once a first request was abandoned without an answer', async () => {
    const now = t.clock.now;
    await claimIdempotencyKey(t.db, scope, 'fp-1', now);
    expect(await claimIdempotencyKey(t.db, scope, 'fp-1', now + abandonedAfterMs - 1)).toEqual({ kind: 'in-progress' });
    expect(await claimIdempotencyKey(t.db, scope, 'fp-2', now + abandonedAfterMs)).toEqual({ kind: 'new' });
    await storeIdempotentResponse(t.db, scope, 200, '{}');
    const later = now + abandonedAfterMs;
    expect((await claimIdempotencyKey(t.db, scope, 'fp-2', later + idempotencyWindowMs - 1)).kind).toBe('replay');
    expect(await claimIdempotencyKey(t.db, scope, 'fp-3', later + idempotencyWindowMs)).toEqual({ kind: 'new' });
  });

  it('free a key whose request ended without an answer to keep, and delete keys whose day is over', async () => {
    const now = t.clock.now;
    await claimIdempotencyKey(t.db, scope, 'fp-1', now);
    await releaseIdempotencyKey(t.db, scope);
    expect(await claimIdempotencyKey(t.db, scope, 'fp-2', now)).toEqual({ kind: 'new' });
    expect(await deleteExpiredIdempotencyKeys(t.db, now + idempotencyWindowMs - 1)).toBe(0);
    expect(await deleteExpiredIdempotencyKeys(t.db, now + idempotencyWindowMs)).toBe(1);
  });
});
