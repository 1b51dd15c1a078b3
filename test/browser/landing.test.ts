import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../support/axe';
import { launchBrowser, watchConsole } from '../support/browser';
import { startServer } from '../support/server';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  server?.cleanup();
});

describe('landing page in Chromium', () => {
  it('loads htmx from our own origin with no CSP violation or console error', async () => {
    const page = await browser.newPage();
    const problems = watchConsole(page);
    const scripts: string[] = [];
    page.on('request', (req) => {
      if (req.resourceType() === 'script') scripts.push(req.url());
    });
    await page.goto(server.url, { waitUntil: 'networkidle' });
    expect(await page.title()).toBe('Skillcheck');
    expect(await page.evaluate(() => typeof (window as unknown as { htmx?: unknown }).htmx)).toBe('object');
    expect(scripts.length).toBeGreaterThan(0);
    for (const url of scripts) expect(url.startsWith(server.url)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('can be used by keyboard: the first Tab reaches the skip link', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to content');
  });

  it('says how to create the first account while there is none, and stops saying it once one exists', async () => {
    const notice = 'No account yet: create the first one, it becomes the owner of your organization.';
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(server.url);
    expect(await page.getByText(notice).count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'create the first one' }).click();
    await page.getByRole('heading', { name: 'Create the first account' }).waitFor();
    await page.getByLabel('Your name').fill('Olivia Owner');
    await page.getByLabel('Email').fill('olivia@example.com');
    await page.getByLabel('Password').fill('a long enough passphrase');
    await page.getByLabel('Organization').fill('Olivia Hiring');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${server.url}/app`);
    expect(problems).toEqual([]);
    await context.close();

    // A visitor who is not signed in: the first account exists now, so the page no longer offers it.
    const visitor = await browser.newPage();
    await visitor.goto(server.url);
    await visitor.getByRole('heading', { name: 'Practice areas' }).waitFor();
    expect(await visitor.getByText('No account yet').count()).toBe(0);
    expect(await seriousAxeViolations(visitor)).toEqual([]);
    await visitor.close();
  });
});
