/**
 * An assessment's statistics in Chromium, on a phone and a laptop: the page fits the screen (wide
 * tables scroll in their own box), chart text is whole and readable, axe finds nothing serious,
 * and the console stays clean under the real CSP. Then a question's page, opened from the table.
 */
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessment } from '../../src/db/assessments';
import { memberships, users } from '../../src/db/schema';
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

describe('statistics in Chromium', () => {
  it('reads on a phone and a laptop, and leads to a question', async () => {
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
    const now = Date.now() - 3600_000;
    const assessmentId = await createAssessment(
      seeded.db,
      membership?.orgId ?? '',
      maya?.id ?? null,
      { ...defaultAssessment, title: 'Backend screening' },
      now,
    );
    await seedSimulatedAttempts(seeded.db, {
      orgId: membership?.orgId ?? '',
      ownerId: maya?.id ?? '',
      assessmentId,
      passMark: defaultAssessment.passMark,
      candidates: 35,
      now,
    });

    await page.goto(`${url}/app/assessments/${assessmentId}`);
    await page.getByRole('link', { name: 'Statistics' }).click();
    await page.waitForURL(`${url}/app/assessments/${assessmentId}/statistics`);
    await page.getByRole('img', { name: /Facility against discrimination/ }).waitFor();
    await page.getByText("The chart's figures as a table").click();
    expect(await page.locator('#item-map-data tbody tr').count()).toBe(12);
    expect(await page.getByText('Wrong option C is chosen more by stronger candidates').count()).toBeGreaterThan(0);
    await readable(page, 'statistics on a phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    await readable(page, 'statistics on a laptop');

    await page.getByRole('link', { name: 'alpha-s3', exact: true }).first().click();
    await page.waitForURL(/\/statistics\/questions\/alpha-s3$/);
    await page.getByRole('heading', { name: 'Pooled practice data' }).waitFor();
    await readable(page, 'question on a laptop');
    await page.setViewportSize({ width: 390, height: 844 });
    await readable(page, 'question on a phone');

    expect(problems).toEqual([]);
    await context.close();
  });
});
