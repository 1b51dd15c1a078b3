/**
 * Reporting a problem with a question in Chromium, on the candidate's test page: the disclosure
 * opens, the report goes without leaving the page, the answer typed before stays (on screen and
 * saved), the panel says what was received, and it still says so after moving away and back.
 */
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { questionReports, responses } from '../../src/db/schema';
import { seriousAxeViolations } from '../support/axe';
import { watchConsole } from '../support/browser';
import { serverAndBrowser } from '../support/browser-suite';

const suite = serverAndBrowser();

/** Moves through the navigator (in place) until the text question is on screen; its position. */
async function goToTextQuestion(page: Page): Promise<number> {
  await page.waitForSelector('#answer-form[data-questions="ready"]');
  for (let q = 0; q < 12; q++) {
    await page.locator(`.navigator a[data-position="${q}"]`).click();
    await page.waitForFunction((p) => document.getElementById('answer-form')?.dataset.position === String(p), q);
    if (await page.locator('input[name="text"]').count()) return q;
  }
  throw new Error('no text question in the test');
}

describe('a candidate reports a problem with a question', () => {
  it('sends the report without leaving the question, and the typed answer stays', async () => {
    const { link } = await suite.seeded.invite({ timeLimitSeconds: 30 * 60 });
    const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(link);
    await page.getByRole('button', { name: 'Start the assessment' }).click();
    await page.waitForURL(/\/attempts\/[\w-]{22}$/);
    const attemptId = new URL(page.url()).pathname.split('/').pop() ?? '';

    const q = await goToTextQuestion(page);
    const url = page.url();
    await page.locator('input[name="text"]').fill('my own words');

    await page.getByText('Report a problem with this question').click();
    await page.getByLabel('More than one answer is right').check();
    await page.getByLabel(/^Details/).fill('Two spellings of the word should count.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Send the report' }).click();

    const received = page.locator('.question-report').getByText('Report received');
    await received.waitFor({ timeout: 5000 });
    await expect(page.locator('.question-report').textContent()).resolves.toContain(
      'You reported: More than one answer is right · Two spellings of the word should count.',
    );
    // The same page, the same question, the answer as typed, and saved by its own form.
    expect(page.url()).toBe(url);
    expect(await page.locator('input[name="text"]').inputValue()).toBe('my own words');
    await page.locator('#save-status .saved').waitFor({ timeout: 5000 });
    const saved = await suite.seeded.db.select().from(responses).where(eq(responses.attemptId, attemptId));
    expect(saved.map((r) => r.answer)).toContainEqual({ type: 'text', text: 'my own words' });

    const [report] = await suite.seeded.db
      .select()
      .from(questionReports)
      .where(eq(questionReports.attemptId, attemptId));
    expect(report).toMatchObject({
      questionId: 'alpha-t1',
      reason: 'several_right',
      body: 'Two spellings of the word should count.',
    });
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Away and back, in place: the other question has its own panel; this one still says received.
    const other = q === 0 ? 1 : 0;
    await page.locator(`.navigator a[data-position="${other}"]`).click();
    await page.waitForFunction((p) => document.getElementById('answer-form')?.dataset.position === String(p), other);
    await expect(page.locator('.question-report').textContent()).resolves.not.toContain('Report received');
    await page.locator(`.navigator a[data-position="${q}"]`).click();
    await page.waitForFunction((p) => document.getElementById('answer-form')?.dataset.position === String(p), q);
    await expect(page.locator('.question-report').textContent()).resolves.toContain('Report received');
    expect(await page.locator('input[name="text"]').inputValue()).toBe('my own words');

    // A second report from the same question replaces the first.
    await page.getByText('Change your report').click();
    await page.getByLabel('The question is unclear').check();
    await page.getByRole('button', { name: 'Update the report' }).click();
    await page.locator('.question-report').getByText('You reported: The question is unclear').waitFor();
    const rows = await suite.seeded.db.select().from(questionReports).where(eq(questionReports.attemptId, attemptId));
    expect(rows.map((r) => r.reason)).toEqual(['unclear']);

    expect(problems).toEqual([]);
    await context.close();
  });
});
