/**
 * The measurement pages a manager acts on, in Chromium on a phone: the question reports queue, a
 * question's reports with its statistics, the regrade dry run and apply, the pass rates by group
 * with their bars, a group label refused and saved in place on a report, and the labels in the
 * pipeline. Each fits 390 px, its chart text is whole, axe finds nothing serious,
 * and the console stays clean under the real CSP.
 */
import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createAssessment } from '../../src/db/assessments';
import { attempts, invitations, questionReports, regrades } from '../../src/db/schema';
import { watchConsole } from '../support/browser';
import { serverAndBrowser, signUpManager } from '../support/browser-suite';
import { defaultAssessment } from '../support/fixtures';
import { expectReadable } from '../support/readable';
import { seedSimulatedAttempts } from '../support/statistics-seed';

const suite = serverAndBrowser();

describe('question reports, regrade and pass rates by group in Chromium', () => {
  it('reads on a phone, regrades after a dry run, and shows pass rates by group', async () => {
    const { url } = suite.seeded.server;
    const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const problems = watchConsole(page);
    const maya = await signUpManager(page, suite.seeded);
    const { orgId } = maya;
    const now = Date.now() - 3600_000;
    const assessmentId = await createAssessment(suite.seeded.db, orgId, maya.userId, defaultAssessment, now);
    const { takers } = await seedSimulatedAttempts(suite.seeded.db, {
      orgId,
      ownerId: maya.userId,
      assessmentId,
      passMark: defaultAssessment.passMark,
      candidates: 30,
      now,
    });
    await suite.seeded.db.insert(questionReports).values({
      id: 'report-browser-test-01',
      orgId,
      attemptId: takers[0]?.attemptId ?? '',
      questionId: 'alpha-s3',
      questionVersion: 1,
      reason: 'several_right',
      body: 'The third option is right as well, as far as I can tell from the documentation.',
      createdAt: now,
    });
    // Two groups of 15, labelled by the team.
    const rows = await suite.seeded.db
      .select({ invitationId: attempts.invitationId })
      .from(attempts)
      .where(eq(attempts.assessmentId, assessmentId));
    const ids = rows.map((r) => r.invitationId ?? '');
    await suite.seeded.db
      .update(invitations)
      .set({ groupLabel: 'Referral' })
      .where(inArray(invitations.id, ids.slice(0, 15)));
    await suite.seeded.db
      .update(invitations)
      .set({ groupLabel: 'Job board' })
      .where(inArray(invitations.id, ids.slice(15)));

    await page.goto(`${url}/app/assessments/${assessmentId}/statistics`);
    await page.getByRole('link', { name: 'Question reports' }).click();
    await page.waitForURL(`${url}/app/question-reports`);
    await expectReadable(page, 'the queue');
    await page.getByRole('link', { name: 'alpha-s3' }).click();
    await page.waitForURL(`${url}/app/questions/alpha-s3/reports`);
    expect(await page.getByText('The third option is right as well').count()).toBe(1);
    await expectReadable(page, "a question's reports");

    await page.getByRole('link', { name: 'Regrade…' }).click();
    await page.getByLabel('Accept an additional answer').check();
    await page.getByLabel('wrong two of alpha-s3').check();
    await page.getByLabel('Why (kept with the regrade)').fill('C is right too.');
    await page.getByRole('button', { name: 'Preview the regrade (dry run)' }).click();
    await page.getByRole('heading', { name: 'Dry run: nothing is written yet' }).waitFor();
    expect(await suite.seeded.db.select().from(regrades)).toEqual([]);
    await expectReadable(page, 'the dry run');
    await page.getByRole('button', { name: 'Apply the regrade' }).click();
    await page.waitForURL(`${url}/app/questions/alpha-s3/reports?done=regraded`);
    expect(await page.getByText('The regrade was applied.').count()).toBe(1);
    expect(await suite.seeded.db.select().from(regrades)).toHaveLength(1);

    await page.goto(`${url}/app/assessments/${assessmentId}/statistics`);
    await page.getByRole('link', { name: 'Pass rates by group' }).click();
    await page.waitForURL(`${url}/app/assessments/${assessmentId}/fairness`);
    expect(await page.locator('#group-rates .hbar').count()).toBe(2);
    expect(await page.getByText('A screening aid, not a verdict.').count()).toBe(1);
    await expectReadable(page, 'pass rates by group');

    // Labelling a candidate on the report: a refused label keeps the form in place (htmx swap), a good one saves there.
    const reportUrl = `${url}/app/attempts/${takers[0]?.attemptId}`;
    await page.goto(reportUrl);
    const field = page.getByLabel("Your team's label for this candidate (optional)");
    expect(await field.inputValue()).toBe('Referral');
    await field.fill('Refer\u200Bral');
    await page.getByRole('button', { name: 'Save the label' }).click();
    await page.getByText('the label has a control or invisible character').waitFor();
    expect(page.url()).toBe(reportUrl);
    expect(await field.inputValue()).toBe('Refer\u200Bral');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await expectReadable(page, 'a refused group label');
    await field.fill('Campus');
    await page.getByRole('button', { name: 'Save the label' }).click();
    await page.getByText('Group label saved.').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    const [labelled] = await suite.seeded.db
      .select({ label: invitations.groupLabel })
      .from(invitations)
      .innerJoin(attempts, eq(attempts.invitationId, invitations.id))
      .where(eq(attempts.id, takers[0]?.attemptId ?? ''));
    expect(labelled?.label).toBe('Campus');

    // The pipeline names each candidate's label.
    await page.goto(`${url}/app/assessments/${assessmentId}`);
    expect(await page.locator('table .badge', { hasText: 'Campus' }).count()).toBe(1);
    await expectReadable(page, 'the pipeline with group labels');

    // The refused label's 422 is the one error Chromium logs (every failed response is logged).
    expect(problems.filter((p) => !/status of 422/.test(p))).toEqual([]);
    expect(problems.filter((p) => /status of 422/.test(p))).toHaveLength(1);
    await context.close();
  });
});
