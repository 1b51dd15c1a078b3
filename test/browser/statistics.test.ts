import { describe, expect, it } from 'vitest';
import { createAssessment } from '../../src/db/assessments';
import { watchConsole } from '../support/browser';
import { serverAndBrowser, signUpManager } from '../support/browser-suite';
import { defaultAssessment } from '../support/fixtures';
import { expectReadable } from '../support/readable';
import { seedSimulatedAttempts } from '../support/statistics-seed';

const suite = serverAndBrowser();

describe('statistics in Chromium', () => {
  it('reads on a phone and a laptop, and leads to a question', async () => {
    const { url } = suite.seeded.server;
    const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const problems = watchConsole(page);
    const maya = await signUpManager(page, suite.seeded);
    const now = Date.now() - 3600_000;
    const assessmentId = await createAssessment(
      suite.seeded.db,
      maya.orgId,
      maya.userId,
      { ...defaultAssessment, title: 'Backend screening' },
      now,
    );
    await seedSimulatedAttempts(suite.seeded.db, {
      orgId: maya.orgId,
      ownerId: maya.userId,
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
    await expectReadable(page, 'statistics on a phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    await expectReadable(page, 'statistics on a laptop');

    await page.getByRole('link', { name: 'alpha-s3', exact: true }).first().click();
    await page.waitForURL(/\/statistics\/questions\/alpha-s3$/);
    await page.getByRole('heading', { name: 'Pooled practice data' }).waitFor();
    await expectReadable(page, 'question on a laptop');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectReadable(page, 'question on a phone');

    expect(problems).toEqual([]);
    await context.close();
  });
});
