/**
 * The write API and the Greenhouse endpoints in the deployable bundle under workerd with D1:
 * D1 runs the idempotency claim (an upsert with a guard), the rate limit and the batch that
 * creates invitations, so a repeat with the same Idempotency-Key makes one invitation there too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../src/auth/api-key';
import { createOrgWithOwner } from '../../src/db/accounts';
import { createApiKey } from '../../src/db/api-keys';
import { createAssessment } from '../../src/db/assessments';
import { idempotencyKeys, invitations } from '../../src/db/schema';
import { defaultAssessment } from '../support/fixtures';
import { startWorker } from '../support/worker';

let worker: Awaited<ReturnType<typeof startWorker>>;
let key: string;
let assessmentId: string;

beforeAll(async () => {
  worker = await startWorker();
  const owner = await createOrgWithOwner(worker.db, {
    email: 'olivia@example.com',
    name: 'Olivia',
    passwordHash: 'unused',
    orgName: 'Edge Hiring',
  });
  const generated = await generateApiKey();
  key = generated.key;
  await createApiKey(worker.db, {
    orgId: owner.orgId,
    name: 'ATS',
    prefix: generated.prefix,
    keyHash: generated.hash,
    createdBy: owner.userId,
    now: Date.now(),
    scopes: ['read', 'write'],
  });
  assessmentId = await createAssessment(worker.db, owner.orgId, owner.userId, defaultAssessment, Date.now());
});
afterAll(() => worker?.close());

const post = (path: string, body: unknown, idempotencyKey: string) =>
  worker.fetch(path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify(body),
  });

describe('the API on Workers with D1', () => {
  it('creates one invitation for a repeated Idempotency-Key and refuses the key with another body', async () => {
    const path = `/api/v1/assessments/${assessmentId}/invitations`;
    const body = { name: 'Casey', email: 'casey@example.com' };
    const first = await post(path, body, 'edge-1');
    expect(first.status).toBe(201);
    const created = (await first.json()) as { id: string; status: string };
    expect(created.status).toBe('invited');
    const again = await post(path, body, 'edge-1');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as { id: string }).id).toBe(created.id);
    const other = await post(path, { ...body, email: 'other@example.com' }, 'edge-1');
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toBe('application/problem+json');
    expect(await worker.db.select().from(invitations)).toHaveLength(1);
    expect(await worker.db.select().from(idempotencyKeys)).toHaveLength(1);
  });

  it('answers Greenhouse with the key as the Basic username, and a missing key with a 401 problem', async () => {
    const tests = await worker.fetch('/partners/greenhouse/list_tests', {
      headers: { Authorization: `Basic ${btoa(`${key}:`)}` },
    });
    expect(await tests.json()).toEqual([{ partner_test_id: assessmentId, partner_test_name: 'Backend screening' }]);
    const none = await worker.fetch('/api/v1/assessments');
    expect(none.status).toBe(401);
    expect(((await none.json()) as { title: string }).title).toBe('Unauthorized');
  });
});
