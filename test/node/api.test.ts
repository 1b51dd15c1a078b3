/**
 * The JSON API walked through as an applicant tracking system uses it: keys made in Settings with
 * read or write access, assessments listed page by page, candidates invited one at a time and in
 * batches (retried with an Idempotency-Key), invitations revoked, extended and given extra time,
 * results read with their margins and percentiles, and every error as RFC 9457 problem details.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invitationToken } from '../../src/candidate/invitation-token';
import { createAssessment, createInvitation, setAssessmentStatus } from '../../src/db/assessments';
import { attemptItemsWithContent, saveResponse } from '../../src/db/attempts';
import { apiKeys, invitations, memberships } from '../../src/db/schema';
import type { Answer, AnswerKey } from '../../src/engine/question';
import { apiWritesPerMinute } from '../../src/middleware/api-rate-limit';
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
async function orgWithKey(email: string, orgName: string, access: 'read' | 'write' = 'write') {
  const browser = new TestBrowser(t.app);
  await browser.post('/signup', { name: 'Owner', email, password: 'a long enough passphrase', orgName });
  const page = await browser.post('/app/settings/api-keys', { name: 'ATS', access });
  expect(page.status).toBe(201);
  const key = /id="new-key" type="text" readonly="" value="(sck_[\w-]+)"/.exec(await page.text())?.[1] ?? '';
  expect(key).toMatch(/^sck_/);
  const [m] = (await t.db.select().from(memberships)).filter((row) => row.orgId && row.role === 'owner').slice(-1);
  const orgId = m?.orgId ?? '';
  const userId = m?.userId ?? '';
  const assessmentId = await createAssessment(t.db, orgId, userId, defaultAssessment, t.clock.now);
  return { browser, key, orgId, userId, assessmentId };
}

// biome-ignore lint/suspicious/noExplicitAny: the tests read JSON documents whose shape they assert
type Json = any;
const json = async (res: Response): Promise<Json> => res.json();

const get = (key: string | null, path: string) =>
  t.app.request(path, key ? { headers: { Authorization: `Bearer ${key}` } } : {});

const post = (key: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  t.app.request(path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** A problem document (RFC 9457) with its media type, status and the members every problem has. */
async function expectProblem(res: Response, status: number, type = 'about:blank') {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = await json(res);
  expect(body).toMatchObject({ type, status });
  expect(typeof body.title).toBe('string');
  expect(body.detail.length).toBeGreaterThan(10);
  return body;
}

/** Emails handed to the sender: without an email service they are logged, one entry each. */
const mails = () => t.logs.filter((l) => l.msg === 'email not sent (no email webhook configured)');

function rightAnswer(key: AnswerKey): Answer {
  switch (key.type) {
    case 'single':
      return { type: 'single', choice: key.correct };
    case 'multiple':
      return { type: 'multiple', choices: key.correct };
    case 'truefalse':
      return { type: 'truefalse', value: key.correct };
    case 'text':
      return { type: 'text', text: key.accepted[0] ?? '' };
    case 'numeric':
      return { type: 'numeric', value: key.value };
    case 'ordering':
      return { type: 'ordering', order: key.order };
    case 'code':
      return { type: 'code', source: key.reference };
    case 'sql':
      return { type: 'sql', source: key.reference };
  }
}

/** A candidate takes the test through the real pages, answering every question right or none. */
async function takeTest(invitationId: string, expiresAt: number, allRight: boolean) {
  const candidate = new TestBrowser(t.app);
  const start = await candidate.post(`/invite/${await invitationToken(t.deps, invitationId, expiresAt)}`);
  const attemptId = start.headers.get('location')?.split('/').pop() ?? '';
  if (allRight) {
    for (const item of await attemptItemsWithContent(t.db, attemptId)) {
      await saveResponse(t.db, {
        attemptId,
        questionId: item.questionId,
        seq: 1,
        answer: rightAnswer(item.answerKey),
        flagged: false,
        timeSpentMs: 5000,
        now: t.clock.now,
      });
    }
  }
  t.clock.advance(60_000);
  expect((await candidate.post(`/attempts/${attemptId}/finish`)).status).toBe(303);
  return attemptId;
}

describe('API keys', () => {
  it('store only a hash, show the key once, and list its access and last use', async () => {
    const { browser, key } = await orgWithKey('a@example.com', 'Org A', 'read');
    const [row] = await t.db.select().from(apiKeys);
    expect(row?.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.scopes).toEqual(['read']);
    const before = await (await browser.get('/app/settings/api-keys')).text();
    expect(before).not.toContain(key);
    expect(before).toContain('Read only');
    expect(before).toMatch(/<td>never<\/td>/);
    expect((await get(key, '/api/v1/assessments')).status).toBe(200);
    expect(await (await browser.get('/app/settings/api-keys')).text()).not.toMatch(/<td>never<\/td>/);
  });

  it('write the last use at most once a minute, so reads stay reads', async () => {
    const { key } = await orgWithKey('a@example.com', 'Org A');
    const lastUsed = async () => (await t.db.select().from(apiKeys))[0]?.lastUsedAt;
    await get(key, '/api/v1/assessments');
    const first = t.clock.now;
    expect(await lastUsed()).toBe(first);
    t.clock.advance(30_000);
    await get(key, '/api/v1/assessments');
    expect(await lastUsed()).toBe(first);
    t.clock.advance(31_000);
    await get(key, '/api/v1/assessments');
    expect(await lastUsed()).toBe(t.clock.now);
  });

  it('refuse a key without the write scope on every change, with a 403 problem, and change nothing', async () => {
    const { key, assessmentId } = await orgWithKey('a@example.com', 'Org A', 'read');
    const res = await post(key, `/api/v1/assessments/${assessmentId}/invitations`, {
      name: 'Casey',
      email: 'casey@example.com',
    });
    const problem = await expectProblem(res, 403, '/api/problems/insufficient-scope');
    expect(problem.detail).toContain('write');
    expect(await t.db.select().from(invitations)).toHaveLength(0);
    // The type's URL says what it means.
    const described = await json(await t.app.request('/api/problems/insufficient-scope'));
    expect(described).toMatchObject({ status: 403, title: problem.title });
  });
});

describe('problem details', () => {
  it('answer missing, wrong and revoked keys with 401 and a challenge', async () => {
    const { browser, key } = await orgWithKey('a@example.com', 'Org A');
    const none = await get(null, '/api/v1/assessments');
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect((await expectProblem(none, 401)).detail).toContain('Authorization: Bearer');
    expect((await expectProblem(await get(`${key}x`, '/api/v1/assessments'), 401)).title).toBe('Unauthorized');
    const [row] = await t.db.select().from(apiKeys);
    await browser.post(`/app/settings/api-keys/${row?.id}/revoke`);
    await expectProblem(await get(key, '/api/v1/assessments'), 401);
  });

  it('answer unknown paths, malformed bodies and bad query parameters as problems naming the field', async () => {
    const { key, assessmentId } = await orgWithKey('a@example.com', 'Org A');
    expect((await expectProblem(await get(key, '/api/v1/nothing-here'), 404)).title).toBe('Not Found');
    const malformed = await post(key, `/api/v1/assessments/${assessmentId}/invitations`, '{"name": ');
    expect((await expectProblem(malformed, 400, '/api/problems/malformed-body')).detail).toContain('not valid JSON');
    await expectProblem(
      await post(key, `/api/v1/assessments/${assessmentId}/invitations`, '[1]'),
      400,
      '/api/problems/malformed-body',
    );
    const bad = await expectProblem(
      await get(key, '/api/v1/assessments?limit=500&status=maybe&cursor=!!'),
      422,
      '/api/problems/validation',
    );
    expect(bad.errors.map((e: Json) => e.field).sort()).toEqual(['cursor', 'limit', 'status']);
  });

  it('hold a key to its pace of changes with 429 and Retry-After, reads unaffected', async () => {
    const { key } = await orgWithKey('a@example.com', 'Org A');
    for (let i = 0; i < apiWritesPerMinute; i++) {
      expect((await post(key, '/api/v1/invitations/nope/revoke', {})).status).toBe(404);
    }
    const limited = await post(key, '/api/v1/invitations/nope/revoke', {});
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    await expectProblem(limited, 429);
    expect((await get(key, '/api/v1/assessments')).status).toBe(200);
    t.clock.advance(61_000);
    expect((await post(key, '/api/v1/invitations/nope/revoke', {})).status).toBe(404);
  });

  it("give another organization's key a 404 for every id, with nothing of the first", async () => {
    const a = await orgWithKey('a@example.com', 'Org A');
    const created = await json(
      await post(a.key, `/api/v1/assessments/${a.assessmentId}/invitations`, { name: 'Casey', email: 'c@example.com' }),
    );
    const b = await orgWithKey('b@example.com', 'Org B');
    for (const [method, path] of [
      ['GET', `/api/v1/assessments/${a.assessmentId}`],
      ['GET', `/api/v1/invitations/${created.id}`],
      ['POST', `/api/v1/invitations/${created.id}/revoke`],
      ['POST', `/api/v1/assessments/${a.assessmentId}/invitations`],
    ] as const) {
      const res =
        method === 'GET' ? await get(b.key, path) : await post(b.key, path, { name: 'X', email: 'x@example.com' });
      const text = await res.text();
      expect(res.status, path).toBe(404);
      expect(text).not.toContain('Casey');
    }
    expect((await json(await get(a.key, `/api/v1/invitations/${created.id}`))).status).toBe('invited');
  });
});

describe('inviting', () => {
  it('creates one invitation, emails it, and replays the answer for a retry with the same Idempotency-Key', async () => {
    const { key, assessmentId } = await orgWithKey('a@example.com', 'Org A');
    const body = { name: 'Casey Candidate', email: 'Casey@Example.com', extraMinutes: 15, expiresInDays: 3 };
    const first = await post(key, `/api/v1/assessments/${assessmentId}/invitations`, body, {
      'Idempotency-Key': 'k-1',
    });
    expect(first.status).toBe(201);
    const created = await json(first);
    expect(created).toMatchObject({
      assessmentId,
      name: 'Casey Candidate',
      email: 'casey@example.com',
      status: 'invited',
      extraMinutes: 15,
      expiresAt: new Date(t.clock.now + 3 * 864e5).toISOString(),
      source: null,
      emailSent: true,
    });
    expect(first.headers.get('location')).toBe(`/api/v1/invitations/${created.id}`);
    expect(JSON.stringify(created)).not.toContain('/invite/');
    expect(mails()).toHaveLength(1);
    expect(String(mails()[0]?.text)).toContain('Org A invites you');

    const again = await post(key, `/api/v1/assessments/${assessmentId}/invitations`, body, {
      'Idempotency-Key': 'k-1',
    });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await json(again)).id).toBe(created.id);
    expect(await t.db.select().from(invitations)).toHaveLength(1);
    expect(mails()).toHaveLength(1);

    const other = await post(
      key,
      `/api/v1/assessments/${assessmentId}/invitations`,
      { ...body, email: 'someone.else@example.com' },
      { 'Idempotency-Key': 'k-1' },
    );
    await expectProblem(other, 422, '/api/problems/idempotency-key-reused');
    expect(await t.db.select().from(invitations)).toHaveLength(1);

    // After a day the key names nothing any more: the same request with it acts again, and is
    // refused by the rules (the address is already invited), not by the key.
    t.clock.advance(24 * 3600 * 1000 + 1);
    const later = await post(key, `/api/v1/assessments/${assessmentId}/invitations`, body, {
      'Idempotency-Key': 'k-1',
    });
    const refused = await expectProblem(later, 422, '/api/problems/validation');
    expect(refused.errors).toEqual([
      { field: '/email', detail: 'casey@example.com is already invited to this assessment.' },
    ]);
  });

  it('checks every field and says which are wrong, creating nothing', async () => {
    const { key, assessmentId } = await orgWithKey('a@example.com', 'Org A');
    const res = await post(key, `/api/v1/assessments/${assessmentId}/invitations`, {
      email: 'not-an-email',
      extraMinutes: 'lots',
      expiresInDays: 365,
    });
    const problem = await expectProblem(res, 422, '/api/problems/validation');
    expect(problem.errors.map((e: Json) => e.field).sort()).toEqual([
      '/email',
      '/expiresInDays',
      '/extraMinutes',
      '/name',
    ]);
    expect(await t.db.select().from(invitations)).toHaveLength(0);
  });

  it('invites a batch all or nothing, naming each bad entry', async () => {
    const { key, assessmentId } = await orgWithKey('a@example.com', 'Org A');
    const bad = await post(key, `/api/v1/assessments/${assessmentId}/invitations/batch`, {
      invitations: [
        { name: 'Ada', email: 'ada@example.com' },
        { name: 'Bob', email: 'bob@' },
        { name: 'Ada again', email: 'ADA@example.com' },
        'Cy',
      ],
    });
    const problem = await expectProblem(bad, 422, '/api/problems/validation');
    expect(problem.errors.map((e: Json) => e.field)).toEqual([
      '/invitations/3',
      '/invitations/1/email',
      '/invitations/2/email',
    ]);
    expect(await t.db.select().from(invitations)).toHaveLength(0);

    const good = await post(key, `/api/v1/assessments/${assessmentId}/invitations/batch`, {
      invitations: [
        { name: 'Ada', email: 'ada@example.com' },
        { name: 'Bob', email: 'bob@example.com', extraMinutes: 30 },
      ],
      extraMinutes: 10,
    });
    expect(good.status).toBe(201);
    const { invitations: made } = await json(good);
    expect(made.map((i: Json) => [i.name, i.extraMinutes])).toEqual([
      ['Ada', 10],
      ['Bob', 30],
    ]);
    expect(mails()).toHaveLength(2);
  });

  it('refuses invitations to an archived assessment with a 409 that says why', async () => {
    const { key, assessmentId, orgId } = await orgWithKey('a@example.com', 'Org A');
    await setAssessmentStatus(t.db, orgId, assessmentId, 'archived', t.clock.now);
    const res = await post(key, `/api/v1/assessments/${assessmentId}/invitations`, {
      name: 'C',
      email: 'c@example.com',
    });
    expect((await expectProblem(res, 409)).detail).toContain('archived');
  });
});

describe('managing an invitation', () => {
  it('revokes once, then says it is already revoked', async () => {
    const { key, assessmentId } = await orgWithKey('a@example.com', 'Org A');
    const { id } = await json(
      await post(key, `/api/v1/assessments/${assessmentId}/invitations`, { name: 'C', email: 'c@example.com' }),
    );
    const revoked = await post(key, `/api/v1/invitations/${id}/revoke`, {});
    expect(revoked.status).toBe(200);
    expect(await json(revoked)).toMatchObject({ id, status: 'revoked' });
    expect((await expectProblem(await post(key, `/api/v1/invitations/${id}/revoke`, {}), 409)).detail).toContain(
      'already revoked',
    );
  });

  it('extends with a new link (the old one retired) and sets extra time until the candidate starts', async () => {
    const { key, assessmentId, orgId, userId } = await orgWithKey('a@example.com', 'Org A');
    const expiresAt = t.clock.now + 864e5;
    const id = await createInvitation(
      t.db,
      orgId,
      assessmentId,
      userId,
      { candidateName: 'Casey', candidateEmail: 'casey@example.com', expiresAt, extraSeconds: 0 },
      t.clock.now,
    );
    const oldLink = `/invite/${await invitationToken(t.deps, id, expiresAt)}`;
    const extended = await json(await post(key, `/api/v1/invitations/${id}/extend`, { expiresInDays: 10 }));
    expect(extended).toMatchObject({ expiresAt: new Date(t.clock.now + 10 * 864e5).toISOString(), emailSent: true });
    expect((await t.app.request(oldLink)).status).toBe(410);
    const invalid = await post(key, `/api/v1/invitations/${id}/extend`, { expiresInDays: 0 });
    expect((await expectProblem(invalid, 422, '/api/problems/validation')).errors[0].field).toBe('/expiresInDays');

    expect(await json(await post(key, `/api/v1/invitations/${id}/extra-time`, { extraMinutes: 20 }))).toMatchObject({
      extraMinutes: 20,
    });
  });

  it('refuses extra time once the candidate started, as the workspace does', async () => {
    const { key, assessmentId, orgId, userId } = await orgWithKey('a@example.com', 'Org A');
    const expiresAt = t.clock.now + 864e5;
    const id = await createInvitation(
      t.db,
      orgId,
      assessmentId,
      userId,
      { candidateName: 'Casey', candidateEmail: 'casey@example.com', expiresAt, extraSeconds: 0 },
      t.clock.now,
    );
    const attemptId = await takeTest(id, expiresAt, false);
    const late = await post(key, `/api/v1/invitations/${id}/extra-time`, { extraMinutes: 20 });
    expect((await expectProblem(late, 409)).detail).toContain('already started');
    expect(await json(await get(key, `/api/v1/invitations/${id}`))).toMatchObject({ status: 'completed', attemptId });
    const [row] = await t.db.select().from(invitations).where(eq(invitations.id, id));
    expect(row?.extraSeconds).toBe(0);
  });
});

describe('listing and results', () => {
  it('pages through assessments with an opaque cursor, newest first, and filters them', async () => {
    const { key, orgId, userId, assessmentId: first } = await orgWithKey('a@example.com', 'Org A');
    const ids = [first];
    for (const n of [2, 3, 4, 5]) {
      t.clock.advance(1000);
      ids.push(await createAssessment(t.db, orgId, userId, { ...defaultAssessment, title: `Test ${n}` }, t.clock.now));
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page: Json = await json(await get(key, `/api/v1/assessments${query}`));
      expect(page.assessments.length).toBeLessThanOrEqual(2);
      seen.push(...page.assessments.map((a: Json) => a.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());

    await setAssessmentStatus(t.db, orgId, ids[1] ?? '', 'archived', t.clock.now + 5000);
    const archived = await json(await get(key, '/api/v1/assessments?archived=true'));
    expect(archived.assessments.map((a: Json) => [a.id, a.archived])).toEqual([[ids[1], true]]);
    expect((await json(await get(key, '/api/v1/assessments?archived=false'))).assessments).toHaveLength(4);
    const since = new Date(t.clock.now + 4000).toISOString();
    expect(
      (await json(await get(key, `/api/v1/assessments?updatedSince=${since}`))).assessments.map((a: Json) => a.id),
    ).toEqual([ids[1]]);
    expect((await json(await get(key, '/api/v1/assessments?status=open'))).assessments).toHaveLength(5);
    expect((await json(await get(key, '/api/v1/assessments?status=closed'))).assessments).toHaveLength(0);
  });

  it('reads an attempt with per-area scores, standard errors, percentile and the report URL', async () => {
    const { key, orgId, userId, assessmentId } = await orgWithKey('a@example.com', 'Org A');
    const expiresAt = t.clock.now + 864e5;
    const invite = (name: string) =>
      createInvitation(
        t.db,
        orgId,
        assessmentId,
        userId,
        { candidateName: name, candidateEmail: `${name}@example.com`, expiresAt, extraSeconds: 0 },
        t.clock.now,
      );
    const weak = await takeTest(await invite('weak'), expiresAt, false);
    const strong = await takeTest(await invite('strong'), expiresAt, true);

    const res = await json(await get(key, `/api/v1/attempts/${strong}`));
    expect(res.attempt).toMatchObject({ id: strong, state: 'submitted', scorePercent: 100, passed: true });
    expect(res.attempt.reportUrl).toBe(`http://localhost/app/attempts/${strong}`);
    const result = res.attempt.result;
    expect(result).toMatchObject({ scorePercent: 100, passed: true, percentile: 100 });
    expect(result.standardError).toBeGreaterThan(0);
    expect(result.byArea.map((a: Json) => [a.area, a.scorePercent, a.percentile])).toEqual([
      ['alpha', 100, 100],
      ['beta', 100, 100],
    ]);
    // Two beta questions carry a wider margin than ten alpha ones.
    expect(result.byArea[1].standardError).toBeGreaterThan(result.byArea[0].standardError);
    expect((await json(await get(key, `/api/v1/attempts/${weak}`))).attempt.result.percentile).toBe(0);

    const list = await json(await get(key, `/api/v1/assessments/${assessmentId}/candidates`));
    expect(list.candidates.map((c: Json) => [c.name, c.attempt.result.percentile])).toEqual([
      ['weak', 0],
      ['strong', 100],
    ]);
  });
});
