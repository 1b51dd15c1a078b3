import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invitationToken } from '../../src/candidate/invitation-token';
import { createInvitation } from '../../src/db/assessments';
import { assessments, attemptItems, attempts, memberships, organizations, questionExposure } from '../../src/db/schema';
import { makeTestApp, type TestApp } from '../support/app';
import { importTestBank, secretMarker } from '../support/bank';
import { TestBrowser } from '../support/client';
import { assessmentForm } from '../support/fixtures';
import { signUpOwner, signUpReviewer } from '../support/people';
import { privateSingle, seedPrivateCollection } from '../support/private-questions';

/**
 * An assessment that mixes a public area, the organization's own collection and a pinned public
 * question: what the form stores, what a started attempt contains, the exposure it counts, the
 * preview with its key and the whole pool; and that another organization can use none of it.
 */

let t: TestApp;
let owner: TestBrowser;
let other: TestBrowser;
let acme: { orgId: string; userId: string };
let ours: Awaited<ReturnType<typeof seedPrivateCollection>>;
let theirs: Awaited<ReturnType<typeof seedPrivateCollection>>;

const privateMarker = 'OURKEYMARKER';

async function memberOf(orgName: string) {
  const [row] = await t.db
    .select({ orgId: memberships.orgId, userId: memberships.userId })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(organizations.name, orgName));
  if (!row) throw new Error(`no member of ${orgName}`);
  return row;
}

beforeEach(async () => {
  t = await makeTestApp();
  await importTestBank(t.db);
  owner = await signUpOwner(t, 'olivia@example.com', 'Acme Hiring');
  other = await signUpOwner(t, 'oscar@example.com', 'Globex');
  acme = await memberOf('Acme Hiring');
  // Three active questions of one band and topic, so exposure alone decides between them, and a draft.
  ours = await seedPrivateCollection(t, acme, 'Our questions', {
    active: ['gateway', 'ledger', 'queue'].map((slug) => privateSingle(slug, 3, privateMarker)),
    drafts: [privateSingle('unfinished', 3, privateMarker)],
  });
  theirs = await seedPrivateCollection(t, await memberOf('Globex'), 'Globex secrets', {
    active: [privateSingle('secret', 3, 'GLOBEXMARKER')],
  });
});
afterEach(() => t.close());

const mixedForm = (collectionId: string, extra: Record<string, string> = {}) =>
  assessmentForm(
    {
      title: 'Platform screening',
      sources: { alpha: { count: 3 }, beta: { count: 0 }, [collectionId]: { count: 2 } },
      pinned: ['beta-s3'],
    },
    extra,
  );

async function createMixed() {
  const res = await owner.post('/app/assessments', mixedForm(ours.collectionId));
  expect(res.status).toBe(303);
  const id = (res.headers.get('location') ?? '').split('/').pop() ?? '';
  const [row] = await t.db.select().from(assessments).where(eq(assessments.id, id));
  if (!row) throw new Error('assessment not stored');
  return row;
}

async function startAttempt(assessmentId: string, name: string) {
  const invitationId = await createInvitation(
    t.db,
    acme.orgId,
    assessmentId,
    null,
    { candidateName: name, candidateEmail: `${name}@example.com`, expiresAt: t.clock.now + 864e5, extraSeconds: 0 },
    t.clock.now,
  );
  const token = await invitationToken(t.deps, invitationId, t.clock.now + 864e5);
  const candidate = new TestBrowser(t.app);
  const res = await candidate.post(`/invite/${token}`);
  expect(res.status).toBe(303);
  const [attempt] = await t.db.select().from(attempts).where(eq(attempts.invitationId, invitationId));
  if (!attempt) throw new Error('no attempt');
  const items = await t.db.select().from(attemptItems).where(eq(attemptItems.attemptId, attempt.id));
  const finish = async () => {
    expect((await candidate.post(`/attempts/${attempt.id}/finish`)).status).toBe(303);
    return (await candidate.get(`/attempts/${attempt.id}/result`)).text();
  };
  return Object.assign(
    items.map((i) => i.questionId),
    { attemptId: attempt.id, finish },
  );
}

const exposureOf = async (orgId: string) =>
  Object.fromEntries(
    (await t.db.select().from(questionExposure).where(eq(questionExposure.orgId, orgId))).map((r) => [
      r.questionId,
      r.drawn,
    ]),
  );

describe('a blueprint mixing a public area, a private collection and a pinned question', () => {
  it('offers the organization its own collection, not another organization’s, and stores the mix', async () => {
    const page = await (await owner.get('/app/assessments/new')).text();
    expect(page).toContain('Our questions');
    expect(page).toContain('your collection');
    expect(page).not.toContain('Globex secrets');
    expect(page).not.toContain(theirs.collectionId);

    const row = await createMixed();
    // beta was left at 0, so its pinned question became a section of one.
    expect(row.blueprint).toEqual({
      sections: [
        { area: 'alpha', count: 3, mix: { easy: 1, medium: 2, hard: 1 } },
        { area: 'beta', count: 1, mix: { easy: 1, medium: 2, hard: 1 } },
        { area: ours.collectionId, count: 2, mix: { easy: 1, medium: 2, hard: 1 } },
      ],
      pinned: ['beta-s3'],
    });
    const overview = await (await owner.get(`/app/assessments/${row.id}`)).text();
    expect(overview).toContain('Our questions: 2 questions');
    expect(overview).toContain('Always asked: beta-s3');
    expect(overview).toContain(`/app/assessments/${row.id}/pool`);
    const edit = await (await owner.get(`/app/assessments/${row.id}/edit`)).text();
    expect(edit).toContain('beta-s3</textarea>');
  });

  it('starts attempts with the pinned question and only active questions of the organization’s collection, counting exposure', async () => {
    const row = await createMixed();
    const first = await startAttempt(row.id, 'ada');
    expect(first).toHaveLength(6);
    expect(first).toContain('beta-s3');
    const privateDrawn = first.filter((id) => id.startsWith('q_'));
    expect(privateDrawn).toHaveLength(2);
    for (const id of privateDrawn) expect(ours.active).toContain(id);
    expect(first).not.toContain(ours.drafts[0]);
    expect(first.filter((id) => id.startsWith('alpha-'))).toHaveLength(3);

    const counted = await exposureOf(acme.orgId);
    expect(Object.keys(counted).sort()).toEqual([...first].sort());
    expect(Object.values(counted).every((n) => n === 1)).toBe(true);
    expect(await exposureOf((await memberOf('Globex')).orgId)).toEqual({});

    // The private question no attempt has seen yet is preferred over the two seen once.
    const fresh = ours.active.find((id) => !privateDrawn.includes(id));
    const second = await startAttempt(row.id, 'bob');
    expect(second).toContain(fresh);
    expect(second).toContain('beta-s3');
    expect((await exposureOf(acme.orgId))['beta-s3']).toBe(2);
  });

  it('previews with the answer key on request and lists the whole pool with exposure', async () => {
    const row = await createMixed();
    await startAttempt(row.id, 'ada');
    const plain = await (await owner.get(`/app/assessments/${row.id}/preview`)).text();
    expect(plain).toContain('Show the answer key');
    expect(plain).not.toContain('Correct answer');
    expect(plain).not.toContain(secretMarker);
    expect(plain).not.toContain(privateMarker);

    // Every position with the key: each shows a key, and the explanations carry the banks' markers.
    let keyed = '';
    for (let q = 0; q < 6; q++) {
      const html = await (await owner.get(`/app/assessments/${row.id}/preview?q=${q}&key=1`)).text();
      expect(html).toContain('Correct answer');
      expect(html).toContain('Hide the answer key');
      expect(html).toContain(`?q=${Math.min(q + 1, 5)}&amp;key=1`);
      keyed += html;
    }
    expect(keyed).toContain(secretMarker);
    expect(keyed).toContain(privateMarker);
    // A reviewer holds assessment.view and bank.view: the key is shown to them too.
    const reviewer = await signUpReviewer(t);
    expect(await (await reviewer.get(`/app/assessments/${row.id}/preview?key=1`)).text()).toContain('Correct answer');

    const pool = await owner.get(`/app/assessments/${row.id}/pool`);
    expect(pool.status).toBe(200);
    const html = await pool.text();
    for (const id of [...ours.active, 'alpha-s1', 'alpha-o1', 'beta-s3']) expect(html).toContain(id);
    expect(html).not.toContain(ours.drafts[0]);
    // Beta's section is its pinned question alone: nothing else of beta can be drawn.
    expect(html).not.toContain('beta-s1');
    expect(html).toContain('always asked');
    expect(html).toContain('of 3 active questions');
    expect(html).toContain('of 10 active questions');
    const exposed = await exposureOf(acme.orgId);
    expect(Object.values(exposed)).toHaveLength(6);
    expect(html).not.toContain('GLOBEXMARKER');
  });
});

describe('reports of a mixed assessment', () => {
  it('name the collection in a candidate’s report and in the comparison', async () => {
    const row = await createMixed();
    const ada = await startAttempt(row.id, 'ada');
    const bob = await startAttempt(row.id, 'bob');
    // The candidate's own result names the collection in its per-area breakdown.
    expect(await ada.finish()).toContain('Our questions');
    await bob.finish();
    const statistics = await (await owner.get(`/app/assessments/${row.id}/statistics`)).text();
    expect(statistics).toContain('Our questions');
    const report = await (await owner.get(`/app/attempts/${ada.attemptId}`)).text();
    expect(report).toContain('Our questions');
    expect(report).toContain(privateMarker);
    const compare = await owner.get(`/app/compare?ids=${ada.attemptId},${bob.attemptId}`);
    expect(compare.status).toBe(200);
    const html = await compare.text();
    expect(html).toContain('Our questions');
    expect(html).toContain('Alpha');
  });
});

describe('another organization', () => {
  it('cannot draw from the collection nor pin its questions: a validation error names them, nothing is saved', async () => {
    const stolen = await other.post(
      '/app/assessments',
      mixedForm(ours.collectionId, { pinned: `${ours.active[0]}\nalpha-s1` }),
    );
    expect(stolen.status).toBe(422);
    const html = await stolen.text();
    expect(html).toContain(`${ours.collectionId}: not a public skill area or one of your organization`);
    expect(html).toContain(`${ours.active[0]}: not an active question of the public bank or of your organization.`);
    expect(html).not.toContain('Our questions');
    expect(html).not.toContain(privateMarker);
    // Two pinned questions of the collection do not fit in a count of one: the row says so by its title.
    const crowded = await owner.post(
      '/app/assessments',
      mixedForm(ours.collectionId, { [`count_${ours.collectionId}`]: '1', pinned: ours.active.slice(0, 2).join('\n') }),
    );
    expect(crowded.status).toBe(422);
    expect(await crowded.text()).toContain('Our questions: 2 of its questions are pinned, and each takes a seat');
    // Its own draft is not pinnable either: only active questions.
    const draft = await owner.post('/app/assessments', mixedForm(ours.collectionId, { pinned: ours.drafts[0] ?? '' }));
    expect(draft.status).toBe(422);
    expect(await draft.text()).toContain(`${ours.drafts[0]}: not an active question`);
    expect(await t.db.select().from(assessments)).toHaveLength(0);
  });

  it('gets 404 for the preview, the keyed preview and the pool of an assessment that is not its own', async () => {
    const row = await createMixed();
    for (const path of ['preview', 'preview?key=1', 'preview?q=2&key=1', 'pool']) {
      const res = await other.get(`/app/assessments/${row.id}/${path}`);
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).not.toContain(privateMarker);
      expect(html).not.toContain('Platform screening');
    }
    const stillOurs = await t.db
      .select()
      .from(assessments)
      .where(and(eq(assessments.id, row.id)));
    expect(stillOurs).toHaveLength(1);
  });
});
