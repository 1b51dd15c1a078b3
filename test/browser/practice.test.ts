import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../support/axe';
import { watchConsole } from '../support/browser';
import { serverAndBrowser } from '../support/browser-suite';
import { chartText, fitsWidth } from '../support/readable';

const suite = serverAndBrowser();

/** Answers whatever question is on screen, as a person would. */
async function answer(page: Page) {
  if (await page.locator('input[name="choice"][value="true"]').count()) {
    await page.getByLabel('False').check();
  } else if (await page.locator('input[type="radio"][name="choice"]').count()) {
    await page.locator('.options label').filter({ hasText: 'right one of' }).click();
  } else if (await page.locator('input[type="checkbox"][name="choices"]').count()) {
    await page.locator('.options label').filter({ hasText: 'two' }).click();
    await page.locator('.options label').filter({ hasText: 'four' }).click();
  } else if (await page.locator('input[name="text"]').count()) {
    await page.locator('input[name="text"]').fill('a guess');
  } else if (await page.locator('input[name="number"]').count()) {
    await page.locator('input[name="number"]').fill('42');
  } else {
    const selects = page.locator('.order-list select');
    const n = await selects.count();
    for (let i = 0; i < n; i++) await selects.nth(i).selectOption(String(i + 1));
  }
}

describe('a visitor benchmarks themselves in Chromium', () => {
  it('takes an adaptive practice test to the end, shares the result and opens the link elsewhere', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const problems = watchConsole(page);

    await page.goto(`${suite.seeded.server.url}/`);
    await page.getByRole('link', { name: 'Start a practice test in Alpha' }).click();
    await page.waitForURL(/\/practice\/alpha$/);
    await page.getByRole('heading', { name: 'Practice test: Alpha' }).waitFor();
    expect(await page.getByText('The test adapts to your answers.').count()).toBe(1);
    expect(await fitsWidth(page)).toBe(true);
    await page.getByRole('button', { name: 'Start the test' }).click();
    await page.waitForURL(/\/attempts\/[\w-]{22}$/);
    // 10 questions in this bank, 90 s each: the clock shows up to 15 minutes.
    expect(await page.locator('#timer').textContent()).toMatch(/^1[45]:\d\d$/);

    let asked = 0;
    while (!page.url().endsWith('/result')) {
      asked++;
      expect(asked).toBeLessThanOrEqual(10);
      await page.getByRole('heading', { name: `Question ${asked}`, exact: true }).waitFor();
      expect(await page.locator('.navigator').count()).toBe(0);
      await answer(page);
      await page.getByRole('button', { name: 'Submit answer and continue' }).click();
      // The URL of the next question is the same as this one's: wait for the next page itself.
      await page
        .getByRole('heading', { name: `Question ${asked + 1}`, exact: true })
        .or(page.getByRole('heading', { name: 'Your result in Alpha' }))
        .waitFor();
    }
    expect(asked).toBe(10);

    await page.getByRole('heading', { name: 'Your result in Alpha' }).waitFor();
    const score = (await page.locator('.score-big').textContent()) ?? '';
    expect(score).toMatch(/^\d{3} ± \d{1,2}$/);
    expect(await page.locator('svg.scale-chart title').textContent()).toContain(`Score ${score.split(' ')[0]}`);
    expect(await page.getByRole('heading', { name: 'Review' }).count()).toBe(1);
    expect(await fitsWidth(page)).toBe(true);
    // The scale chart keeps its words whole and readable on the phone.
    const scale = await chartText(page);
    expect(scale.texts.map((t) => t.text)).toEqual(expect.arrayContaining([score.split(' ')[0], 'Expert', '300']));
    expect(scale.problems).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Create a result link' }).click();
    await page.waitForURL(/shared=1/);
    const link = await page.locator('#share-url').inputValue();
    expect(link).toMatch(/\/results\/[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(await fitsWidth(page)).toBe(true);
    // In the dark theme too, the Withdraw button's words stand out from its colour.
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });

    // Someone else, on a phone that never saw the test, opens the link.
    const recipient = await suite.browser.newContext({ viewport: { width: 390, height: 844 } });
    const other = await recipient.newPage();
    const otherProblems = watchConsole(other);
    const res = await other.goto(link);
    expect(res?.status()).toBe(200);
    await other.getByText('Verified by Skillcheck').waitFor();
    expect(await other.getByRole('heading', { name: 'Alpha: practice test result' }).count()).toBe(1);
    expect(await other.locator('.kpis dd').first().textContent()).toBe(score);
    expect(await other.getByText('Review').count()).toBe(0);
    // Written to the person reading it, who is not the one who took the test.
    const shared = await other.locator('main').textContent();
    expect(shared).toContain('Percentile among everyone who took Alpha');
    expect(shared).not.toMatch(/\byour\b/i);
    expect((await chartText(other)).problems).toEqual([]);
    expect(await fitsWidth(other)).toBe(true);
    expect(await seriousAxeViolations(other)).toEqual([]);

    // The owner withdraws it; the recipient's reload says so.
    await page.getByRole('button', { name: 'Withdraw this link' }).click();
    await page.waitForURL(/withdrawn=1/);
    expect((await other.reload())?.status()).toBe(410);
    await other.getByRole('heading', { name: 'This result was withdrawn by its owner' }).waitFor();

    // The history in this browser: its chart's labels are whole and readable on the phone too.
    await page.goto(`${suite.seeded.server.url}/me`);
    const history = await chartText(page);
    expect(history.texts.some((t) => /^\d{4}-\d\d-\d\d$/.test(t.text))).toBe(true);
    expect(history.problems).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);

    expect(problems).toEqual([]);
    expect(otherProblems.filter((p) => !/status of 410/.test(p))).toEqual([]);
    await recipient.close();
    await context.close();
  });
});
