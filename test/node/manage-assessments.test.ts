import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invitationToken } from '../../src/candidate/invitation-token';
import { createInvitation } from '../../src/db/assessments';
import { assessments, attemptEvents, attempts, invitations, responses } from '../../src/db/schema';
import { makeTestApp, type TestApp } from '../support/app';
import { importTestBank, secretMarker } from '../support/bank';
import { TestBrowser } from '../support/client';
import { signUpOwner, signUpReviewer } from '../support/people';

let t: TestApp;
let owner: TestBrowser;
beforeEach(async () => {
  t = await makeTestApp();
  await importTestBank(t.db);
  owner = await signUpOwner(t, 'olivia@example.com', 'Acme Hiring');
});
afterEach(() => t.close());

/** What the new-assessment form posts when filled in (unchecked checkboxes send nothing). */
const goodForm: Record<string, string> = {
  title: 'Backend screening',
  description: 'Twenty minutes on the basics.',
  count_alpha: '6',
  easy_alpha: '1',
  medium_alpha: '2',
  hard_alpha: '1',
  count_beta: '2',
  easy_beta: '1',
  medium_beta: '1',
  hard_beta: '0',
  timeLimitMinutes: '20',
  passMark: '70',
  shuffleQuestions: '1',
  showAfter: 'score',
  opensAt: '',
  closesAt: '2026-12-31T18:00',
};

async function create(form: Record<string, string> = goodForm) {
  const res = await owner.post('/app/assessments', form);
  expect(res.status).toBe(303);
  const id = (res.headers.get('location') ?? '').split('/').pop() ?? '';
  const [row] = await t.db.select().from(assessments).where(eq(assessments.id, id));
  if (!row) throw new Error('assessment not stored');
  return row;
}

const allRows = () => t.db.select().from(assessments);

describe('creating an assessment', () => {
  it('shows every area with its questions, then stores what was asked and redirects to it', async () => {
    const page = await owner.get('/app/assessments/new');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Alpha');
    expect(html).toContain('10 active questions');
    expect(html).toContain('4 active questions');
    expect(html).toContain('Opens at (UTC)');

    const res = await owner.post('/app/assessments', goodForm);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/app\/assessments\/[\w-]{22}$/);
    const [row] = await allRows();
    expect(row).toMatchObject({
      title: 'Backend screening',
      description: 'Twenty minutes on the basics.',
      blueprint: {
        sections: [
          { area: 'alpha', count: 6, mix: { easy: 1, medium: 2, hard: 1 } },
          { area: 'beta', count: 2, mix: { easy: 1, medium: 1, hard: 0 } },
        ],
      },
      timeLimitSeconds: 1200,
      passMark: 70,
      shuffleQuestions: true,
      shuffleOptions: false,
      showAfter: 'score',
      opensAt: null,
      closesAt: Date.UTC(2026, 11, 31, 18, 0),
      status: 'active',
      version: 1,
    });
    expect(row?.lineageId).toBe(row?.id);
    expect(res.headers.get('location')).toBe(`/app/assessments/${row?.id}`);
  });

  it('explains every bad field, keeps what was typed and stores nothing', async () => {
    const res = await owner.post('/app/assessments', {
      ...goodForm,
      title: '',
      count_alpha: 'many',
      count_beta: '1',
      easy_beta: '0',
      medium_beta: '0',
      hard_beta: '0',
      timeLimitMinutes: '0',
      passMark: '101',
      showAfter: 'everything',
      opensAt: '2026-12-10T09:00',
      closesAt: '2026-12-01T09:00',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    for (const message of [
      'Give the assessment a title',
      'Alpha: enter a whole number of questions',
      'Beta: give at least one difficulty a weight above 0',
      'time limit in whole minutes',
      'whole percentage from 0 to 100',
      'Choose what candidates see after finishing',
      'The closing time must be after the opening time',
    ])
      expect(html).toContain(message);
    expect(html).toContain('value="many"');
    expect(html).toContain('aria-invalid="true"');
    expect(await allRows()).toHaveLength(0);
  });

  it('refuses a blueprint asking more than the bank has, naming the area', async () => {
    const res = await owner.post('/app/assessments', { ...goodForm, count_alpha: '11' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Alpha: asks for 11 questions but the area has only 10 active questions');
    const none = await owner.post('/app/assessments', { ...goodForm, count_alpha: '0', count_beta: '0' });
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('Choose at least one question');
    expect(await allRows()).toHaveLength(0);
  });

  it('checks the draw without saving and shows the split each candidate gets', async () => {
    const res = await owner.post('/app/assessments', { ...goodForm, intent: 'check' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('The draw works');
    expect(html).toMatch(/2 easy · 3 medium · 1 hard/);
    expect(await allRows()).toHaveLength(0);
  });

  it('refuses a closing date in the past', async () => {
    const res = await owner.post('/app/assessments', { ...goodForm, closesAt: '2020-01-01T00:00' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('That closing time has already passed');
  });
});

describe('editing', () => {
  it('changes everything in place while nobody has started', async () => {
    const row = await create();
    const form = await owner.get(`/app/assessments/${row.id}/edit`);
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('value="Backend screening"');
    expect(html).toContain('2026-12-31T18:00');
    expect(html).not.toContain('started version');

    const res = await owner.post(`/app/assessments/${row.id}`, { ...goodForm, title: 'Renamed', count_alpha: '8' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/app/assessments/${row.id}`);
    const rows = await allRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: row.id, title: 'Renamed', version: 1 });
    expect(rows[0]?.blueprint.sections[0]?.count).toBe(8);
  });

  it('with attempts: a title edit stays in place; a blueprint edit makes version 2 and old invitations stay on version 1', async () => {
    const row = await create();
    const now = t.clock.now;
    const invitationId = await createInvitation(
      t.db,
      row.orgId,
      row.id,
      null,
      { candidateName: 'Casey', candidateEmail: 'casey@example.com', expiresAt: now + 864e5, extraSeconds: 0 },
      now,
    );
    const pending = await createInvitation(
      t.db,
      row.orgId,
      row.id,
      null,
      { candidateName: 'Dana', candidateEmail: 'dana@example.com', expiresAt: now + 864e5, extraSeconds: 0 },
      now,
    );
    const token = await invitationToken(t.deps, invitationId, now + 864e5);
    expect((await new TestBrowser(t.app).post(`/invite/${token}`)).status).toBe(303);

    const form = await (await owner.get(`/app/assessments/${row.id}/edit`)).text();
    expect(form).toContain('1 candidate has started version 1');
    expect(form).toContain('version 2');

    const retitled = await owner.post(`/app/assessments/${row.id}`, { ...goodForm, title: 'Retitled' });
    expect(retitled.headers.get('location')).toBe(`/app/assessments/${row.id}`);
    expect(await allRows()).toHaveLength(1);

    t.clock.advance(1000);
    const res = await owner.post(`/app/assessments/${row.id}`, {
      ...goodForm,
      title: 'Retitled',
      timeLimitMinutes: '25',
    });
    expect(res.status).toBe(303);
    const nextId = (res.headers.get('location') ?? '').split('/').pop() ?? '';
    expect(nextId).not.toBe(row.id);
    const [old] = await t.db.select().from(assessments).where(eq(assessments.id, row.id));
    const [next] = await t.db.select().from(assessments).where(eq(assessments.id, nextId));
    expect(old).toMatchObject({ status: 'archived', version: 1, timeLimitSeconds: 1200, title: 'Retitled' });
    expect(next).toMatchObject({ status: 'active', version: 2, lineageId: row.lineageId, timeLimitSeconds: 1500 });
    expect(next).toMatchObject({
      blueprint: row.blueprint,
      shuffleQuestions: true,
      shuffleOptions: false,
      closesAt: row.closesAt,
    });
    const invs = await t.db.select().from(invitations);
    expect(invs.map((i) => i.assessmentId)).toEqual([row.id, row.id]);
    expect(invs.find((i) => i.id === pending)?.assessmentId).toBe(row.id);
    const [attempt] = await t.db.select().from(attempts);
    expect(attempt?.assessmentId).toBe(row.id);

    // The replaced version is read-only: edits go to the current one.
    const stale = await owner.post(`/app/assessments/${row.id}`, { ...goodForm, timeLimitMinutes: '30' });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('version 2 replaced it');
    expect(await allRows()).toHaveLength(2);
    expect((await owner.post(`/app/assessments/${row.id}/unarchive`)).status).toBe(409);
    // Its page offers Duplicate, never the Unarchive the route refuses.
    const oldPage = await (await owner.get(`/app/assessments/${row.id}`)).text();
    expect(oldPage).toContain(`action="/app/assessments/${row.id}/duplicate"`);
    expect(oldPage).not.toContain(`action="/app/assessments/${row.id}/unarchive"`);
    // Its invitations stay listed there, with the way to the current version.
    const list = await (await owner.get(`/app/assessments/${row.id}/invitations`)).text();
    expect(list).toContain('Version 2 replaced this version');
    expect(list).toContain('Dana');
    expect(list).toContain(`/app/assessments/${nextId}/invitations`);
    expect(list).not.toContain('Invite one candidate');
  });
});

describe('preview', () => {
  it('shows the candidate page for every question and writes nothing', async () => {
    const row = await create({ ...goodForm, shuffleOptions: '1' });
    const seen = new Set<string>();
    for (let q = 0; q < 8; q++) {
      const res = await owner.get(`/app/assessments/${row.id}/preview?q=${q}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('Preview: nothing is recorded');
      expect(html).not.toContain('attempt.js');
      expect(html).not.toContain(secretMarker);
      expect(html).toContain(`Question ${q + 1} of 8`);
      expect(html).toContain(`/app/assessments/${row.id}/preview?q=${(q + 1) % 8}`);
      seen.add(/<div class="prompt" id="prompt">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '');
    }
    expect(seen.size).toBe(8);
    // The same draw every time: the seed is fixed.
    const again = await (await owner.get(`/app/assessments/${row.id}/preview?q=0`)).text();
    expect(again).toContain([...seen][0] ?? 'missing');
    expect((await owner.get(`/app/assessments/${row.id}/preview?q=8`)).status).toBe(404);
    expect((await owner.get(`/app/assessments/${row.id}/preview?q=x`)).status).toBe(400);
    expect(await t.db.select().from(attempts)).toHaveLength(0);
    expect(await t.db.select().from(responses)).toHaveLength(0);
    expect(await t.db.select().from(attemptEvents)).toHaveLength(0);
  });
});

describe('duplicate and archive', () => {
  it('duplicates into a new lineage without invitations', async () => {
    const row = await create();
    await createInvitation(
      t.db,
      row.orgId,
      row.id,
      null,
      { candidateName: 'Casey', candidateEmail: 'casey@example.com', expiresAt: t.clock.now + 864e5, extraSeconds: 0 },
      t.clock.now,
    );
    const res = await owner.post(`/app/assessments/${row.id}/duplicate`);
    expect(res.status).toBe(303);
    const copyId = (res.headers.get('location') ?? '').split('/')[3] ?? '';
    expect(res.headers.get('location')).toBe(`/app/assessments/${copyId}/edit`);
    const [copy] = await t.db.select().from(assessments).where(eq(assessments.id, copyId));
    expect(copy).toMatchObject({
      title: 'Backend screening (copy)',
      version: 1,
      lineageId: copyId,
      status: 'active',
      blueprint: row.blueprint,
      timeLimitSeconds: row.timeLimitSeconds,
    });
    expect(await t.db.select().from(invitations).where(eq(invitations.assessmentId, copyId))).toHaveLength(0);
  });

  it("offers both on the assessment's page to those who may edit, not to a reviewer", async () => {
    const row = await create();
    const forms = (html: string) =>
      ['duplicate', 'archive', 'unarchive'].filter((a) => html.includes(`action="/app/assessments/${row.id}/${a}"`));
    expect(forms(await (await owner.get(`/app/assessments/${row.id}`)).text())).toEqual(['duplicate', 'archive']);
    const rita = await signUpReviewer(t);
    const reviewerPage = await rita.get(`/app/assessments/${row.id}`);
    expect(reviewerPage.status).toBe(200);
    expect(forms(await reviewerPage.text())).toEqual([]);
    expect((await owner.post(`/app/assessments/${row.id}/archive`)).status).toBe(303);
    expect(forms(await (await owner.get(`/app/assessments/${row.id}`)).text())).toEqual(['duplicate', 'unarchive']);
  });

  it('archives and unarchives; an archived assessment is not edited', async () => {
    const row = await create();
    const res = await owner.post(`/app/assessments/${row.id}/archive`);
    expect(res.status).toBe(303);
    expect((await allRows())[0]?.status).toBe('archived');
    const edit = await owner.get(`/app/assessments/${row.id}/edit`);
    expect(edit.status).toBe(409);
    expect(await edit.text()).toContain('Unarchive it first');
    expect((await owner.post(`/app/assessments/${row.id}/unarchive`)).status).toBe(303);
    expect((await allRows())[0]?.status).toBe('active');
  });
});

describe('who may do what', () => {
  it('lets a reviewer preview but not change anything', async () => {
    const row = await create();
    const rita = await signUpReviewer(t);
    expect((await rita.get(`/app/assessments/${row.id}/preview`)).status).toBe(200);
    expect((await rita.get('/app/assessments/new')).status).toBe(403);
    expect((await rita.get(`/app/assessments/${row.id}/edit`)).status).toBe(403);
    const attempts = [
      rita.post('/app/assessments', goodForm),
      rita.post(`/app/assessments/${row.id}`, { ...goodForm, title: 'Hijacked' }),
      rita.post(`/app/assessments/${row.id}/duplicate`),
      rita.post(`/app/assessments/${row.id}/archive`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('needs the admin role');
    }
    expect(await allRows()).toMatchObject([{ title: 'Backend screening', status: 'active' }]);
  });

  it("answers 404 for another organization's assessment", async () => {
    const row = await create();
    const other = await signUpOwner(t, 'mallory@example.com', 'Other Corp');
    for (const res of [
      await other.get(`/app/assessments/${row.id}/edit`),
      await other.get(`/app/assessments/${row.id}/preview`),
      await other.post(`/app/assessments/${row.id}`, { ...goodForm, title: 'Hijacked' }),
      await other.post(`/app/assessments/${row.id}/duplicate`),
      await other.post(`/app/assessments/${row.id}/archive`),
    ])
      expect(res.status).toBe(404);
    expect(await allRows()).toMatchObject([{ title: 'Backend screening', status: 'active' }]);
  });
});
