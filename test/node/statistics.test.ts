/**
 * Walkthrough of an assessment's statistics: 40 candidates of known ability take a fixed 12-question
 * test (one more is still mid-test and must not count), answering by the 2PL model, except on
 * alpha-s3, where the stronger candidates fall for wrong option C. The statistics page, its CSV and
 * a question's page must show what the engine computes from the same answers, flag alpha-s3 in
 * words, read the org's data only (another organization gets 404) and open to reviewers. A few
 * practice tests that showed alpha-s1 make the pooled practice view.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessment, createInvitation } from '../../src/db/assessments';
import { saveResponse, startInvitedAttempt } from '../../src/db/attempts';
import { attempts, questionVersions } from '../../src/db/schema';
import {
  type AssessmentAnalysis,
  analyseAssessment,
  analyseItem,
  type ItemDefinition,
} from '../../src/engine/item-analysis';
import { makeTestApp, type TestApp } from '../support/app';
import { importTestBank } from '../support/bank';
import type { TestBrowser } from '../support/client';
import { csvObjects } from '../support/csv';
import { defaultAssessment } from '../support/fixtures';
import { memberIds, signUpOwner, signUpReviewer } from '../support/people';
import { answerFor, type SeedItem, seedPracticeAttempt, seedSimulatedAttempts } from '../support/statistics-seed';

let t: TestApp;
let owner: TestBrowser;
let reviewer: TestBrowser;
let stranger: TestBrowser;
let assessmentId: string;
let expected: AssessmentAnalysis;
const recorded: { attemptId: string; engine: number }[] = [];
const candidates = 40;
const formula = '=1+1 looks like a formula';

/** Practice tests that showed alpha-s1, with the ability each ended on. */
async function seedPractice(item: SeedItem) {
  const rows = [
    { theta: 1.2, right: true },
    { theta: 0.4, right: true },
    { theta: -0.9, right: false },
  ];
  for (const [i, row] of rows.entries()) {
    const id = `practice-attempt-${i}-xxxxxxxx`.slice(0, 22);
    await seedPracticeAttempt(t.db, { id, item, theta: row.theta, thetaSe: 0.5, right: row.right, now: t.clock.now });
  }
  return rows;
}

let practiceRows: { theta: number; right: boolean }[] = [];

beforeAll(async () => {
  t = await makeTestApp();
  await importTestBank(t.db);
  owner = await signUpOwner(t, 'olivia@example.com', 'Acme Hiring');
  reviewer = await signUpReviewer(t);
  stranger = await signUpOwner(t, 'sam@example.com', 'Other Org');
  const olivia = await memberIds(t.db, 'olivia@example.com');
  const orgId = olivia.orgId;
  const ownerId = olivia.userId;
  // An option that a spreadsheet would run as a formula: the CSV must keep it text.
  const [s2] = await t.db.select().from(questionVersions).where(eq(questionVersions.questionId, 'alpha-s2'));
  await t.db
    .update(questionVersions)
    .set({ options: (s2?.options ?? []).map((o, i) => (i === 0 ? { ...o, html: formula } : o)) })
    .where(and(eq(questionVersions.questionId, 'alpha-s2'), eq(questionVersions.version, s2?.version ?? 1)));
  assessmentId = await createAssessment(
    t.db,
    orgId,
    ownerId,
    { ...defaultAssessment, title: 'Backend screening' },
    t.clock.now,
  );
  const { items, takers } = await seedSimulatedAttempts(t.db, {
    orgId,
    ownerId,
    assessmentId,
    passMark: defaultAssessment.passMark,
    candidates,
    now: t.clock.now,
  });
  for (const taker of takers) {
    const points = taker.responses.reduce((s, r) => s + r.credit, 0);
    recorded.push({ attemptId: taker.attemptId, engine: (100 * points) / items.length });
  }
  // Candidate 41 is still answering: not part of any figure.
  const stillGoing = await createInvitation(
    t.db,
    orgId,
    assessmentId,
    ownerId,
    {
      candidateName: 'Still Going',
      candidateEmail: 'still@example.com',
      expiresAt: t.clock.now + 864e5,
      extraSeconds: 0,
    },
    t.clock.now,
  );
  const { attemptId: running } = await startInvitedAttempt(t.db, {
    invitationId: stillGoing,
    orgId,
    assessmentId,
    seed: 'still-going',
    startedAt: t.clock.now,
    deadlineAt: t.clock.now + 20 * 60_000,
    items: items.map((i) => ({
      questionId: i.questionId,
      version: i.version,
      contentHash: i.contentHash,
      optionOrder: null,
    })),
    detail: { device: 'd', address: '10.0.0.2' },
  });
  const first = items[0] as SeedItem;
  await saveResponse(t.db, {
    attemptId: running,
    questionId: first.questionId,
    seq: 1,
    answer: answerFor(first.answerKey, first.optionIds, true),
    flagged: false,
    timeSpentMs: 5000,
    now: t.clock.now,
  });
  const definitions: ItemDefinition[] = items.map((i) => ({
    itemId: `${i.questionId}@${i.version}`,
    area: i.area,
    weight: i.timeWeight,
    options: null,
  }));
  expected = analyseAssessment(definitions, takers);
  practiceRows = await seedPractice(items.find((i) => i.questionId === 'alpha-s1') as SeedItem);
}, 120_000);
afterAll(() => t.close());

const base = () => `/app/assessments/${assessmentId}/statistics`;
const itemOf = (questionId: string) => expected.items.find((i) => i.itemId.startsWith(`${questionId}@`));
const byId = (html: string, id: string) => new RegExp(`id="${id}">([^<]*)<`).exec(html)?.[1];
/** A question's rows in the items table (its figures, and its flags when it has any). */
const itemRow = (html: string, questionId: string) =>
  [...html.matchAll(/<tbody id="item-\d+">([\s\S]*?)<\/tbody>/g)].find((m) =>
    m[1]?.includes(`>${questionId}</a>`),
  )?.[1];
const signed = (r: number | null) => (r === null ? '–' : `${r < 0 ? '−' : '+'}${Math.abs(r).toFixed(2)}`);

describe('the statistics page', () => {
  it('shows the attempts, alpha and SEM the engine computes from the same answers', async () => {
    const res = await owner.get(base());
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(byId(html, 'stat-attempts')).toBe(String(candidates));
    expect(expected.reliability.alpha).not.toBeNull();
    expect(byId(html, 'stat-alpha')).toBe(expected.reliability.alpha?.toFixed(2));
    const sem = Math.round((expected.reliability.sem ?? 0) * 10) / 10;
    expect(byId(html, 'stat-sem')).toBe(`±${sem} points`);
    expect(html).toContain(`within ±${sem} points of the score the same candidate would average`);
    // Every question is fixed, so alpha is Cronbach's; multiple choice can give partial credit.
    expect(expected.reliability.design).toBe('fixed');
  });

  it('scores each attempt as it was scored when it ended', async () => {
    const rows = await t.db.select({ id: attempts.id, score: attempts.scorePercent }).from(attempts);
    for (const { attemptId, engine } of recorded) {
      const stored = rows.find((r) => r.id === attemptId)?.score ?? Number.NaN;
      expect(Math.abs(stored - engine)).toBeLessThanOrEqual(0.1);
    }
  });

  it('lists every question with its facility, discrimination and flags in words', async () => {
    const html = await (await owner.get(base())).text();
    for (const questionId of ['alpha-s1', 'alpha-m1', 'beta-s2']) {
      const item = itemOf(questionId);
      const row = itemRow(html, questionId);
      expect(row, questionId).toBeDefined();
      expect(row).toContain(`${Math.round((item?.facility ?? 0) * 100)}%`);
      expect(row).toContain(signed(item?.discrimination ?? null));
    }
    const s3 = itemRow(html, 'alpha-s3') ?? '';
    expect(itemOf('alpha-s3')?.discrimination).toBeLessThan(0);
    expect(s3).toContain('Stronger candidates get this wrong more often than weaker ones');
    expect(s3).toContain('Wrong option C is chosen more by stronger candidates than by weaker ones');
  });

  it('draws the histogram, an accessible scatter with its table, and option bars', async () => {
    const html = await (await owner.get(base())).text();
    expect(html).toContain(`Scores of ${candidates} finished candidates`);
    expect(html).toMatch(
      /<svg class="chart scatter"[^>]*role="img"[^>]*aria-labelledby="item-map-title item-map-desc"/,
    );
    expect(html).toContain('<title id="item-map-title">');
    expect(html).toMatch(/<desc id="item-map-desc">[^<]*alpha-s3: facility \d+%, discrimination −0\.\d\d, flagged/);
    expect(html).toContain('id="item-map-data"');
    expect(html).toContain('id="options-');
    expect(html).toContain('a wrong option chosen more by stronger candidates');
  });

  it('is linked from the assessment as a tab', async () => {
    const html = await (await owner.get(`/app/assessments/${assessmentId}`)).text();
    expect(html).toContain(`href="/app/assessments/${assessmentId}/statistics"`);
  });

  it('opens to reviewers, and to no other organization', async () => {
    const asReviewer = await reviewer.get(base());
    expect(asReviewer.status).toBe(200);
    expect(byId(await asReviewer.text(), 'stat-alpha')).toBe(expected.reliability.alpha?.toFixed(2));
    for (const path of [base(), `${base()}/items.csv`, `${base()}/questions/alpha-s1`]) {
      const res = await stranger.get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('alpha-s1');
    }
  });
});

describe('the item statistics CSV', () => {
  it('has a record per question with the engine figures, flags in words and formula-safe text', async () => {
    const res = await owner.get(`${base()}/items.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="backend-screening-item-statistics-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const rows = await csvObjects(res);
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      const item = itemOf(row.question_id ?? '');
      expect(Number(row.attempts_drawn)).toBe(item?.drawn);
      expect(Number(row.facility)).toBeCloseTo(item?.facility ?? Number.NaN, 3);
      expect(Number(row.discrimination)).toBeCloseTo(item?.discrimination ?? Number.NaN, 3);
    }
    const last = rows.find((r) => r.question_id === 'beta-s2');
    expect(Number(last?.responses)).toBeLessThan(candidates);
    const s2 = rows.find((r) => r.question_id === 'alpha-s2');
    expect(s2?.option_1_text).toBe(`'${formula}`);
    const s3 = rows.find((r) => r.question_id === 'alpha-s3');
    expect(s3?.option_3_label).toBe('C');
    expect(s3?.option_2_keyed).toBe('true');
    expect(s3?.flags).toContain('Wrong option C is chosen more by stronger candidates');
  });
});

describe("a question's page", () => {
  it("shows the assessment's figures beside the pooled practice data, labelled as such", async () => {
    const res = await owner.get(`${base()}/questions/alpha-s1`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const item = itemOf('alpha-s1');
    const here = /id="v\d+-assessment">([\s\S]*?)<\/dl>/.exec(html)?.[1] ?? '';
    expect(here).toContain(`data-stat="facility">${Math.round((item?.facility ?? 0) * 100)}%`);
    expect(here).toContain(`data-stat="discrimination">${signed(item?.discrimination ?? null)}`);
    expect(html).toContain('Pooled practice data');
    expect(html).toContain('not only your candidates: 3 practice tests so far');
    const practice = analyseItem(
      { itemId: 'p', area: 'alpha', weight: 1, options: null },
      practiceRows.map((r) => ({
        credit: r.right ? 1 : 0,
        answered: true,
        chosen: null,
        timeMs: 20_000,
        criterion: r.theta,
      })),
    );
    const pooled = /id="v\d+-practice">([\s\S]*?)<\/dl>/.exec(html)?.[1] ?? '';
    expect(pooled).toContain(`data-stat="facility">${Math.round((practice.facility ?? 0) * 100)}%`);
    expect(pooled).toContain(`data-stat="discrimination">${signed(practice.discrimination)}`);
    expect(html).toContain('id="irt-b"');
  });

  it('is a 404 for a question this assessment never drew', async () => {
    expect((await owner.get(`${base()}/questions/beta-s3`)).status).toBe(404);
    expect((await owner.get(`${base()}/questions/no-such-question`)).status).toBe(404);
  });
});
