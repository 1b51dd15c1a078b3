import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessment, createNextVersion, getAssessment } from '../../src/db/assessments';
import { makeTestApp, type TestApp } from '../support/app';
import { importTestBank } from '../support/bank';
import type { TestBrowser } from '../support/client';
import { defaultAssessment } from '../support/fixtures';
import { memberIds, signUpOwner } from '../support/people';
import { seedSimulatedAttempts } from '../support/statistics-seed';

let t: TestApp;
let owner: TestBrowser;
let assessmentId = '';

beforeAll(async () => {
  t = await makeTestApp();
  await importTestBank(t.db);
  owner = await signUpOwner(t, 'olivia@example.com', 'Acme Hiring');
  const olivia = await memberIds(t.db, 'olivia@example.com');
  const orgId = olivia.orgId;
  assessmentId = await createAssessment(
    t.db,
    orgId,
    olivia.userId,
    { ...defaultAssessment, title: 'Backend screening' },
    t.clock.now,
  );
  // 40 finished attempts over the same 12 questions (every alpha one, beta-s1 and beta-s2).
  await seedSimulatedAttempts(t.db, {
    orgId,
    ownerId: olivia.userId,
    assessmentId,
    passMark: 60,
    candidates: 40,
    now: t.clock.now,
  });
});
afterAll(() => t.close());

/** The cells of the list's row whose link goes to this question, as text. */
async function rowOf(questionId: string) {
  const html = await (await owner.get(`/app/bank?bank=public&text=${encodeURIComponent(questionId)}`)).text();
  const row = new RegExp(`<tr><td><a href="/app/bank/public/${questionId}">[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
  expect(row, `${questionId} is listed`).not.toBe('');
  return [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, ' ').trim());
}

/** The discrimination the Statistics tab shows for this question. */
async function statisticsTabFigure(questionId: string) {
  const html = await (await owner.get(`/app/assessments/${assessmentId}/statistics`)).text();
  const row = new RegExp(`>${questionId}</a>[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
  const cells = [...row.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]);
  return { facility: cells[0], discrimination: cells[1] };
}

describe('the bank list with item statistics', () => {
  it('shows each answered question’s discrimination as the Statistics tab computes it, and where from', async () => {
    expect((await owner.get('/app/bank?bank=public')).status).toBe(200);
    for (const id of ['alpha-s3', 'alpha-s1', 'beta-s2']) {
      const cells = await rowOf(id);
      const shown = cells.at(-1) ?? '';
      const expected = await statisticsTabFigure(id);
      expect(expected.discrimination, id).toMatch(/^([−+]\d\.\d\d|0\.00)$/);
      expect(shown, id).toContain(expected.discrimination);
      expect(shown, id).toContain('40 in Backend screening');
      // The mean credit beside it stays, over the answers given (some of the 40 skipped a question).
      expect(cells.at(-2), id).toMatch(/^[\d.]+% \((\d+)\)$/);
    }
    const html = await (await owner.get('/app/bank?bank=public')).text();
    expect(html).toContain('<th scope="col" class="num">Discrimination</th>');
    expect(html).toContain('Discrimination is the corrected point-biserial');
  });

  it('shows none for a question no finished attempt showed, and the live filter’s fragment carries the column', async () => {
    const cells = await rowOf('beta-s3');
    expect(cells.at(-1)).toBe('–');
    expect(cells.at(-2)).toBe('–');
    const fragment = await (
      await owner.get('/app/bank?bank=public&text=alpha-s3', { 'HX-Request': 'true', 'HX-Request-Type': 'partial' })
    ).text();
    expect(fragment).toMatch(/^<div id="bank-results">/);
    expect(fragment).toContain('40 in Backend screening');
  });

  // Last: it adds a second version of the assessment to the shared data.
  it('takes each question’s figure from the newest version of an assessment that showed it', async () => {
    const olivia = await memberIds(t.db, 'olivia@example.com');
    const first = await getAssessment(t.db, olivia.orgId, assessmentId);
    if (!first) throw new Error('no assessment');
    const nextId = await createNextVersion(
      t.db,
      first,
      olivia.userId,
      { ...defaultAssessment, title: 'Backend screening, revised' },
      t.clock.now,
    );
    if (!nextId) throw new Error('no new version');
    await seedSimulatedAttempts(t.db, {
      orgId: olivia.orgId,
      ownerId: olivia.userId,
      assessmentId: nextId,
      passMark: 60,
      candidates: 30,
      now: t.clock.now,
    });
    for (const id of ['alpha-s1', 'beta-s2']) {
      const shown = (await rowOf(id)).at(-1) ?? '';
      // The statistics of a lineage pool its versions' attempts: 40 before the revision, 30 after.
      expect(shown, id).toContain('70 in Backend screening, revised');
    }
  });
});
