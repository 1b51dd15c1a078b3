/**
 * In Chromium: the owner imports a spreadsheet's CSV into a new collection on the Import and
 * export page, builds an assessment with a pinned question, previews it with the answer key
 * switched on (the switch stays on from question to question) and opens the whole pool. Every
 * page is axe-clean and fits a 390 px phone.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { demo, seedDemo } from '../../src/cli/demo';
import { seriousAxeViolations } from '../support/axe';
import { watchConsole } from '../support/browser';
import { serverAndBrowser } from '../support/browser-suite';
import { fitsWidth } from '../support/readable';

const suite = serverAndBrowser();

beforeAll(async () => {
  await seedDemo(suite.seeded.db, { now: Date.now(), passwordIterations: 1000 });
});

const csv = `\uFEFFtype,topic,difficulty,prompt,options,correct,explanation\r\nsingle,services,2,"Which service signs our tokens, and rotates the keys?","the gateway\r\nthe auth service",2,"The auth service signs them."\r\nsingle,services,7,"A row with a bad difficulty","a|b",1,"x"\r\n`;

async function expectTidy(page: Page, what: string) {
  expect(await seriousAxeViolations(page), what).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await fitsWidth(page), `${what} at 390 px`).toBe(true);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('bank import and the assessment preview in Chromium', () => {
  it('imports a CSV, previews an assessment with its key, lists its whole pool', async () => {
    const { url } = suite.seeded.server;
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(`${url}/login`);
    await page.getByLabel('Email').fill(demo.owner.email);
    await page.getByLabel('Password').fill(demo.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${url}/app`);

    await page.goto(`${url}/app/bank/collections`);
    await page.getByLabel('Title').fill('Platform internals');
    await page.getByLabel('Topics').fill('services | Services');
    await page.getByRole('button', { name: 'Create collection' }).click();
    await page.goto(`${url}/app/bank`);
    await page.getByRole('link', { name: 'Import or export' }).click();
    await page.waitForURL(`${url}/app/bank/transfer`);
    await expectTidy(page, 'the import and export page');

    await page.getByLabel('Collection', { exact: true }).selectOption({ label: 'Platform internals' });
    await page.getByLabel('Files').setInputFiles({ name: 'sheet.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import as drafts' }).click();
    await page.getByRole('heading', { name: /1 question imported into Platform internals as drafts/ }).waitFor();
    expect(await page.getByText('sheet.csv, line 4').count()).toBe(1);
    await expectTidy(page, 'the import summary');

    await page.goto(`${url}/app/assessments/new`);
    await page.getByLabel('Title').fill('Pinned screening');
    await page.getByLabel('Questions from Alpha').fill('3');
    await page.getByLabel('Always ask these questions (optional)').fill('beta-s3');
    await page.getByRole('button', { name: 'Create assessment' }).click();
    await page.waitForURL(/\/app\/assessments\/[\w-]{22}$/);
    const assessmentUrl = page.url();

    await page.getByRole('link', { name: 'Preview' }).click();
    await page.getByRole('link', { name: 'Show the answer key' }).click();
    await page.getByRole('heading', { name: 'Answer key (shown to you only)' }).waitFor();
    await expectTidy(page, 'the preview with its key');
    await page.getByRole('link', { name: 'Next question' }).click();
    await page.getByRole('heading', { name: 'Answer key (shown to you only)' }).waitFor();
    await page.getByRole('link', { name: 'Hide the answer key' }).click();
    expect(await page.getByRole('heading', { name: 'Answer key (shown to you only)' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Every question a draw can take' }).click();
    await page.waitForURL(`${assessmentUrl}/pool`);
    await page.getByRole('heading', { name: /Beta/ }).waitFor();
    expect(await page.getByText('always asked').count()).toBe(1);
    await expectTidy(page, 'the whole pool');
    expect(problems).toEqual([]);
    await context.close();
  });
});
