import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attempts, responses } from '../../src/db/schema';
import { launchBrowser, watchConsole } from '../support/browser';
import { startSeededServer } from '../support/seed-server';

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

/** Answers whatever question is on screen, as a person would, and says which type it was. */
async function answer(page: Page): Promise<string> {
  if (await page.locator('input[name="choice"][value="true"]').count()) {
    await page.getByLabel('False').check();
    return 'truefalse';
  }
  if (await page.locator('input[type="radio"][name="choice"]').count()) {
    await page.locator('.options label').first().click();
    return 'single';
  }
  if (await page.locator('input[type="checkbox"][name="choices"]').count()) {
    await page.locator('.options label').nth(0).click();
    await page.locator('.options label').nth(2).click();
    return 'multiple';
  }
  if (await page.locator('input[name="text"]').count()) {
    await page.locator('input[name="text"]').fill('some words');
    await page.locator('input[name="text"]').blur();
    return 'text';
  }
  if (await page.locator('input[name="number"]').count()) {
    await page.locator('input[name="number"]').fill('42');
    await page.locator('input[name="number"]').blur();
    return 'numeric';
  }
  const selects = page.locator('.order-list select');
  const n = await selects.count();
  for (let i = 0; i < n; i++) await selects.nth(i).selectOption(String(n - i));
  return 'ordering';
}

async function savedResponses(attemptId: string) {
  return seeded.db.select().from(responses).where(eq(responses.attemptId, attemptId));
}

describe('a candidate takes an assessment in Chromium', () => {
  it('starts, answers every type, survives a reload and an outage, finishes and sees the result', async () => {
    const { link } = await seeded.invite({ timeLimitSeconds: 30 * 60 });
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchConsole(page);

    await page.goto(link);
    await expect(page.getByRole('heading', { name: 'Backend screening' }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Start the assessment' }).click();
    await page.waitForURL(/\/attempts\/[\w-]{22}$/);
    const attemptId = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(await page.locator('#timer').textContent()).toMatch(/^(29|30):\d\d$/);

    const types = new Set<string>();
    for (let q = 0; q < 12; q++) {
      // Exactly this question's URL: the first page has no ?q, later ones must not match it.
      await page.waitForURL(new RegExp(`/attempts/${attemptId}${q === 0 ? '' : `\\?q=${q}`}$`));
      const kind = await answer(page);
      types.add(kind);

      if (q === 4) {
        // The connection drops while answering: the warning shows within 3 s, the answer is kept.
        await context.setOffline(true);
        await page
          .locator('#answer-form')
          .evaluate((form) => form.dispatchEvent(new Event('change', { bubbles: true })));
        await page.getByText('Not saved yet').waitFor({ timeout: 3000 });
        await context.setOffline(false);
        await page.locator('#save-status .saved').waitFor({ timeout: 10_000 });
      } else {
        await page.locator('#save-status .saved').waitFor({ timeout: 5000 });
      }

      if (q === 6) {
        // Reload mid-test: the acknowledged answer is back in the page, the clock did not reset.
        await page.reload();
        const answered = await page.locator('.navigator a.answered').count();
        expect(answered).toBe(7);
        expect(await page.locator('#timer').textContent()).toMatch(/^(2\d|30):\d\d$/);
      }
      const next = page.getByRole('button', { name: q === 11 ? 'Save and review' : 'Save and next' });
      await next.click();
    }
    expect([...types].sort()).toEqual(['multiple', 'numeric', 'ordering', 'single', 'text', 'truefalse']);

    await page.waitForURL(/\/finish$/);
    await page.getByText('You answered every question.').waitFor();
    expect((await savedResponses(attemptId)).length).toBe(12);

    await page.getByRole('button', { name: 'Finish the test' }).click();
    await page.waitForURL(/\/result$/);
    await page.getByRole('heading', { name: 'Thank you, your answers are in' }).waitFor();
    expect(await page.locator('.score-big').textContent()).toMatch(/^\d+(\.\d)?%$/);
    const [row] = await seeded.db.select().from(attempts).where(eq(attempts.id, attemptId));
    expect(row?.state).toBe('submitted');

    // Failed fetches while offline are expected console noise; nothing else may appear.
    expect(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(p))).toEqual([]);
    await context.close();
  });
});
