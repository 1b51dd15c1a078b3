/**
 * What most Chromium test files share: a seeded server and a browser started once before the
 * file's tests and stopped after, and a manager who signs up through the form.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { memberIds } from './people';
import { startSeededServer } from './seed-server';

export type SeededServer = Awaited<ReturnType<typeof startSeededServer>>;

/**
 * Starts the server (with `env()`, read when it starts) and Chromium before the file's tests and
 * stops both after; read `seeded` and `browser` inside the tests and the hooks that follow.
 */
export function serverAndBrowser(env?: () => Record<string, string>): { seeded: SeededServer; browser: Browser } {
  const run = {} as { seeded: SeededServer; browser: Browser };
  beforeAll(async () => {
    run.seeded = await startSeededServer(env?.());
    run.browser = await launchBrowser();
  });
  afterAll(async () => {
    await run.browser?.close();
    await run.seeded?.stop();
  });
  return run;
}

/** Maya signs up through the form, owning a new organization; her user and organization ids. */
export async function signUpManager(page: Page, seeded: SeededServer): Promise<{ userId: string; orgId: string }> {
  const { url } = seeded.server;
  await page.goto(`${url}/signup`);
  await page.getByLabel('Your name').fill('Maya Manager');
  await page.getByLabel('Email').fill('maya@example.com');
  await page.getByLabel('Password').fill('a long enough passphrase');
  await page.getByLabel('Organization').fill('Maya Hiring');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(`${url}/app`);
  return memberIds(seeded.db, 'maya@example.com');
}
