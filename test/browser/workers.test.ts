import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attempts, responses } from '../../src/db/schema';
import { importTestBank } from '../support/bank';
import { answerWhatIsShown, launchBrowser, watchConsole } from '../support/browser';
import { inviteOnWorker, startWorker } from '../support/worker';

let worker: Awaited<ReturnType<typeof startWorker>>;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  worker = await startWorker();
  await importTestBank(worker.db);
  origin = (await worker.mf.ready).origin;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await worker?.close();
});

describe('a candidate in Chromium, on the two Workers', () => {
  it('takes the test on the candidate Worker and sees the result from the app Worker, with no CSP or console error', async () => {
    const token = await inviteOnWorker(worker);
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchConsole(page);

    await page.goto(`${origin}/invite/${token}`);
    await page.getByRole('button', { name: 'Start the assessment' }).click();
    await page.waitForURL(/\/attempts\/[\w-]{22}$/);
    const attemptId = new URL(page.url()).pathname.split('/').pop() ?? '';
    // The page's own script (from Workers Assets) saves each answer as it is given.
    let count = 0;
    while (!page.url().endsWith('/finish') && count < 50) {
      await answerWhatIsShown(page);
      count++;
      const review = page.getByRole('button', { name: 'Save and review' });
      const last = await review.count();
      await (last ? review : page.getByRole('button', { name: 'Save and next' })).click();
      await page.waitForURL(last ? /\/finish$/ : new RegExp(`\\?q=${count}$`));
    }
    expect(count).toBeGreaterThan(3);
    const saved = await worker.db.select().from(responses).where(eq(responses.attemptId, attemptId));
    expect(saved).toHaveLength(count);

    await page.getByRole('button', { name: 'Finish the test' }).click();
    await page.waitForURL(/\/result$/);
    await page.getByRole('heading', { name: 'Thank you, your answers are in' }).waitFor();
    const [row] = await worker.db.select().from(attempts).where(eq(attempts.id, attemptId));
    expect(row?.state).toBe('submitted');
    expect(problems).toEqual([]);

    // The landing page comes from the app Worker, styled from the candidate Worker's assets.
    await page.goto(origin);
    const rules = await page.evaluate(
      () => [...document.styleSheets].find((sheet) => sheet.href?.endsWith('/static/app.css'))?.cssRules.length ?? 0,
    );
    expect(rules).toBeGreaterThan(20);
    expect(problems).toEqual([]);
    await context.close();
  });
});
