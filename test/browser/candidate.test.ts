import { createRequire } from 'node:module';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { attemptItems, attempts, responses } from '../../src/db/schema';
import { watchConsole } from '../support/browser';
import { serverAndBrowser } from '../support/browser-suite';
import { writeTestBank } from '../support/seed-server';

// One more area for the phone: a question whose code is far wider than a phone's screen.
const wideLine = `SELECT ${Array.from({ length: 14 }, (_, i) => `customer_column_${i}`).join(', ')} FROM customers;`;
const codeArea = [
  {
    path: 'questions/codewide/area.md',
    text: '---\ntitle: Code wide\nsummary: Wide code for tests.\n---\n\n## Topics\n\n- `c1`: C1 | https://example.com/c1\n',
  },
  {
    path: 'questions/codewide/c1.md',
    text: `# C1\n\n## codewide-s1\ntype: single\ndifficulty: 2\n\nWhat does this query return?\n\n\`\`\`sql\n${wideLine}\n\`\`\`\n\n### Options\n- [ ] wrong one\n- [x] right one\n- [ ] wrong two\n\n### Explanation\nBecause.\n`,
  },
];

const suite = serverAndBrowser(() => ({ QUESTIONS_DIR: writeTestBank(codeArea) }));

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
  return suite.seeded.db.select().from(responses).where(eq(responses.attemptId, attemptId));
}

describe('a candidate takes an assessment in Chromium', () => {
  it('starts, answers every type, survives a reload and an outage, finishes and sees the result', async () => {
    const { link } = await suite.seeded.invite({ timeLimitSeconds: 30 * 60 });
    const context = await suite.browser.newContext();
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
    const [row] = await suite.seeded.db.select().from(attempts).where(eq(attempts.id, attemptId));
    expect(row?.state).toBe('submitted');

    // Failed fetches while offline are expected console noise; nothing else may appear.
    expect(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(p))).toEqual([]);
    await context.close();
  });
});

/** The answers stored for an attempt, by position, read from the database. */
async function storedByPosition(attemptId: string) {
  const rows = await suite.seeded.db
    .select({ position: attemptItems.position, answer: responses.answer, flagged: responses.flagged })
    .from(attemptItems)
    .innerJoin(
      responses,
      and(eq(responses.attemptId, attemptItems.attemptId), eq(responses.questionId, attemptItems.questionId)),
    )
    .where(and(eq(attemptItems.attemptId, attemptId), isNotNull(responses.answer)))
    .orderBy(asc(attemptItems.position));
  return rows;
}

async function startAttempt(page: Page, link: string) {
  await page.goto(link);
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await page.waitForURL(/\/attempts\/[\w-]{22}$/);
  return new URL(page.url()).pathname.split('/').pop() ?? '';
}

describe('the test page keeps going offline', () => {
  it('answers three questions in a row with Save and next while offline; all three are stored once back', async () => {
    const { link } = await suite.seeded.invite({ timeLimitSeconds: 30 * 60 });
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    const problems = watchConsole(page);
    const attemptId = await startAttempt(page, link);
    // Once the page has settled it holds every question: from here on it needs no network to move.
    await page.waitForLoadState('networkidle');

    await context.setOffline(true);
    for (let q = 0; q < 3; q++) {
      await answer(page);
      await page.getByRole('button', { name: 'Save and next' }).click();
      await page.getByRole('heading', { name: `Question ${q + 2} of 12` }).waitFor({ timeout: 5000 });
      expect(new URL(page.url()).search).toBe(`?q=${q + 1}`);
    }
    await page.getByText('Not saved yet').waitFor({ timeout: 3000 });
    expect(await page.locator('#timer').textContent()).toMatch(/^(2\d|30):\d\d$/);
    expect(await page.locator('.navigator a.answered').count()).toBe(3);
    // Back to the third question: the answer queued on this device is on screen.
    await page.getByRole('button', { name: 'Previous' }).click();
    await page.getByRole('heading', { name: 'Question 3 of 12' }).waitFor();
    const filled = await page
      .locator('#answer-form')
      .evaluate((form) =>
        [...new FormData(form as HTMLFormElement)].filter(([k, v]) => !['q', 'seq'].includes(k) && String(v) !== ''),
      );
    expect(filled.length).toBeGreaterThan(0);
    expect(await storedByPosition(attemptId)).toEqual([]);

    await context.setOffline(false);
    await expect
      .poll(async () => (await storedByPosition(attemptId)).map((r) => r.position), { timeout: 15_000 })
      .toEqual([0, 1, 2]);
    await page.getByText('All answers saved.').waitFor({ timeout: 10_000 });
    // A reload lands on the question the address names, with its answer from the server.
    await page.reload();
    await page.getByRole('heading', { name: 'Question 3 of 12' }).waitFor();
    expect(await page.locator('.navigator a.answered').count()).toBe(3);
    expect(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(p))).toEqual([]);
    await context.close();
  });

  it('says in the navigator, to a screen reader too, what was answered and flagged', async () => {
    const { link } = await suite.seeded.invite({ timeLimitSeconds: 30 * 60 });
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    await startAttempt(page, link);
    const first = page.locator('.navigator a[data-position="0"]');
    expect(await first.getAttribute('aria-label')).toBe('Question 1, not answered');
    await answer(page);
    await page.locator('#save-status .saved').waitFor({ timeout: 5000 });
    expect(await first.getAttribute('aria-label')).toBe('Question 1, answered');
    await page.getByLabel('Flag this question for review').check();
    expect(await first.getAttribute('aria-label')).toBe('Question 1, answered, flagged');
    expect(await page.getByRole('link', { name: 'Question 1, answered, flagged' }).count()).toBe(1);
    expect(await page.locator('label[for="progress"]').textContent()).toBe('1 of 12 answered');
    await context.close();
  });
});

describe('when time runs out', () => {
  it('stops taking answers, waits out the save grace, then shows the result with the answers given in time', async () => {
    const { link } = await suite.seeded.invite({ timeLimitSeconds: 8 });
    const context = await suite.browser.newContext();
    const page = await context.newPage();
    const problems = watchConsole(page);
    const attemptId = await startAttempt(page, link);
    await answer(page);
    await page.locator('#save-status .saved').waitFor({ timeout: 5000 });
    const loads: string[] = [];
    page.on('request', (request) => {
      if (request.isNavigationRequest()) loads.push(new URL(request.url()).pathname);
    });
    await page.locator('#timer', { hasText: 'Time is up' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('#answer-form').evaluate((form) => (form as HTMLElement).inert)).toBe(true);
    // The server finalizes only after the grace; the page goes there once, not in a loop of reloads.
    await page.waitForURL(/\/result$/, { timeout: 20_000 });
    await page.getByText('Time ran out').waitFor();
    expect(loads).toEqual([`/attempts/${attemptId}`, `/attempts/${attemptId}/result`]);
    const [row] = await suite.seeded.db.select().from(attempts).where(eq(attempts.id, attemptId));
    expect(row).toMatchObject({ state: 'expired', submittedAt: row?.deadlineAt });
    expect((await storedByPosition(attemptId)).map((r) => r.position)).toEqual([0]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the test page on a phone', () => {
  it('scrolls wide code inside its own focusable box, never the page, and passes axe', async () => {
    const { link } = await suite.seeded.invite({
      timeLimitSeconds: 30 * 60,
      shuffleQuestions: false,
      blueprint: {
        sections: [
          { area: 'codewide', count: 1 },
          { area: 'alpha', count: 2 },
        ],
      },
    });
    // axe is injected as a script; the page's CSP would rightly refuse it.
    const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const page = await context.newPage();
    await startAttempt(page, link);
    await page.getByText('What does this query return?').waitFor();

    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      window: window.innerWidth,
      code: document.querySelector('.prompt pre')?.scrollWidth ?? 0,
      box: document.querySelector('.prompt pre')?.clientWidth ?? 0,
    }));
    expect(widths.code).toBeGreaterThan(widths.box); // the code does scroll, inside its box
    expect(widths.page).toBeLessThanOrEqual(widths.window);
    const next = page.getByRole('button', { name: 'Save and next' });
    await next.scrollIntoViewIfNeeded();
    const box = await next.boundingBox();
    expect(box).not.toBeNull();
    if (box) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    // The code box is reachable by keyboard and named.
    const code = page.getByRole('region', { name: 'Code example' });
    await code.focus();
    expect(await code.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> } }
      ).axe;
      const result = await axe.run();
      return result.violations.map((v) => ({ id: v.id, impact: v.impact }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await context.close();
  });
});
