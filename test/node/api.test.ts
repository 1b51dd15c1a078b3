import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invitationToken } from '../../src/candidate/invitation-token';
import { createAssessment, createInvitation } from '../../src/db/assessments';
import { apiKeys, memberships } from '../../src/db/schema';
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

/** Signs up an owner and creates an API key through the settings page, as a person would. */
async function orgWithKey(email: string, orgName: string) {
  const browser = new TestBrowser(t.app);
  await browser.post('/signup', { name: 'Owner', email, password: 'a long enough passphrase', orgName });
  const page = await browser.post('/app/settings/api-keys', { name: 'ATS' });
  expect(page.status).toBe(201);
  const key = /id="new-key" type="text" readonly="" value="(sck_[\w-]+)"/.exec(await page.text())?.[1] ?? '';
  expect(key).toMatch(/^sck_/);
  const [m] = (await t.db.select().from(memberships)).filter((row) => row.orgId && row.role === 'owner').slice(-1);
  return { browser, key, orgId: m?.orgId ?? '', userId: m?.userId ?? '' };
}

// biome-ignore lint/suspicious/noExplicitAny: the tests read JSON documents whose shape they assert
type Json = any;
const json = async (res: Response): Promise<Json> => res.json();

const api = (key: string | null, path: string) =>
  t.app.request(path, key ? { headers: { Authorization: `Bearer ${key}` } } : {});

describe('the JSON API', () => {
  it('stores only a hash of the key and shows it once', async () => {
    const { browser, key } = await orgWithKey('a@example.com', 'Org A');
    const [row] = await t.db.select().from(apiKeys);
    expect(row?.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.keyHash).not.toContain(key);
    expect(await (await browser.get('/app/settings/api-keys')).text()).not.toContain(key);
  });

  it('lists assessments and candidates with results, scoped to the key organization', async () => {
    const { key, orgId, userId } = await orgWithKey('a@example.com', 'Org A');
    const now = t.clock.now;
    const assessmentId = await createAssessment(t.db, orgId, userId, defaultAssessment, now);
    const invitationId = await createInvitation(
      t.db,
      orgId,
      assessmentId,
      userId,
      { candidateName: 'Casey', candidateEmail: 'casey@example.com', expiresAt: now + 864e5, extraSeconds: 0 },
      now,
    );
    const candidate = new TestBrowser(t.app);
    const start = await candidate.post(`/invite/${await invitationToken(t.deps, invitationId, now + 864e5)}`);
    const attemptId = start.headers.get('location')?.split('/').pop() ?? '';
    await candidate.post(`/attempts/${attemptId}/finish`);

    const list = await json(await api(key, '/api/v1/assessments'));
    expect(list.assessments).toMatchObject([
      { id: assessmentId, title: 'Backend screening', invited: 1, completed: 1 },
    ]);
    const detail = await json(await api(key, `/api/v1/assessments/${assessmentId}`));
    expect(detail.blueprint.sections).toHaveLength(2);
    const candidates = await json(await api(key, `/api/v1/assessments/${assessmentId}/candidates`));
    expect(candidates.candidates).toMatchObject([
      {
        name: 'Casey',
        invitationStatus: 'completed',
        attempt: { id: attemptId, state: 'submitted', scorePercent: 0, passed: false },
      },
    ]);
    const attempt = await json(await api(key, `/api/v1/attempts/${attemptId}`));
    expect(attempt.attempt.id).toBe(attemptId);

    const other = await orgWithKey('b@example.com', 'Org B');
    for (const path of [
      `/api/v1/assessments/${assessmentId}`,
      `/api/v1/assessments/${assessmentId}/candidates`,
      `/api/v1/attempts/${attemptId}`,
    ]) {
      const res = await api(other.key, path);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('Casey');
    }
    expect((await json(await api(other.key, '/api/v1/assessments'))).assessments).toEqual([]);
  });

  it('answers missing, wrong and revoked keys with 401 and a JSON message', async () => {
    const { browser, key } = await orgWithKey('a@example.com', 'Org A');
    const none = await api(null, '/api/v1/assessments');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect((await json(none)).error.message).toContain('Authorization: Bearer');
    expect((await api(`${key}x`, '/api/v1/assessments')).status).toBe(401);
    const [row] = await t.db.select().from(apiKeys);
    await browser.post(`/app/settings/api-keys/${row?.id}/revoke`);
    expect((await api(key, '/api/v1/assessments')).status).toBe(401);
  });

  it('publishes an OpenAPI document', async () => {
    const doc = await json(await t.app.request('/api/openapi.json'));
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/assessments/{id}/candidates');
  });

  it('refuses to create a key without a name', async () => {
    const { browser } = await orgWithKey('a@example.com', 'Org A');
    const res = await browser.post('/app/settings/api-keys', { name: '  ' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('1 to 80 characters');
  });
});
