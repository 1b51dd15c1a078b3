/**
 * Question reports and regrades on D1: the report's guarded upsert, and a regrade's one batch
 * (item marks, rescored attempts, the regrade, its changes, the attempt.regraded outbox rows),
 * written by the same code the routes call, against the worker's real local D1.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOrgWithOwner } from '../../src/db/accounts';
import { createAssessment } from '../../src/db/assessments';
import { saveQuestionReport } from '../../src/db/question-reports';
import { applyRegrade, regradeBasis, regradeScope } from '../../src/db/regrades';
import { attemptItems, attempts, questionReports, regradeChanges, webhookOutbox, webhooks } from '../../src/db/schema';
import { planRegrade } from '../../src/engine/regrade';
import { newWebhookSecret } from '../../src/webhooks/signature';
import { importTestBank } from '../support/bank';
import { defaultAssessment } from '../support/fixtures';
import { seedSimulatedAttempts } from '../support/statistics-seed';
import { startWorker } from '../support/worker';

let worker: Awaited<ReturnType<typeof startWorker>>;

beforeAll(async () => {
  worker = await startWorker();
  await importTestBank(worker.db);
});
afterAll(async () => {
  await worker?.close();
});

it('keeps a report and applies a regrade in one D1 batch', { timeout: 120_000 }, async () => {
  const now = Date.now();
  const { orgId, userId } = await createOrgWithOwner(worker.db, {
    email: 'owner@example.com',
    name: 'Olivia Owner',
    passwordHash: 'unused',
    orgName: 'Edge Hiring',
  });
  await worker.db.insert(webhooks).values({
    id: 'wh-regrade',
    orgId,
    url: 'https://hooks.example.com/x',
    secret: newWebhookSecret(),
    events: ['attempt.regraded'],
  });
  const assessmentId = await createAssessment(worker.db, orgId, userId, defaultAssessment, now);
  const { takers } = await seedSimulatedAttempts(worker.db, {
    orgId,
    ownerId: userId,
    assessmentId,
    passMark: 60,
    candidates: 12,
    now,
  });
  const first = takers[0]?.attemptId ?? '';

  // A report needs an attempt in progress: the guard refuses this finished one, then takes it once reopened.
  const report = {
    attemptId: first,
    orgId,
    questionId: 'alpha-s3',
    questionVersion: 1,
    reason: 'unclear',
    body: '',
  } as const;
  expect(await saveQuestionReport(worker.db, { ...report, now })).toBe(false);
  await worker.db.update(attempts).set({ state: 'in_progress' }).where(eq(attempts.id, first));
  expect(await saveQuestionReport(worker.db, { ...report, now })).toBe(true);
  expect(await saveQuestionReport(worker.db, { ...report, reason: 'none_right', now })).toBe(true);
  expect((await worker.db.select().from(questionReports)).map((r) => r.reason)).toEqual(['none_right']);
  await worker.db.update(attempts).set({ state: 'submitted' }).where(eq(attempts.id, first));

  const basis = await regradeBasis(worker.db, orgId, 'alpha-s3');
  const scope = await regradeScope(worker.db, orgId, 'alpha-s3');
  expect(scope).toHaveLength(12);
  const plan = planRegrade('alpha-s3', scope, { kind: 'full_credit' });
  const moved = plan.filter((o) => o.resultChanged);
  expect(moved.length).toBeGreaterThan(0);
  const input = {
    orgId,
    questionId: 'alpha-s3',
    questionVersion: 1,
    privateQuestion: false,
    change: { kind: 'full_credit' } as const,
    note: 'on D1',
    actorId: userId,
    now,
    outcomes: plan.map((o) => ({
      ...o,
      invitationId: scope.find((s) => s.attemptId === o.attemptId)?.invitationId ?? null,
    })),
    origin: null,
    basis,
  };
  expect(await applyRegrade(worker.db, input)).not.toBeNull();
  // The same plan again, on the basis it was made on: the batch's guard writes nothing of it.
  const changesAfter = await worker.db.select().from(regradeChanges);
  expect(await applyRegrade(worker.db, { ...input, change: { kind: 'drop' } })).toBeNull();
  expect(await worker.db.select().from(regradeChanges)).toEqual(changesAfter);
  const marks = await worker.db.select().from(attemptItems).where(eq(attemptItems.questionId, 'alpha-s3'));
  expect(marks.every((m) => m.scoring === 'full_credit')).toBe(true);
  expect(await worker.db.select().from(regradeChanges)).toHaveLength(moved.length);
  const outbox = await worker.db.select().from(webhookOutbox).where(eq(webhookOutbox.event, 'attempt.regraded'));
  expect(outbox).toHaveLength(moved.length);
  const target = moved[0];
  const [stored] = await worker.db
    .select()
    .from(attempts)
    .where(eq(attempts.id, target?.attemptId ?? ''));
  expect(stored).toMatchObject({ scorePercent: target?.after.percent, passed: target?.after.passed });
  // Planned again, the same regrade changes nothing.
  expect(planRegrade('alpha-s3', await regradeScope(worker.db, orgId, 'alpha-s3'), { kind: 'full_credit' })).toEqual(
    [],
  );
});
