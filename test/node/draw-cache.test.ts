import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invitationToken } from '../../src/candidate/invitation-token';
import { createInvitation } from '../../src/db/assessments';
import { saveQuestionDraft, transitionQuestion } from '../../src/db/private-bank';
import { assessments, attemptItems, attempts, memberships, organizations } from '../../src/db/schema';
import { makeTestApp, type TestApp } from '../support/app';
import { importTestBank } from '../support/bank';
import { TestBrowser } from '../support/client';
import { signUpOwner } from '../support/people';
import { privateSingle, seedPrivateCollection } from '../support/private-questions';

/**
 * The start draws from question versions held in memory (src/db/version-cache.ts) and the test
 * page shows question content held in memory per version. These walkthroughs change the bank
 * after both were filled, without moving the clock (so nothing may rely on timestamps), and check
 * that a new start never gets a retired question or an old version, that a question activated
 * later is drawn, and that an attempt keeps showing the version it started with.
 */

let t: TestApp;
let owner: TestBrowser;
let acme: { orgId: string; userId: string };
let ours: Awaited<ReturnType<typeof seedPrivateCollection>>;

beforeEach(async () => {
  t = await makeTestApp();
  await importTestBank(t.db);
  owner = await signUpOwner(t, 'olivia@example.com', 'Acme Hiring');
  const [member] = await t.db
    .select({ orgId: memberships.orgId, userId: memberships.userId })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(organizations.name, 'Acme Hiring'));
  if (!member) throw new Error('no member');
  acme = member;
  ours = await seedPrivateCollection(t, acme, 'Our questions', {
    active: ['gateway', 'ledger', 'queue', 'relay'].map((slug) => privateSingle(slug, 3, 'ORIGINAL')),
    drafts: [privateSingle('latecomer', 3, 'ORIGINAL')],
  });
});
afterEach(() => t.close());

/** An assessment of three questions, all from the collection. */
async function createAssessment() {
  const form: Record<string, string> = {
    title: 'Services screening',
    description: '',
    count_alpha: '0',
    count_beta: '0',
    [`count_${ours.collectionId}`]: '3',
    [`easy_${ours.collectionId}`]: '1',
    [`medium_${ours.collectionId}`]: '2',
    [`hard_${ours.collectionId}`]: '1',
    pinned: '',
    timeLimitMinutes: '20',
    passMark: '60',
    shuffleQuestions: '1',
    shuffleOptions: '1',
    showAfter: 'score',
    opensAt: '',
    closesAt: '',
  };
  const res = await owner.post('/app/assessments', form);
  expect(res.status).toBe(303);
  const id = (res.headers.get('location') ?? '').split('/').pop() ?? '';
  const [row] = await t.db.select().from(assessments).where(eq(assessments.id, id));
  if (!row) throw new Error('assessment not stored');
  return row.id;
}

async function start(assessmentId: string, name: string) {
  const invitationId = await createInvitation(
    t.db,
    acme.orgId,
    assessmentId,
    null,
    { candidateName: name, candidateEmail: `${name}@example.com`, expiresAt: t.clock.now + 864e5, extraSeconds: 0 },
    t.clock.now,
  );
  const token = await invitationToken(t.deps, invitationId, t.clock.now + 864e5);
  const browser = new TestBrowser(t.app);
  expect((await browser.post(`/invite/${token}`)).status).toBe(303);
  const [attempt] = await t.db.select().from(attempts).where(eq(attempts.invitationId, invitationId));
  if (!attempt) throw new Error('no attempt');
  const items = await t.db.select().from(attemptItems).where(eq(attemptItems.attemptId, attempt.id));
  const versions = await storedVersions(attempt.id);
  /** The test page of the position holding `questionId`. */
  const pageOf = async (questionId: string) => {
    const item = items.find((i) => i.questionId === questionId);
    if (!item) throw new Error(`${questionId} is not in this attempt`);
    const res = await browser.get(`/attempts/${attempt.id}?q=${item.position}`);
    expect(res.status).toBe(200);
    return res.text();
  };
  /** Every question of the attempt as the test page keeps them for moving between questions offline. */
  const templates = async () => {
    const res = await browser.get(`/attempts/${attempt.id}/questions`);
    expect(res.status).toBe(200);
    return res.text();
  };
  return { attemptId: attempt.id, versions, pageOf, templates };
}

async function storedVersions(attemptId: string): Promise<Record<string, number>> {
  const items = await t.db.select().from(attemptItems).where(eq(attemptItems.attemptId, attemptId));
  return Object.fromEntries(items.map((i) => [i.questionId, i.questionVersion]));
}

async function edit(questionId: string, markdown: string) {
  const saved = await saveQuestionDraft(t.db, {
    orgId: acme.orgId,
    collectionId: ours.collectionId,
    topic: 'services',
    actorId: acme.userId,
    markdown,
    questionId,
    now: t.clock.now,
  });
  if (!saved.ok) throw new Error(saved.errors.map((e) => e.message).join(' '));
  expect(saved.status).toBe('active');
  return saved.version;
}

async function transition(questionId: string, to: 'retire' | 'approve') {
  const moved = await transitionQuestion(t.db, {
    orgId: acme.orgId,
    questionId,
    actorId: acme.userId,
    transition: to,
    now: t.clock.now,
  });
  expect(moved?.ok).toBe(true);
}

const slugOf = (questionId: string, page: string) =>
  /Which of our services answers (\w+)\?/.exec(page)?.[1] ?? questionId;

describe('question versions held in memory by the start and the test page', () => {
  it('never draws a retired question or an old version for a new start, and draws one activated later', async () => {
    const assessmentId = await createAssessment();
    const ada = await start(assessmentId, 'ada');
    const adaDrawn = Object.keys(ada.versions);
    expect(adaDrawn).toHaveLength(3);
    expect(Object.values(ada.versions)).toEqual([1, 1, 1]);
    const [retired, edited] = adaDrawn as [string, string];
    // Fill the test page's memory with the first version of the question about to change.
    const before = await ada.pageOf(edited);
    expect(before).toContain('the billing service');

    await transition(retired, 'retire');
    const slug = slugOf(edited, before);
    expect(
      await edit(edited, privateSingle(slug, 3, 'EDITED').replace('the billing service', 'the renamed service')),
    ).toBe(2);

    // Three active questions remain, the blueprint asks for three: the draw takes exactly them.
    const bob = await start(assessmentId, 'bob');
    const remaining = ours.active.filter((id) => id !== retired);
    expect(Object.keys(bob.versions).sort()).toEqual([...remaining].sort());
    expect(bob.versions[edited]).toBe(2);
    expect(bob.versions[retired]).toBeUndefined();

    // A question activated after the memory was filled is drawn; the one retired now is not.
    const latecomer = ours.drafts[0] ?? '';
    await transition(latecomer, 'approve');
    const other = remaining.find((id) => id !== edited) ?? '';
    await transition(other, 'retire');
    const cy = await start(assessmentId, 'cy');
    expect(Object.keys(cy.versions).sort()).toEqual(
      remaining
        .filter((id) => id !== other)
        .concat(latecomer)
        .sort(),
    );
    expect(cy.versions[edited]).toBe(2);
  });

  it('shows a new attempt the new version while an attempt started before keeps the version it drew', async () => {
    const assessmentId = await createAssessment();
    const ada = await start(assessmentId, 'ada');
    const edited = Object.keys(ada.versions)[0] ?? '';
    const before = await ada.pageOf(edited);
    expect(before).toContain('the billing service');
    expect(before).not.toContain('the renamed service');

    const slug = slugOf(edited, before);
    await edit(edited, privateSingle(slug, 3, 'EDITED').replace('the billing service', 'the renamed service'));
    // The other three stay drawable, so the new attempt may or may not get the edited one: retire
    // one that is not it, leaving exactly three.
    const spare = ours.active.find((id) => id !== edited && !(id in ada.versions)) ?? '';
    await transition(spare, 'retire');

    const bob = await start(assessmentId, 'bob');
    expect(bob.versions[edited]).toBe(2);
    const bobPage = await bob.pageOf(edited);
    expect(bobPage).toContain('the renamed service');
    expect(bobPage).not.toContain('the billing service');

    expect(await bob.templates()).toContain('the renamed service');
    expect(await ada.templates()).not.toContain('the renamed service');

    const adaAgain = await ada.pageOf(edited);
    expect(adaAgain).toContain('the billing service');
    expect(adaAgain).not.toContain('the renamed service');
    expect(await storedVersions(ada.attemptId)).toEqual(ada.versions);
    expect(ada.versions[edited]).toBe(1);
  });
});
