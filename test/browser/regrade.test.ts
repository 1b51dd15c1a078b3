/**
 * The measurement pages a manager acts on, in Chromium on a phone: the question reports queue, a
 * question's reports with its statistics, the regrade dry run and apply, the pass rates by group
 * with their bars, a group label refused and saved in place on a report, and the labels in the
 * pipeline. Each fits 390 px, its chart text is whole, axe finds nothing serious,
 * and the console stays clean under the real CSP.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessment } from '../../src/db/assessments';
import { attempts, invitations, memberships, questionReports, regrades, users } from '../../src/db/schema';
import { seriousAxeViolations } from '../support/axe';
import { launchBrowser, watchConsole } from '../support/browser';
import { defaultAssessment } from '../support/fixtures';
import { chartText, fitsWidth } from '../support/readable';
import { startSeededServer } from '../support/seed-server';
import { seedSimulatedAttempts } from '../support/statistics-seed';

let seeded: Awaited<ReturnType<typeof startSeededServer>>;
let browser: Browser;

beforeAll(async () => {
  seeded = await startSeededServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await seeded?.stop();
});

async function readable(page: Page, where: string) {
  expect(await fitsWidth(page), `${where}: fits the screen`).toBe(true);
  expect((await chartText(page)).problems, `${where}: chart text`).toEqual([]);
  expect(await seriousAxeViolations(page), `${where}: axe`).toEqual([]);
}

describe('question reports, regrade and pass rates by group in Chromium', () => {
  it('reads on a phone, regrades after a dry run, and shows pass rates by group', async () => {
    const { url } = seeded.server;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(`${url}/signup`);
    await page.getByLabel('Your name').fill('Maya Manager');
    await page.getByLabel('Email').fill('maya@example.com');
    await page.getByLabel('Password').fill('a long enough passphrase');
    await page.getByLabel('Organization').fill('Maya Hiring');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${url}/app`);

    const [maya] = await seeded.db.select().from(users).where(eq(users.email, 'maya@example.com'));
    const [membership] = await seeded.db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, maya?.id ?? ''));
    const orgId = membership?.orgId ?? '';
    const now = Date.now() - 3600_000;
    const assessmentId = await createAssessment(seeded.db, orgId, maya?.id ?? null, defaultAssessment, now);
    const { takers } = await seedSimulatedAttempts(seeded.db, {
      orgId,
      ownerId: maya?.id ?? '',
      assessmentId,
      passMark: defaultAssessment.passMark,
      candidates: 30,
      now,
    });
    await seeded.db.insert(questionReports).values({
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
    const rows = await seeded.db
      .select({ invitationId: attempts.invitationId })
      .from(attempts)
      .where(eq(attempts.assessmentId, assessmentId));
    const ids = rows.map((r) => r.invitationId ?? '');
    await seeded.db
      .update(invitations)
      .set({ groupLabel: 'Referral' })
      .where(inArray(invitations.id, ids.slice(0, 15)));
    await seeded.db
      .update(invitations)
      .set({ groupLabel: 'Job board' })
      .where(inArray(invitations.id, ids.slice(15)));

    await page.goto(`${url}/app/assessments/${assessmentId}/statistics`);
    await page.getByRole('link', { name: 'Question reports' }).click();
    await page.waitForURL(`${url}/app/question-reports`);
    await readable(page, 'the queue');
    await page.getByRole('link', { name: 'alpha-s3' }).click();
    await page.waitForURL(`${url}/app/questions/alpha-s3/reports`);
    expect(await page.getByText('The third option is right as well').count()).toBe(1);
    await readable(page, "a question's reports");

    await page.getByRole('link', { name: 'Regrade…' }).click();
    await page.getByLabel('Accept an additional answer').check();
    await page.getByLabel('wrong two of alpha-s3').check();
    await page.getByLabel('Why (kept with the regrade)').fill('C is right too.');
    await page.getByRole('button', { name: 'Preview the regrade (dry run)' }).click();
    await page.getByRole('heading', { name: 'Dry run: nothing is written yet' }).waitFor();
    expect(await seeded.db.select().from(regrades)).toEqual([]);
    await readable(page, 'the dry run');
    await page.getByRole('button', { name: 'Apply the regrade' }).click();
    await page.waitForURL(`${url}/app/questions/alpha-s3/reports?done=regraded`);
    expect(await page.getByText('The regrade was applied.').count()).toBe(1);
    expect(await seeded.db.select().from(regrades)).toHaveLength(1);

    await page.goto(`${url}/app/assessments/${assessmentId}/statistics`);
    await page.getByRole('link', { name: 'Pass rates by group' }).click();
    await page.waitForURL(`${url}/app/assessments/${assessmentId}/fairness`);
    expect(await page.locator('#group-rates .hbar').count()).toBe(2);
    expect(await page.getByText('A screening aid, not a verdict.').count()).toBe(1);
    await readable(page, 'pass rates by group');

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
    await readable(page, 'a refused group label');
    await field.fill('Campus');
    await page.getByRole('button', { name: 'Save the label' }).click();
    await page.getByText('Group label saved.').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    const [labelled] = await seeded.db
      .select({ label: invitations.groupLabel })
      .from(invitations)
      .innerJoin(attempts, eq(attempts.invitationId, invitations.id))
      .where(eq(attempts.id, takers[0]?.attemptId ?? ''));
    expect(labelled?.label).toBe('Campus');

    // The pipeline names each candidate's label.
    await page.goto(`${url}/app/assessments/${assessmentId}`);
    expect(await page.locator('table .badge', { hasText: 'Campus' }).count()).toBe(1);
    await readable(page, 'the pipeline with group labels');

    // The refused label's 422 is the one error Chromium logs (every failed response is logged).
    expect(problems.filter((p) => !/status of 422/.test(p))).toEqual([]);
    expect(problems.filter((p) => /status of 422/.test(p))).toHaveLength(1);
    await context.close();
  });
});
