/**
 * Walkthrough of a question report to a regrade: 40 seeded candidates took a fixed 12-question
 * test where the stronger half chose option C of alpha-s3 (keyed B); one more candidate reports
 * alpha-s3 from the test page. The owner reads the queue with the item's statistics, runs a dry
 * run of accepting C, applies it, and finds the scores and pass/fail rescored by the finish's own
 * scorer, a regrade_changes row and an attempt.regraded webhook message per changed attempt, the
 * candidate report saying so; applying again changes nothing. Then a drop, and who may do what.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitationToken } from '../../src/candidate/invitation-token';
import { createAssessment, createInvitation } from '../../src/db/assessments';
import { finalizeAttempt, saveResponse, startInvitedAttempt } from '../../src/db/attempts';
import { createCollection } from '../../src/db/collections';
import { saveQuestionDraft } from '../../src/db/private-bank';
import { saveQuestionReport } from '../../src/db/question-reports';
import { applyRegrade, regradeBasis, regradeScope } from '../../src/db/regrades';
import {
  assessments,
  attemptItems,
  attempts,
  questionEvents,
  questionReports,
  questionVersions,
  regradeChanges,
  regrades,
  responses,
  webhookOutbox,
} from '../../src/db/schema';
import { createWebhook } from '../../src/db/webhooks';
import { planRegrade, type RegradeChange } from '../../src/engine/regrade';
import { makeTestApp, type TestApp } from '../support/app';
import { importTestBank } from '../support/bank';
import { TestBrowser } from '../support/client';
import { csvObjects } from '../support/csv';
import { defaultAssessment } from '../support/fixtures';
import { memberIds, signUpOwner, signUpReviewer } from '../support/people';
import { seedSimulatedAttempts } from '../support/statistics-seed';

let t: TestApp;
let owner: TestBrowser;
let reviewer: TestBrowser;
let stranger: TestBrowser;
let orgId: string;
let seededAttempts: string[] = [];
/** The basis of the dry run of accepting C (the apply form carries it). */
let acceptBasis = '';
let ownerId = '';
const passMark = 60;

/** Stored score, pass and alpha-s3 answer of each seeded attempt. */
async function seededState() {
  const rows = await t.db
    .select({ id: attempts.id, percent: attempts.scorePercent, passed: attempts.passed, answer: responses.answer })
    .from(attempts)
    .leftJoin(responses, and(eq(responses.attemptId, attempts.id), eq(responses.questionId, 'alpha-s3')))
    .where(eq(attempts.orgId, orgId));
  return new Map(rows.filter((r) => seededAttempts.includes(r.id)).map((r) => [r.id, r]));
}

/** Every row a regrade writes, to compare before and after one that must write nothing. */
async function everythingARegradeWrites() {
  const [stored, marks, credits, changes, outbox, all] = await Promise.all([
    t.db
      .select({ id: attempts.id, percent: attempts.scorePercent, passed: attempts.passed, result: attempts.result })
      .from(attempts)
      .where(eq(attempts.orgId, orgId))
      .orderBy(attempts.id),
    t.db.select().from(attemptItems).orderBy(attemptItems.attemptId, attemptItems.position),
    t.db
      .select({ attemptId: responses.attemptId, questionId: responses.questionId, score: responses.score })
      .from(responses)
      .orderBy(responses.attemptId, responses.questionId),
    t.db.select().from(regradeChanges).orderBy(regradeChanges.regradeId, regradeChanges.attemptId),
    t.db.select().from(webhookOutbox).orderBy(webhookOutbox.id),
    t.db.select().from(regrades).orderBy(regrades.id),
  ]);
  return { attempts: stored, marks, credits, changes, outbox, regrades: all };
}

/** The apply form's fields from a regrade's dry run page (the hidden basis it was planned on). */
function dryRunBasis(html: string): string {
  const basis = html.match(/name="basis" value="(\d+)"/)?.[1];
  if (basis === undefined) throw new Error('the dry run has no apply form');
  return basis;
}

/** Applies a regrade as the page does: its dry run first, then the apply form it shows. */
async function applyAfterDryRun(browser: TestBrowser, questionId: string, fields: Record<string, string>) {
  const dry = await browser.get(`/app/questions/${questionId}/regrade?${new URLSearchParams(fields)}`);
  return browser.post(`/app/questions/${questionId}/regrade`, { ...fields, basis: dryRunBasis(await dry.text()) });
}

beforeAll(async () => {
  t = await makeTestApp();
  await importTestBank(t.db);
  owner = await signUpOwner(t, 'olivia@example.com', 'Acme Hiring');
  reviewer = await signUpReviewer(t);
  stranger = await signUpOwner(t, 'sam@example.com', 'Other Org');
  const olivia = await memberIds(t.db, 'olivia@example.com');
  orgId = olivia.orgId;
  ownerId = olivia.userId;
  const assessmentId = await createAssessment(
    t.db,
    orgId,
    ownerId,
    { ...defaultAssessment, passMark, title: 'Backend screening' },
    t.clock.now,
  );
  await createWebhook(t.db, {
    orgId,
    url: 'https://hooks.example.com/skillcheck',
    description: 'ATS',
    events: ['attempt.regraded'],
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    createdBy: ownerId,
    now: t.clock.now,
  });
  const { takers } = await seedSimulatedAttempts(t.db, {
    orgId,
    ownerId,
    assessmentId,
    passMark,
    candidates: 40,
    now: t.clock.now,
  });
  seededAttempts = takers.map((taker) => taker.attemptId);

  // A 41st candidate reports alpha-s3 from the test page, then finishes.
  const expiresAt = t.clock.now + 864e5;
  const invitationId = await createInvitation(
    t.db,
    orgId,
    assessmentId,
    ownerId,
    { candidateName: 'Rae Reporter', candidateEmail: 'rae@example.com', expiresAt, extraSeconds: 0 },
    t.clock.now,
  );
  const candidate = new TestBrowser(t.app);
  const start = await candidate.post(`/invite/${await invitationToken(t.deps, invitationId, expiresAt)}`);
  const attemptId = start.headers.get('location')?.split('/').pop() ?? '';
  const [item] = await t.db
    .select()
    .from(attemptItems)
    .where(and(eq(attemptItems.attemptId, attemptId), eq(attemptItems.questionId, 'alpha-s3')));
  const report = await candidate.post(`/attempts/${attemptId}/reports`, {
    q: String(item?.position),
    reason: 'several_right',
    body: 'Option C is right as well.',
  });
  expect(report.status).toBe(303);
  t.clock.advance(60_000);
  expect((await candidate.post(`/attempts/${attemptId}/finish`)).status).toBe(303);
});
afterAll(() => t.close());

describe('from a question report to a regrade', () => {
  it('lists the report in the queue, with the statistics of the question beside it', async () => {
    const queue = await (await owner.get('/app/question-reports')).text();
    expect(queue).toContain('href="/app/questions/alpha-s3/reports"');
    expect(queue).toContain('More than one answer is right');
    // Beside it, the question's facility and discrimination where it was shown most.
    expect(queue).toMatch(/\d+% · [−+]\d\.\d\d \(41 in Backend screening\)/);

    const page = await owner.get('/app/questions/alpha-s3/reports');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Option C is right as well.');
    expect(html).toContain('Rae Reporter');
    expect(html).toContain('version 1');
    // The statistics module's own analysis: 41 attempts showed it, and the distractor flag in words.
    expect(html).toMatch(/<td>41<\/td>/);
    expect(html).toContain('Wrong option C is chosen more by stronger candidates');
    expect(html).toContain('href="/app/questions/alpha-s3/regrade"');
    expect(html).toContain('href="/app/bank/public/alpha-s3"');
    // Its statistics page reads the 2PL curve against these 41 candidates.
    const [one] = await t.db
      .select()
      .from(attempts)
      .where(eq(attempts.id, seededAttempts[0] ?? ''));
    const stats = await (await owner.get(`/app/assessments/${one?.assessmentId}/statistics/questions/alpha-s3`)).text();
    expect(stats).toMatch(/<dd id="fit-here-rmse">0\.\d{3}<\/dd>/);
    expect(stats).toContain('<h3 id="fit-here-title">Fit of the curve: this assessment</h3>');
  });

  it('shows a dry run of accepting C that writes nothing, then applies exactly it', async () => {
    const before = await seededState();
    const choseC = [...before.values()].filter((r) => r.answer?.type === 'single' && r.answer.choice === 'c');
    expect(choseC.length).toBeGreaterThan(5);

    const dry = await owner.get('/app/questions/alpha-s3/regrade?kind=accept_answer&accept=c&note=C+is+also+right');
    expect(dry.status).toBe(200);
    const dryHtml = await dry.text();
    acceptBasis = dryRunBasis(dryHtml);
    expect(dryHtml).toContain('Dry run: nothing is written yet');
    expect(dryHtml).toContain(`${choseC.length} attempts would be regraded; ${choseC.length} scores would change`);
    expect(await t.db.select().from(regrades)).toEqual([]);
    expect(await seededState()).toEqual(before);

    const apply = await owner.post('/app/questions/alpha-s3/regrade', {
      kind: 'accept_answer',
      accept: 'c',
      acceptText: '',
      note: 'C is also right',
      basis: acceptBasis,
    });
    expect(apply.status).toBe(303);
    expect(apply.headers.get('location')).toBe('/app/questions/alpha-s3/reports?done=regraded');

    const after = await seededState();
    const [regrade] = await t.db.select().from(regrades);
    expect(regrade).toMatchObject({ orgId, questionId: 'alpha-s3', kind: 'accept_answer', note: 'C is also right' });
    expect(regrade?.acceptedAnswer).toEqual({ type: 'single', choice: 'c' });
    const changes = await t.db.select().from(regradeChanges);
    expect(changes).toHaveLength(choseC.length);
    let flipped = 0;
    for (const row of choseC) {
      const now = after.get(row.id);
      // One more right answer of 12 equally weighted questions.
      const points = Math.round(((row.percent ?? 0) * 12) / 100) + 1;
      expect(now?.percent).toBe(Math.floor((points / 12) * 1000 + 1e-6) / 10);
      expect(now?.passed).toBe((now?.percent ?? 0) >= passMark);
      if (now?.passed !== row.passed) flipped += 1;
      expect(changes).toContainEqual(
        expect.objectContaining({
          attemptId: row.id,
          beforePercent: row.percent,
          afterPercent: now?.percent,
          beforePassed: row.passed,
          afterPassed: now?.passed,
        }),
      );
      const [credit] = await t.db
        .select({ score: responses.score })
        .from(responses)
        .where(and(eq(responses.attemptId, row.id), eq(responses.questionId, 'alpha-s3')));
      expect(credit?.score).toBe(1);
    }
    expect(flipped).toBeGreaterThan(0);
    for (const row of before.values()) if (!choseC.includes(row)) expect(after.get(row.id)).toEqual(row);

    const outbox = await t.db.select().from(webhookOutbox).where(eq(webhookOutbox.event, 'attempt.regraded'));
    expect(outbox).toHaveLength(choseC.length);
    const message = outbox.find((o) => (o.payload.data as { attempt_id: string }).attempt_id === choseC[0]?.id);
    expect(message?.payload).toMatchObject({
      type: 'attempt.regraded',
      data: { question_id: 'alpha-s3', kind: 'accept_answer', before: { percent: choseC[0]?.percent } },
    });

    const changed = choseC[0]?.id ?? '';
    const report = await (await owner.get(`/app/attempts/${changed}`)).text();
    expect(report).toContain('Regraded');
    expect(report).toContain('alpha-s3: Accept an additional answer: C');
  });

  it('applies nothing the second time', async () => {
    const outboxBefore = await t.db.select().from(webhookOutbox);
    const stateBefore = await seededState();
    // The same apply form again (a second tab, a double submit): planned on a state that has moved.
    const stale = await owner.post('/app/questions/alpha-s3/regrade', {
      kind: 'accept_answer',
      accept: 'c',
      note: '',
      basis: acceptBasis,
    });
    expect(stale.status).toBe(409);
    const staleHtml = await stale.text();
    expect(staleHtml).toContain('was applied since this dry run');
    // The page shows the dry run as it stands now: nothing left to change.
    expect(staleHtml).toContain('Nothing would change');
    // On the current basis, planned again: nothing to apply.
    const basis = String(await regradeBasis(t.db, orgId, 'alpha-s3'));
    const again = await owner.post('/app/questions/alpha-s3/regrade', { kind: 'accept_answer', accept: 'c', basis });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Nothing to apply');
    // Without a dry run's basis, nothing is applied either.
    const blind = await owner.post('/app/questions/alpha-s3/regrade', { kind: 'full_credit' });
    expect(blind.status).toBe(409);
    expect(await blind.text()).toContain('preview the regrade (dry run) first');
    expect(await t.db.select().from(regrades)).toHaveLength(1);
    expect(await t.db.select().from(webhookOutbox)).toEqual(outboxBefore);
    expect(await seededState()).toEqual(stateBefore);
  });

  it('drops a question from scoring: it leaves points and maximum, and the mark stays with the item', async () => {
    const id = seededAttempts[0] ?? '';
    const [before] = await t.db.select().from(attempts).where(eq(attempts.id, id));
    expect(before?.result?.max).toBe(12);
    const res = await applyAfterDryRun(owner, 'alpha-s1', { kind: 'drop', note: 'ambiguous' });
    expect(res.status).toBe(303);
    const [after] = await t.db.select().from(attempts).where(eq(attempts.id, id));
    expect(after?.result?.max).toBe(11);
    const marks = await t.db
      .select({ scoring: attemptItems.scoring })
      .from(attemptItems)
      .where(eq(attemptItems.questionId, 'alpha-s1'));
    expect(marks.length).toBe(41);
    expect(marks.every((m) => m.scoring === 'dropped')).toBe(true);
  });

  it('says so in the CSV exports: regraded attempts, and each answer regraded', async () => {
    const [first] = await t.db
      .select()
      .from(attempts)
      .where(eq(attempts.id, seededAttempts[0] ?? ''));
    const base = `/app/assessments/${first?.assessmentId}/export`;
    const candidates = await csvObjects(await owner.get(`${base}/candidates.csv`));
    const changed = new Set((await t.db.select().from(regradeChanges)).map((c) => c.attemptId));
    expect(candidates.length).toBe(41);
    // An id that starts with - or = is written with a leading ' (formula neutralization).
    for (const row of candidates)
      expect(row.regraded).toBe(String(changed.has((row.attempt_id ?? '').replace(/^'/, ''))));
    const answers = await csvObjects(await owner.get(`${base}/answers.csv`));
    const dropped = answers.filter((r) => r.question_id === 'alpha-s1');
    expect(dropped.every((r) => r.regrade === 'dropped' && r.credit === '')).toBe(true);
    const accepted = answers.filter((r) => r.question_id === 'alpha-s3' && r.answer === 'wrong two of alpha-s3');
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.every((r) => r.credit === '1' && r.regrade === '')).toBe(true);
  });

  it('refuses bad regrade forms with a message and writes nothing', async () => {
    const count = (await t.db.select().from(regrades)).length;
    const noKind = await owner.post('/app/questions/alpha-s3/regrade', { note: 'x' });
    expect(noKind.status).toBe(422);
    expect(await noKind.text()).toContain('Choose how to regrade the question.');
    const keyed = await owner.post('/app/questions/alpha-s3/regrade', { kind: 'accept_answer', accept: 'b' });
    expect(keyed.status).toBe(422);
    expect(await keyed.text()).toContain('already earns full credit');
    const unknown = await owner.post('/app/questions/alpha-s3/regrade', { kind: 'accept_answer', accept: 'z' });
    expect(unknown.status).toBe(422);
    expect((await t.db.select().from(regrades)).length).toBe(count);
  });

  it('resolves the report with a note', async () => {
    const [report] = await t.db.select().from(questionReports);
    const empty = await owner.post('/app/questions/alpha-s3/reports/resolve', {
      reportIds: report?.id ?? '',
      note: '',
    });
    expect(empty.status).toBe(422);
    const res = await owner.post('/app/questions/alpha-s3/reports/resolve', {
      reportIds: report?.id ?? '',
      note: 'Regraded: C accepted.',
    });
    expect(res.status).toBe(303);
    const [resolved] = await t.db.select().from(questionReports);
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'Regraded: C accepted.' });
    const page = await (await owner.get('/app/questions/alpha-s3/reports')).text();
    expect(page).toContain('Regraded: C accepted.');
  });

  it("keeps a private question's regrade in its history (question_events)", async () => {
    const actorId = ownerId;
    const collection = await createCollection(
      t.db,
      orgId,
      { title: 'Our own', summary: '', topics: [{ id: 'basics', title: 'Basics', docsUrl: '' }] },
      t.clock.now,
    );
    if (!collection.ok) throw new Error('no collection');
    const saved = await saveQuestionDraft(t.db, {
      orgId,
      collectionId: collection.id,
      topic: 'basics',
      actorId,
      markdown:
        '## our-one\ntype: single\ndifficulty: 2\n\nWhich?\n\n### Options\n- [x] this\n- [ ] that\n\n### Explanation\nThis.\n',
      now: t.clock.now,
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    const [version] = await t.db
      .select()
      .from(questionVersions)
      .where(eq(questionVersions.questionId, saved.questionId));
    const [assessment] = await t.db.select().from(assessments).where(eq(assessments.orgId, orgId));
    const invitationId = await createInvitation(
      t.db,
      orgId,
      assessment?.id ?? '',
      actorId,
      {
        candidateName: 'Pia Private',
        candidateEmail: 'pia@example.com',
        expiresAt: t.clock.now + 864e5,
        extraSeconds: 0,
      },
      t.clock.now,
    );
    const { attemptId } = await startInvitedAttempt(t.db, {
      invitationId,
      orgId,
      assessmentId: assessment?.id ?? '',
      seed: 'private',
      startedAt: t.clock.now,
      deadlineAt: t.clock.now + 600_000,
      items: [{ questionId: saved.questionId, version: 1, contentHash: version?.contentHash ?? '', optionOrder: null }],
      detail: {},
    });
    await saveResponse(t.db, {
      attemptId,
      questionId: saved.questionId,
      seq: 1,
      answer: { type: 'single', choice: 'b' },
      flagged: false,
      timeSpentMs: 1000,
      now: t.clock.now,
    });
    await saveQuestionReport(t.db, {
      attemptId,
      orgId,
      questionId: saved.questionId,
      questionVersion: 1,
      reason: 'several_right',
      body: 'That works too.',
      now: t.clock.now,
    });
    await finalizeAttempt(t.db, attemptId, t.clock.now + 1000, passMark);
    // The queue, the question's reports and its regrade name it as the bank does, never by its q_ id.
    const queue = await (await owner.get('/app/question-reports')).text();
    expect(queue).toContain(`<a href="/app/questions/${saved.questionId}/reports">“Which?”</a> <code>our-one</code>`);
    const reportsPage = await (await owner.get(`/app/questions/${saved.questionId}/reports`)).text();
    expect(reportsPage).toContain('<h1>Reports on our-one</h1>');
    expect(reportsPage).toContain('<title>Reports on our-one');
    const regradePage = await (await owner.get(`/app/questions/${saved.questionId}/regrade`)).text();
    expect(regradePage).toContain('<h1>Regrade our-one</h1>');
    expect(`${queue}${reportsPage}${regradePage}`.replace(/\/app\/[\w/-]*q_[\w-]+/g, '')).not.toContain(
      saved.questionId,
    );
    const res = await applyAfterDryRun(owner, saved.questionId, { kind: 'full_credit', note: 'both fine' });
    expect(res.status).toBe(303);
    const [after] = await t.db.select().from(attempts).where(eq(attempts.id, attemptId));
    expect(after).toMatchObject({ scorePercent: 100, passed: true });
    const events = await t.db.select().from(questionEvents).where(eq(questionEvents.questionId, saved.questionId));
    const regraded = events.find((e) => e.action === 'regraded');
    expect(regraded).toMatchObject({ orgId, actorId, version: 1 });
    expect(JSON.parse(regraded?.body ?? '{}')).toMatchObject({ kind: 'full_credit', note: 'both fine', changed: 1 });
    expect((await stranger.get(`/app/questions/${saved.questionId}/reports`)).status).toBe(404);
    expect((await stranger.post(`/app/questions/${saved.questionId}/regrade`, { kind: 'drop' })).status).toBe(404);
  });

  it('lets a reviewer read the queue but not act, and shows another organization nothing', async () => {
    expect((await reviewer.get('/app/questions/alpha-s3/reports')).status).toBe(200);
    const readOnly = await (await reviewer.get('/app/questions/alpha-s3/reports')).text();
    expect(readOnly).not.toContain('/regrade"');
    expect(readOnly).not.toContain('reports/resolve');
    expect((await reviewer.get('/app/questions/alpha-s3/regrade')).status).toBe(403);
    expect((await reviewer.post('/app/questions/alpha-s3/regrade', { kind: 'full_credit' })).status).toBe(403);
    expect((await stranger.get('/app/questions/alpha-s3/reports')).status).toBe(404);
    expect((await stranger.get('/app/questions/alpha-s3/regrade')).status).toBe(404);
    expect(await (await stranger.get('/app/question-reports')).text()).not.toContain('alpha-s3');
  });
  it('refuses a regrade planned before another one of the same question, or of a question in the same attempts', async () => {
    // Two managers open dry runs of alpha-s2 from the same state: one gives full credit, the other drops it.
    const fullCredit = { kind: 'full_credit', note: 'both options fine' };
    const drop = { kind: 'drop', note: 'ambiguous' };
    const dryRun = async (questionId: string, fields: Record<string, string>) =>
      dryRunBasis(
        await (await owner.get(`/app/questions/${questionId}/regrade?${new URLSearchParams(fields)}`)).text(),
      );
    const first = await dryRun('alpha-s2', fullCredit);
    const second = await dryRun('alpha-s2', drop);
    expect(second).toBe(first);

    const applied = await owner.post('/app/questions/alpha-s2/regrade', { ...fullCredit, basis: first });
    expect(applied.status).toBe(303);
    const afterFirst = await everythingARegradeWrites();
    expect(afterFirst.regrades.filter((r) => r.questionId === 'alpha-s2')).toHaveLength(1);

    const refused = await owner.post('/app/questions/alpha-s2/regrade', { ...drop, basis: second });
    expect(refused.status).toBe(409);
    const html = await refused.text();
    expect(html).toContain('Another regrade of this question, or of a question in the same attempts, was applied');
    expect(html).toContain('Nothing was written');
    // The dry run as it stands now, with an apply form on the new state.
    expect(html).toContain('Dry run: nothing is written yet');
    expect(dryRunBasis(html)).toBe(String(Number(first) + 1));
    expect(await everythingARegradeWrites()).toEqual(afterFirst);

    // A neighbour: alpha-s4 planned, then alpha-s5 (shown in the same attempts) regraded; the plan is stale.
    const s4 = await dryRun('alpha-s4', fullCredit);
    expect((await applyAfterDryRun(owner, 'alpha-s5', fullCredit)).status).toBe(303);
    const afterNeighbour = await everythingARegradeWrites();
    const stale = await owner.post('/app/questions/alpha-s4/regrade', { ...fullCredit, basis: s4 });
    expect(stale.status).toBe(409);
    expect(await everythingARegradeWrites()).toEqual(afterNeighbour);
  });

  it('writes nothing of the second of two regrades that pass the check at once: the batch decides', async () => {
    // Both requests checked the basis and planned from the same stored state; only the batch is left between them.
    const questionId = 'alpha-tf1';
    const basis = await regradeBasis(t.db, orgId, questionId);
    const scope = await regradeScope(t.db, orgId, questionId);
    const input = (change: RegradeChange) => ({
      orgId,
      questionId,
      questionVersion: 1,
      privateQuestion: false,
      change,
      note: change.kind,
      actorId: ownerId,
      now: t.clock.now,
      outcomes: planRegrade(questionId, scope, change).map((o) => ({
        ...o,
        invitationId: scope.find((s) => s.attemptId === o.attemptId)?.invitationId ?? null,
      })),
      origin: null,
      basis,
    });
    expect(input({ kind: 'full_credit' }).outcomes.length).toBeGreaterThan(0);
    const before = await everythingARegradeWrites();
    const ids = await Promise.all([
      applyRegrade(t.db, input({ kind: 'full_credit' })),
      applyRegrade(t.db, input({ kind: 'drop' })),
    ]);
    const winners = ids.filter((id) => id !== null);
    expect(winners).toHaveLength(1);
    const after = await everythingARegradeWrites();
    const [regrade] = after.regrades.filter((r) => r.questionId === questionId);
    expect(regrade?.id).toBe(winners[0]);
    expect(after.regrades).toHaveLength(before.regrades.length + 1);
    // Every mark is the winner's, and every change row and event names it.
    const mark = regrade?.kind === 'drop' ? 'dropped' : 'full_credit';
    expect(after.marks.filter((m) => m.questionId === questionId).every((m) => m.scoring === mark)).toBe(true);
    const newChanges = after.changes.filter((c) => !before.changes.some((b) => b.regradeId === c.regradeId));
    expect(newChanges.length).toBeGreaterThan(0);
    expect(newChanges.every((c) => c.regradeId === regrade?.id)).toBe(true);
    const newEvents = after.outbox.filter((o) => !before.outbox.some((b) => b.id === o.id));
    expect(newEvents).toHaveLength(newChanges.length);
    expect(newEvents.every((o) => (o.payload.data as { regrade_id: string }).regrade_id === regrade?.id)).toBe(true);
  });
});
