import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../support/app';
import { importTestBank } from '../support/bank';
import { TestBrowser } from '../support/client';
import { assessmentForm } from '../support/fixtures';
import { inviteThroughForm } from '../support/invite-link';
import { memberIds, signUpOwner, signUpReviewer } from '../support/people';
import { privateSingle, seedPrivateCollection } from '../support/private-questions';

let t: TestApp;
let owner: TestBrowser;
let ours: Awaited<ReturnType<typeof seedPrivateCollection>>;

beforeEach(async () => {
  t = await makeTestApp();
  await importTestBank(t.db);
  owner = await signUpOwner(t, 'olivia@example.com', 'Acme Hiring');
  ours = await seedPrivateCollection(t, await memberIds(t.db, 'olivia@example.com'), 'Our questions', {
    active: ['gateway', 'ledger', 'queue'].map((slug) => privateSingle(slug, 3, 'MARK')),
  });
});
afterEach(() => t.close());

/** An assessment of 2 of the collection's 3 questions, the first of them pinned, through the form. */
async function createPinned() {
  const c = ours.collectionId;
  const res = await owner.post(
    '/app/assessments',
    assessmentForm({ title: 'Gateway screen', sources: { [c]: { count: 2 } }, pinned: ours.active.slice(0, 1) }),
  );
  expect(res.status).toBe(303);
  return (res.headers.get('location') ?? '').split('/').pop() ?? '';
}

/** What a candidate gets on pressing Start: an invitation through the form, its link, the start. */
async function candidateStart(assessmentId: string, email: string) {
  return new TestBrowser(t.app).post(await inviteThroughForm(owner, assessmentId, { name: 'Casey', email }));
}

/** The flag's list, where a question is named (the link's address carries its id, so it is left out). */
const flagOf = (html: string) =>
  (
    /<section class="alert alert-error"[^>]*aria-labelledby="draw-problems-title">[\s\S]*?<\/section>/.exec(
      html,
    )?.[0] ?? ''
  ).replace(/href="[^"]*"/g, '');

const pages = async (id: string) =>
  Promise.all(
    [`/app/assessments/${id}`, `/app/assessments/${id}/pool`].map(async (path) => (await owner.get(path)).text()),
  );

describe('an assessment whose bank changed under it', () => {
  it('flags a retired pinned question on its page and its pool until the manager fixes it', async () => {
    const id = await createPinned();
    for (const html of await pages(id)) expect(html).not.toContain('Candidates cannot start');
    const pinned = ours.active[0] ?? '';
    expect((await owner.post(`/app/bank/questions/${pinned}/retire`)).status).toBe(303);

    // Named as the bank lists it: the first words of its prompt, linked to its page, and the author's short id.
    const named = `The pinned question <a href="/app/bank/questions/${pinned}">“Which of our services answers gateway?”</a> (<code>gateway</code>)`;
    for (const html of await pages(id)) {
      expect(html).toContain('Candidates cannot start this assessment now');
      expect(html).toContain(`${named} was retired, so no candidate can start`);
      expect(flagOf(html)).toContain('was retired');
      expect(flagOf(html)).not.toContain(pinned);
      expect(html).toContain(`href="/app/assessments/${id}/edit"`);
    }
    // What the flag warns of: the candidate is refused.
    expect((await candidateStart(id, 'ada@example.com')).status).toBe(409);
    // A reviewer reads the flag too, without the edit link they could not use.
    const reviewer = await signUpReviewer(t);
    const seen = await (await reviewer.get(`/app/assessments/${id}/pool`)).text();
    expect(seen).toContain(`${named} was retired`);
    expect(seen).not.toContain(`href="/app/assessments/${id}/edit"`);

    // Restored (a draft) it still cannot be drawn, and the words say why; active again, the flag is gone.
    expect((await owner.post(`/app/bank/questions/${pinned}/restore`)).status).toBe(303);
    expect((await pages(id))[1]).toContain(`${named} is back in draft`);
    expect((await owner.post(`/app/bank/questions/${pinned}/approve`)).status).toBe(303);
    for (const html of await pages(id)) expect(html).not.toContain('Candidates cannot start');
    expect((await candidateStart(id, 'bea@example.com')).status).toBe(303);
  });

  it('flags a collection left with fewer active questions than each candidate gets', async () => {
    const id = await createPinned();
    for (const q of ours.active.slice(1))
      expect((await owner.post(`/app/bank/questions/${q}/retire`)).status).toBe(303);
    for (const html of await pages(id)) {
      expect(html).toContain(
        'Our questions has 1 active question now and each candidate gets 2, so no candidate can start',
      );
    }
    expect((await candidateStart(id, 'ada@example.com')).status).toBe(409);
  });
});
