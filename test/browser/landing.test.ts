import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
