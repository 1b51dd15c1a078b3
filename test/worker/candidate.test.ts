import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitationToken } from '../../src/candidate/invitation-token';
import { createInvitation, createNextVersion, isSuperseded } from '../../src/db/assessments';
import { assessments, attemptItems, attempts, questionExposure, questions, responses } from '../../src/db/schema';
import { importTestBank } from '../support/bank';
import { TestBrowser } from '../support/client';
import { inviteOnWorker, startWorker } from '../support/worker';

let worker: Awaited<ReturnType<typeof startWorker>>;
let token: string;

beforeAll(async () => {
  worker = await startWorker();
  await importTestBank(worker.db);
  token = await inviteOnWorker(worker);
});
afterAll(() => worker?.close());

describe('the candidate flow on Workers with D1', () => {
  it('starts once, saves under the sequence rule, finishes and scores', async () => {
    const { app } = worker;
    const browser = new TestBrowser(app);
    const [a, b] = await Promise.all([browser.post(`/invite/${token}`), new TestBrowser(app).post(`/invite/${token}`)]);
    expect(a.status).toBe(303);
    expect(a.headers.get('location')).toBe(b.headers.get('location'));
    const attemptId = a.headers.get('location')?.split('/').pop() ?? '';
    expect(await worker.db.select().from(attempts)).toHaveLength(1);
    // Exposure is counted in the start's batch: the losing start rolled back whole, so each drawn
    // question counts once.
    const drawn = (await worker.db.select().from(attemptItems)).map((i) => i.questionId).sort();
    const exposure = await worker.db.select().from(questionExposure);
    expect(exposure.map((e) => e.questionId).sort()).toEqual(drawn);
    expect(exposure.every((e) => e.drawn === 1)).toBe(true);

    let q = -1;
    for (let i = 0; i < 12 && q < 0; i++) {
      const html = await (await browser.get(`/attempts/${attemptId}?q=${i}`)).text();
      if (html.includes('type="radio" name="choice" value="0"')) q = i;
    }
    expect(q).toBeGreaterThanOrEqual(0);
    expect((await browser.save(attemptId, { q: String(q), seq: '1', choice: '0' })).status).toBe(200);
    expect((await browser.save(attemptId, { q: String(q), seq: '1', choice: '0' })).status).toBe(200);
    expect((await browser.save(attemptId, { q: String(q), seq: '2', choice: '1' })).status).toBe(200);
    expect((await browser.save(attemptId, { q: String(q), seq: '1', choice: '2' })).status).toBe(409);
    const [saved] = await worker.db.select().from(responses);
    expect(saved?.seq).toBe(2);

    expect((await browser.post(`/attempts/${attemptId}/finish`)).status).toBe(303);
    const [row] = await worker.db.select().from(attempts);
    expect(row?.state).toBe('submitted');
    expect(row?.result?.max).toBeGreaterThan(0);
    expect((await browser.get(`/attempts/${attemptId}/result`)).status).toBe(200);
  });

  // After the first test: the worker has read this blueprint's pool once already.
  it('draws from the bank as it is now, when questions are retired and restored between starts', async () => {
    const { app } = worker;
    const [assessment] = await worker.db.select().from(assessments);
    if (!assessment) throw new Error('no assessment');
    const expiresAt = Date.now() + 864e5;
    const invitationId = await createInvitation(
      worker.db,
      assessment.orgId,
      assessment.id,
      assessment.createdBy,
      { candidateName: 'Robin', candidateEmail: 'robin@example.com', expiresAt, extraSeconds: 0 },
      Date.now(),
    );
    const link = `/invite/${await invitationToken({ keys: worker.keys, clock: Date.now } as never, invitationId, expiresAt)}`;
    // The blueprint takes 2 of beta's 4 questions: with 3 retired, it cannot start.
    const retired = ['beta-s1', 'beta-s2', 'beta-s3'];
    await worker.db.update(questions).set({ status: 'retired' }).where(inArray(questions.id, retired));
    const refused = await new TestBrowser(app).post(link);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('its question bank changed');

    await worker.db.update(questions).set({ status: 'active' }).where(inArray(questions.id, retired));
    const started = await new TestBrowser(app).post(link);
    expect(started.status).toBe(303);
    const attemptId = started.headers.get('location')?.split('/').pop() ?? '';
    const items = await worker.db.select().from(attemptItems).where(eq(attemptItems.attemptId, attemptId));
    expect(items).toHaveLength(12);
    expect(items.filter((i) => i.questionId.startsWith('beta-'))).toHaveLength(2);

    // The superseded check reads one value on D1 too.
    expect(await isSuperseded(worker.db, assessment)).toBe(false);
    const nextId = await createNextVersion(worker.db, assessment, assessment.createdBy, assessment, Date.now());
    const [next] = await worker.db
      .select()
      .from(assessments)
      .where(eq(assessments.id, nextId ?? ''));
    expect(await isSuperseded(worker.db, assessment)).toBe(true);
    expect(next && (await isSuperseded(worker.db, next))).toBe(false);
  });
});
