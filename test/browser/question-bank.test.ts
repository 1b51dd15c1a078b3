import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/cli/demo';
import { seriousAxeViolations } from '../support/axe';
import { demoOwnerPage } from '../support/browser';
import { serverAndBrowser } from '../support/browser-suite';
import { fitsWidth } from '../support/readable';

const suite = serverAndBrowser();

beforeAll(async () => {
  await seedDemo(suite.seeded.db, { now: Date.now(), passwordIterations: 1000 });
});

/** The demo owner, signed in through the form, in a window of the given size. */
function ownerPage(viewport: { width: number; height: number }) {
  return demoOwnerPage(suite.browser, suite.seeded.server.url, viewport);
}

describe('authoring a private question', () => {
  it('previews it live as candidates see it, saves it, and fits a phone without axe findings', async () => {
    const [context, page, problems] = await ownerPage({ width: 1366, height: 900 });
    await page.getByRole('link', { name: 'Question bank' }).click();
    await page.getByRole('link', { name: 'Collections' }).click();
    await page.getByLabel('Title').fill('Our Python');
    await page.getByLabel('Topics').fill('basics | Basics');
    await page.getByRole('button', { name: 'Create collection' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Collection created');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto(`${suite.seeded.server.url}/app/bank/questions/new`);
    // Only the chosen type's answer fields show.
    await expect.poll(() => page.getByRole('group', { name: /Answer \(number\)/ }).isVisible()).toBe(false);
    await page.getByLabel('Short id').fill('py-len-after-append');
    await page
      .getByLabel('Prompt')
      .fill('What does this print?\n\n```python\nxs = [1]\nxs.append(2)\nprint(len(xs))\n```');
    await page.getByLabel('Option 1', { exact: true }).fill('`1`');
    await page.getByLabel('Option 2', { exact: true }).fill('`2`');
    await page.getByRole('checkbox', { name: 'Correct (option 2)' }).check();
    await page.getByLabel('Explanation').fill('`append` adds one element.');

    // The live preview, without pressing Preview: the candidate's radio buttons, highlighted code, the key.
    const preview = page.locator('#author-preview');
    await expect.poll(() => preview.locator('.hljs-built_in').count(), { timeout: 5000 }).toBeGreaterThan(0);
    expect(await preview.getByRole('radio').count()).toBe(2);
    expect(await preview.textContent()).toContain('Correct answer');

    // An error shows in the preview as it is typed, naming the field.
    await page.getByRole('checkbox', { name: 'Correct (option 2)' }).uncheck();
    await expect.poll(() => preview.textContent(), { timeout: 5000 }).toContain('exactly one correct option');
    await page.getByRole('checkbox', { name: 'Correct (option 2)' }).check();
    await expect.poll(() => preview.locator('.hljs-built_in').count(), { timeout: 5000 }).toBeGreaterThan(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await fitsWidth(page)).toBe(true);

    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/app\/bank\/questions\/q_/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('py-len-after-append');
    expect(await fitsWidth(page)).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto(`${suite.seeded.server.url}/app/bank?bank=ours`);
    expect(await page.getByRole('link', { name: /What does this print/ }).count()).toBe(1);
    expect(await fitsWidth(page)).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The public bank on the phone: a question with its key and the copy form.
    await page.goto(`${suite.seeded.server.url}/app/bank?bank=public`);
    await page.locator('#bank-results tbody a').first().click();
    await page.waitForURL(/\/app\/bank\/public\//);
    expect(await page.getByRole('button', { name: 'Copy as a draft' }).count()).toBe(1);
    expect(await fitsWidth(page)).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
