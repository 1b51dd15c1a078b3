import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { demo } from '../../src/cli/demo';

/** Debian's Chromium, headless, with the flags that work as root on a machine with no network. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `The browser tests need Chromium at ${executablePath}: install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Collects console errors and CSP violations, which every page test asserts are absent. */
export function watchConsole(page: Page) {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return problems;
}

/** The demo owner signed in through the form, in a new window of the given size, its console watched. */
export async function demoOwnerPage(
  browser: Browser,
  origin: string,
  viewport: { width: number; height: number },
): Promise<[BrowserContext, Page, string[]]> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto(`${origin}/login`);
  await page.getByLabel('Email').fill(demo.owner.email);
  await page.getByLabel('Password').fill(demo.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${origin}/app`);
  return [context, page, problems];
}

/**
 * Answers whatever question is on screen, as a person would: False, the first option, a word, a
 * number, an order; then waits until the page says the answer is saved.
 */
export async function answerWhatIsShown(page: Page) {
  if (await page.locator('input[name="choice"][value="true"]').count()) {
    await page.getByLabel('False').check();
  } else if (await page.locator('input[type="radio"][name="choice"]').count()) {
    await page.locator('.options label').first().click();
  } else if (await page.locator('input[type="checkbox"][name="choices"]').count()) {
    await page.locator('.options label').first().click();
  } else if (await page.locator('input[name="text"]').count()) {
    await page.locator('input[name="text"]').fill('a guess');
    await page.locator('input[name="text"]').blur();
  } else if (await page.locator('input[name="number"]').count()) {
    await page.locator('input[name="number"]').fill('42');
    await page.locator('input[name="number"]').blur();
  } else {
    const selects = page.locator('.order-list select');
    const n = await selects.count();
    for (let i = 0; i < n; i++) await selects.nth(i).selectOption(String(i + 1));
  }
  await page.locator('#save-status .saved').waitFor({ timeout: 5000 });
}
