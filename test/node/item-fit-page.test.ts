/**
 * The per-question statistics page shows the 2PL curve's fit beside its parameters: computed from
 * the pooled practice tests (their ability estimates against the question's calibrated a and b),
 * the same figures the engine gives for the same data, with the reading in words.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessment } from '../../src/db/assessments';
import { questions } from '../../src/db/schema';
import { probability } from '../../src/engine/irt';
import { fitWords, itemFit } from '../../src/engine/item-fit';
import { createRng, randomNormal } from '../../src/engine/random';
import { makeTestApp, type TestApp } from '../support/app';
import { importTestBank } from '../support/bank';
import type { TestBrowser } from '../support/client';
import { defaultAssessment } from '../support/fixtures';
import { memberIds, signUpOwner } from '../support/people';
import { seedPracticeAttempt, seedSimulatedAttempts } from '../support/statistics-seed';

let t: TestApp;
let owner: TestBrowser;
let assessmentId: string;
const practice: { theta: number; credit: number }[] = [];
const curve = { a: 1.3, b: 0.2 };

beforeAll(async () => {
  t = await makeTestApp();
  await importTestBank(t.db);
  owner = await signUpOwner(t, 'olivia@example.com', 'Acme Hiring');
  const olivia = await memberIds(t.db, 'olivia@example.com');
  const orgId = olivia.orgId;
  assessmentId = await createAssessment(t.db, orgId, olivia.userId, defaultAssessment, t.clock.now);
  const { items } = await seedSimulatedAttempts(t.db, {
    orgId,
    ownerId: olivia.userId,
    assessmentId,
    passMark: 60,
    candidates: 3,
    now: t.clock.now,
  });
  const item = items.find((i) => i.questionId === 'alpha-s1');
  if (!item) throw new Error('no alpha-s1');
  await t.db
    .update(questions)
    .set({ irtA: curve.a, irtB: curve.b, calibratedAt: t.clock.now })
    .where(eq(questions.id, 'alpha-s1'));
  // 60 practice tests that showed alpha-s1, answered by the curve, with the abilities they ended on.
  const rng = createRng('fit-page');
  for (let i = 0; i < 60; i++) {
    const theta = randomNormal(rng);
    const right = rng() < probability(theta, curve);
    const id = `fit-practice-${String(i).padStart(3, '0')}-xxxxxxx`.slice(0, 22);
    await seedPracticeAttempt(t.db, { id, item, theta, thetaSe: 0.4, right, now: t.clock.now });
    practice.push({ theta, credit: right ? 1 : 0 });
  }
});
afterAll(() => t.close());

describe('item fit on the question statistics page', () => {
  it('shows the engine figures for the pooled practice data, with the reading in words', async () => {
    const fit = itemFit(curve, practice);
    expect(fit?.groups).toHaveLength(6);
    const html = await (await owner.get(`/app/assessments/${assessmentId}/statistics/questions/alpha-s1`)).text();
    expect(html).toContain(`<dd id="fit-rmse">${fit?.rmse.toFixed(3)}</dd>`);
    // Three candidates of the assessment: too few for its own fit.
    expect(html).toContain(
      'finished attempts of this assessment that showed this question (two ability groups of 10); there are not enough yet',
    );
    expect(html).toContain(`${fit?.q1.toFixed(1)} on 4 df`);
    expect(html).toContain(fit ? fitWords(fit).replaceAll("'", '&#39;') : 'no fit');
    expect(html).toContain('href="/app/questions/alpha-s1/reports"');
  });

  it('says when there are too few practice tests', async () => {
    const html = await (await owner.get(`/app/assessments/${assessmentId}/statistics/questions/alpha-s2`)).text();
    expect(html).toContain('there are not enough yet');
  });
});
