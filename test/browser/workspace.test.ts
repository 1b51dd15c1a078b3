import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/cli/demo';
import { seriousAxeViolations } from '../support/axe';
import { answerWhatIsShown, demoOwnerPage, watchConsole } from '../support/browser';
import { serverAndBrowser } from '../support/browser-suite';
import { chartText, fitsWidth } from '../support/readable';

let pipelineUrl: string;

const suite = serverAndBrowser();

beforeAll(async () => {
  // The demo workspace over the test bank: finished candidates with scores, signals and decisions.
  const { assessmentId } = await seedDemo(suite.seeded.db, { now: Date.now(), passwordIterations: 1000 });
  pipelineUrl = `${suite.seeded.server.url}/app/assessments/${assessmentId}`;
});

/** The demo owner, signed in through the form, in a window of the given size. */
function ownerPage(viewport: { width: number; height: number }) {
  return demoOwnerPage(suite.browser, suite.seeded.server.url, viewport);
}

describe('the pipeline on a laptop and a phone', () => {
  it('shows the columns that decide who is next at 1366 px without scrolling; on a phone only the table scrolls', async () => {
    const [context, page, problems] = await ownerPage({ width: 1366, height: 768 });
    await page.goto(pipelineUrl);
    const table = page.getByRole('table', { name: /Candidates, sorted by/ });
    for (const name of [
      'Candidate',
      'Status',
      'Score',
      'Result',
      'Percentile',
      'Integrity signals',
      'Completed',
      'Decision',
    ]) {
      const box = await table.getByRole('columnheader', { name: new RegExp(`^${name}`) }).boundingBox();
      expect(box, name).not.toBeNull();
      expect(box?.x ?? -1, name).toBeGreaterThanOrEqual(0);
      expect((box?.x ?? 0) + (box?.width ?? 0), name).toBeLessThanOrEqual(1366);
    }
    expect(await fitsWidth(page)).toBe(true);

    // On a phone the page fits the screen; the table scrolls inside a region a keyboard can focus.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await fitsWidth(page)).toBe(true);
    const region = page.getByRole('region', { name: 'Candidates table' });
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await region.focus();
    expect(await region.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);

    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('charts on a 390 px phone', () => {
  it('keep every label whole and at least 11 px: the distribution and the report', async () => {
    const [context, page, problems] = await ownerPage({ width: 390, height: 844 });
    await page.goto(pipelineUrl);
    const histogram = await chartText(page);
    expect(histogram.texts.map((t) => t.text)).toContain('pass 60%');
    expect(histogram.problems).toEqual([]);

    await page.getByRole('rowheader').getByRole('link').first().click();
    await page.waitForURL(/\/app\/attempts\/[\w-]{22}$/);
    const report = await chartText(page);
    const values = report.texts.filter((t) => t.chart === 'area-bars').map((t) => t.text);
    expect(values.filter((v) => /%$/.test(v))).toHaveLength(2); // Alpha and Beta, each with its %
    expect(report.texts.some((t) => t.chart === 'time-bars' && /^\d\d:\d\d$/.test(t.text))).toBe(true);
    expect(report.problems).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);

    expect(problems).toEqual([]);
    await context.close();
  });

  it("keep the candidate's result whole: every area's value ends with its %", async () => {
    const { link } = await suite.seeded.invite({
      showAfter: 'score',
      shuffleQuestions: false,
      blueprint: {
        sections: [
          { area: 'alpha', count: 2 },
          { area: 'beta', count: 1 },
        ],
      },
    });
    const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(link);
    await page.getByRole('button', { name: 'Start the assessment' }).click();
    await page.waitForURL(/\/attempts\/[\w-]{22}$/);
    for (let q = 0; q < 3; q++) {
      await answerWhatIsShown(page);
      await page.getByRole('button', { name: q === 2 ? 'Save and review' : 'Save and next' }).click();
      if (q < 2) await page.waitForURL(new RegExp(`\\?q=${q + 1}$`));
    }
    await page.waitForURL(/\/finish$/);
    await page.getByRole('button', { name: 'Finish the test' }).click();
    await page.waitForURL(/\/result$/);
    await page.getByRole('heading', { name: 'By area' }).waitFor();

    const { texts, problems: unreadable } = await chartText(page);
    const values = texts.filter((t) => /\d/.test(t.text)).map((t) => t.text);
    expect(values).toHaveLength(2);
    for (const value of values) expect(value).toMatch(/^\d+(\.\d+)?%$/);
    expect(unreadable).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);

    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('accessibility of the workspace pages (axe-core)', () => {
  it('finds nothing serious on the pipeline, the invitations and the team pages', async () => {
    const [context, page, problems] = await ownerPage({ width: 1366, height: 768 });
    await page.goto(pipelineUrl);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto(`${pipelineUrl}/invitations`);
    // An invitation's actions open with its link to copy.
    await page.locator('summary', { hasText: 'Actions' }).first().click();
    await page
      .getByRole('button', { name: /Copy link/ })
      .first()
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The dark theme: the red Revoke button's words keep their contrast.
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });

    // The team page with a pending invitation and its Copy link button.
    await page.goto(`${suite.seeded.server.url}/app/team`);
    await page.getByLabel('Email').fill('newcomer@example.com');
    await page.getByLabel(/^admin/i).check();
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    await page.getByRole('heading', { name: 'Invitation ready for newcomer@example.com' }).waitFor();
    const pending = page.getByRole('table', { name: 'Invitations not yet accepted' });
    // Its accessible name holds the words on it, for people who speak to their computer.
    await pending.getByRole('button', { name: /^Copy/ }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Roles read as names.
    expect(await pending.getByRole('cell', { name: 'Admin', exact: true }).count()).toBe(1);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await fitsWidth(page)).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);

    expect(problems).toEqual([]);
    await context.close();
  });
});
