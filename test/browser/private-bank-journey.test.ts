import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/cli/demo';
import { seriousAxeViolations } from '../support/axe';
import { demoOwnerPage, watchConsole } from '../support/browser';
import { serverAndBrowser } from '../support/browser-suite';

const suite = serverAndBrowser();

beforeAll(async () => {
  await seedDemo(suite.seeded.db, { now: Date.now(), passwordIterations: 1000 });
});

const answerSection = `function: longestWord
time: 500 ms

#### Starter

\`\`\`js
function longestWord(words) {
  // your code
}
\`\`\`

#### Tests

- \`longestWord(["a", "abc", "ab"])\` → \`"abc"\`

#### Hidden tests

- \`longestWord([])\` → \`""\`
- \`longestWord(["one"])\` → \`"one"\`
- \`longestWord(["aa", "bb"])\` → \`"aa"\`
- \`longestWord(["x", "yyy", "zz"])\` → \`"yyy"\`
- \`longestWord(["tie", "two", "three"])\` → \`"three"\`

#### Reference solution

\`\`\`js
const longestWord = (words) => words.reduce((best, w) => (w.length > best.length ? w : best), "");
\`\`\`

#### Wrong solution

\`\`\`js
// Keeps the last of equally long words.
const longestWord = (words) => words.reduce((best, w) => (w.length >= best.length ? w : best), "");
\`\`\``;

describe('a private code question, written in the browser and taken by a candidate', () => {
  it('previews live, goes into an assessment, is answered in the editor and reported test by test', async () => {
    const origin = suite.seeded.server.url;
    const [context, page, problems] = await demoOwnerPage(suite.browser, origin, { width: 1366, height: 900 });

    await page.goto(`${origin}/app/bank/collections`);
    await page.getByLabel('Title').fill('Our JavaScript');
    await page.getByLabel('Topics').fill('arrays | Arrays');
    await page.getByRole('button', { name: 'Create collection' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Collection created');

    await page.goto(`${origin}/app/bank/questions/new`);
    await page.getByLabel('Collection and topic').selectOption({ label: 'Our JavaScript: Arrays' });
    await page.getByLabel('Short id').fill('js-longest-word');
    await page.getByLabel('Type', { exact: true }).selectOption('code');
    // Only the chosen type's answer fields show: the options are hidden, the answer section is not.
    await expect.poll(() => page.getByRole('group', { name: /Options \(single/ }).isVisible()).toBe(false);
    await page
      .getByLabel('Prompt')
      .fill(
        'Return the longest word of a list (the first of equally long ones).\n\n```js\nlongestWord(["a", "abc"]); // "abc"\n```',
      );
    await page.getByLabel("What goes under the type's section, as Markdown").fill(answerSection);
    await page
      .getByLabel('Explanation')
      .fill('Keep the first of equally long words: compare with a strict greater-than, starting from "".');

    // The live preview, without pressing Preview: the prompt's code highlighted, the candidate's code box, the key.
    const preview = page.locator('#author-preview');
    await expect.poll(() => preview.locator('[class^="hljs-"]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await preview.locator('textarea[name="source"]').count()).toBe(1);
    expect(await preview.textContent()).toContain('Correct answer');
    expect(await preview.textContent()).not.toContain('bank:check finds');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/app\/bank\/questions\/q_[\w-]+\?done=saved/);
    await page.getByRole('button', { name: 'Approve and activate' }).click();
    await page.waitForURL(/done=approve/);
    expect(await page.locator('main').textContent()).toContain('Active');

    // An assessment drawn from the collection alone.
    await page.goto(`${origin}/app/assessments/new`);
    await page.getByLabel('Title').fill('JavaScript screen');
    await page.getByLabel('Questions from Our JavaScript').fill('1');
    await page.getByRole('button', { name: 'Create assessment' }).click();
    await page.waitForURL(/\/app\/assessments\/[\w-]{22}$/);
    const assessmentPath = new URL(page.url()).pathname;
    expect(await page.locator('main').textContent()).toContain('Our JavaScript: 1 question');

    await page.goto(`${origin}${assessmentPath}/invitations`);
    await page.getByLabel('Name').fill('Casey Coder');
    await page.getByLabel('Email').fill('casey.coder@example.com');
    // The test server has no email service: the manager copies the link from the list.
    await page.getByRole('button', { name: 'Create invitation link', exact: true }).click();
    await page.waitForURL(/done=invited/);
    const invitationId = new URL(page.url()).hash.replace('#inv-', '');
    const link = (await page.locator(`#link-${invitationId}`).getAttribute('value')) ?? '';
    expect(link).toContain('/invite/');

    // The candidate, in a browser of their own.
    const candidateContext = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const candidate = await candidateContext.newPage();
    const candidateProblems = watchConsole(candidate);
    await candidate.goto(link);
    await candidate.getByRole('button', { name: 'Start the assessment' }).click();
    await candidate.waitForURL(/\/attempts\/[\w-]+/);
    expect(await candidate.locator('main').textContent()).toContain('Return the longest word');
    const editor = candidate.getByRole('textbox', { name: /Your code/ });
    await expect.poll(() => candidate.locator('.cm-content').count(), { timeout: 10_000 }).toBe(1);
    await editor.click();
    await candidate.keyboard.press('ControlOrMeta+A');
    await candidate.keyboard.insertText(
      'function longestWord(words) {\n  let best = "";\n  for (const w of words) if (w.length > best.length) best = w;\n  return best;\n}\n',
    );
    await editor.blur();
    await candidate.locator('#save-status .saved').waitFor({ timeout: 10_000 });
    const attemptId = new URL(candidate.url()).pathname.split('/')[2] ?? '';
    await candidate.goto(`${origin}/attempts/${attemptId}/finish`);
    await candidate.getByRole('button', { name: 'Finish the test' }).click();
    await candidate.waitForURL(/\/result$/);
    expect(candidateProblems).toEqual([]);
    await candidateContext.close();

    // The owner's report: the code and every hidden test with its result.
    await page.goto(`${origin}/app/attempts/${attemptId}`);
    const results = page.locator('table.test-results');
    expect(await results.locator('caption').textContent()).toContain('Hidden tests: 5 of 5 passed');
    expect(await results.locator('tbody tr').count()).toBe(5);
    expect(await results.textContent()).toContain('longestWord(["tie", "two", "three"])');
    expect(await page.locator('main').textContent()).toContain('for (const w of words)');
    expect(problems).toEqual([]);
    await context.close();
  });
});
