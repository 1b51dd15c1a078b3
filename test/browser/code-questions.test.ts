/**
 * A candidate on a code question in Chromium: writes code that fails the visible example, runs
 * the visible tests in the browser (a Web Worker with the WebAssembly engines), sees the failure,
 * fixes it, runs again, finishes; the server then grades the hidden tests in its worker threads.
 * A runaway loop in the browser is stopped by terminating the worker. On a SQL question the run
 * shows each example's expected rows (computed on the server at import) beside the candidate's.
 */
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { attemptEvents, attempts, responses } from '../../src/db/schema';
import { seriousAxeViolations } from '../support/axe';
import { watchConsole } from '../support/browser';
import { serverAndBrowser } from '../support/browser-suite';
import { codeBankFiles } from '../support/code-bank';
import { writeTestBank } from '../support/seed-server';

const suite = serverAndBrowser(() => ({ QUESTIONS_DIR: writeTestBank(codeBankFiles()) }));

/**
 * The code editor on screen, once CodeMirror has taken the textarea's label and place (the
 * textarea keeps the text); `write` replaces its text as typing does (Playwright's fill would edit
 * the DOM under the editor).
 */
async function codeEditor(page: Page, label: RegExp) {
  const editor = page.getByRole('textbox', { name: label });
  await expect.poll(() => page.locator('.cm-content').count(), { timeout: 10_000 }).toBe(1);
  const write = async (text: string) => {
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(text);
  };
  return { editor, write };
}

describe('a code question in the browser', () => {
  it('runs the visible tests, shows a failure, passes after a fix, and is graded at the finish', async () => {
    const { link } = await suite.seeded.invite({
      blueprint: { sections: [{ area: 'coding', count: 2 }] },
      shuffleQuestions: false,
    });
    const page = await suite.browser.newPage();
    const errors = watchConsole(page);
    await page.goto(link);
    await page.getByRole('button', { name: 'Start the assessment' }).click();
    if (!(await page.getByText('sumEvens', { exact: false }).first().isVisible())) {
      await page.getByRole('button', { name: 'Save and next' }).click();
    }
    const { editor, write } = await codeEditor(page, /Your code/);
    await write('function sumEvens(numbers) {\n  return 0;\n}\n');
    await page.getByRole('button', { name: 'Run visible tests' }).click();
    const output = page.locator('[data-run-output]');
    await expect.poll(() => output.textContent(), { timeout: 20_000 }).toContain('0 of 2 visible tests passed');
    expect(await output.textContent()).toContain('expected 6, got 0');
    // The visible assertion test says what failed in the grader's words.
    expect(await output.textContent()).toContain(
      '✗ failed: sums a long array and keeps itAssertionError: expected 249500, got 0',
    );

    await write(
      'function sumEvens(numbers) {\n  return numbers.filter((n) => n % 2 === 0).reduce((a, b) => a + b, 0);\n}\n',
    );
    await page.getByRole('button', { name: 'Run visible tests' }).click();
    await expect.poll(() => output.textContent(), { timeout: 20_000 }).toContain('2 of 2 visible tests passed');
    // The editor, its run button and the results are accessible as they stand.
    expect(await seriousAxeViolations(page)).toEqual([]);

    // An infinite loop: the worker is terminated at the run's limit, and the page goes on.
    await write('function sumEvens() { for (;;) {} }');
    await page.getByRole('button', { name: 'Run visible tests' }).click();
    await expect.poll(() => output.textContent(), { timeout: 20_000 }).toMatch(/time limit exceeded|Stopped/);

    await write('const sumEvens = (xs) => xs.filter((n) => n % 2 === 0).reduce((a, b) => a + b, 0);');
    await editor.blur();
    await page.goto(`${page.url().split('?')[0]}/finish`);
    await page.getByRole('button', { name: 'Finish the test' }).click();
    await page.waitForURL(/\/result$/);

    const attemptId = new URL(page.url()).pathname.split('/')[2] ?? '';
    const rows = await suite.seeded.db.select().from(responses).where(eq(responses.attemptId, attemptId));
    expect(rows.find((r) => r.answer?.type === 'code')?.answer).toMatchObject({ tests: { passed: 6, total: 6 } });
    const [attempt] = await suite.seeded.db.select().from(attempts).where(eq(attempts.id, attemptId));
    expect(attempt?.state).toBe('submitted');
    // Three runs in the manager's run history (the report's timeline), at the times they happened.
    const runs = await suite.seeded.db.select().from(attemptEvents).where(eq(attemptEvents.attemptId, attemptId));
    expect(runs.filter((e) => e.type === 'tests_run')).toHaveLength(3);
    expect(errors).toEqual([]);
  }, 120_000);

  it("shows each SQL example's expected rows beside the candidate's, and passes once they match", async () => {
    const { link } = await suite.seeded.invite({
      blueprint: { sections: [{ area: 'coding', count: 2 }] },
      shuffleQuestions: false,
    });
    const page = await suite.browser.newPage();
    const errors = watchConsole(page);
    await page.goto(link);
    await page.getByRole('button', { name: 'Start the assessment' }).click();
    if (await page.getByText('sumEvens', { exact: false }).first().isVisible()) {
      await page.getByRole('button', { name: 'Save and next' }).click();
    }
    const { write } = await codeEditor(page, /Your query/);
    const output = page.locator('[data-run-output]');
    const run = async () => {
      await page.getByRole('button', { name: 'Run visible tests' }).click();
      await expect.poll(() => output.textContent(), { timeout: 20_000 }).toMatch(/examples passed/);
      // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, with breaks between its blocks
      return (await output.innerText()).replace(/\s+/g, ' ');
    };

    // Every customer: the example expects only Linus (Ada has an order).
    await write('SELECT name FROM customers');
    const wrong = await run();
    expect(wrong).toContain('0 of 1 examples passed');
    expect(wrong).toContain('✗ failed: example data "two customers, one order"');
    expect(wrong).toContain('Expected name Linus Your query name Ada Linus');

    // The NOT IN query is right on this example (its trap is in a hidden database); another alias is fine.
    await write('SELECT name AS who FROM customers WHERE id NOT IN (SELECT customer_id FROM orders)');
    const right = await run();
    expect(right).toContain('1 of 1 examples passed');
    expect(right).toContain('Expected name Linus Your query who Linus');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);
});
