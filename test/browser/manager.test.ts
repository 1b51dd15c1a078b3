import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../support/axe';
import { answerWhatIsShown, watchConsole } from '../support/browser';
import { serverAndBrowser, signUpManager } from '../support/browser-suite';

const suite = serverAndBrowser();

describe('a hiring manager in Chromium', () => {
  it('signs up, builds an assessment, invites, reads the report, exports, and brings in a colleague', async () => {
    const { url } = suite.seeded.server;
    const manager = await suite.browser.newContext({ acceptDownloads: true });
    const page = await manager.newPage();
    const problems = watchConsole(page);

    // Sign up: the first account owns its organization.
    await signUpManager(page, suite.seeded);

    // Build an assessment from the two test areas.
    await page.getByRole('link', { name: 'New assessment' }).click();
    await page.waitForURL(/\/app\/assessments\/new$/);
    await page.getByLabel('Title').fill('Platform screening');
    await page.getByLabel('Questions from Alpha').fill('6');
    await page.getByLabel('Questions from Beta').fill('2');
    await page.getByLabel('Time limit (minutes)').fill('20');
    await page.getByLabel('Pass mark (%)').fill('50');
    await page.getByRole('button', { name: 'Create assessment' }).click();
    await page.waitForURL(/\/app\/assessments\/[\w-]{22}$/);
    const assessmentUrl = page.url();
    await page.getByRole('heading', { name: 'Platform screening' }).waitFor();

    // Invite one candidate; without a mail service the link is shown to copy.
    await page.getByRole('link', { name: 'Invite candidates' }).click();
    await page.waitForURL(/\/invitations$/);
    const inviteOne = page.locator('section', { has: page.getByRole('heading', { name: 'Invite one candidate' }) });
    await inviteOne.getByLabel('Name').fill('Casey Candidate');
    await inviteOne.getByLabel('Email').fill('casey@example.com');
    await inviteOne.getByRole('button', { name: /invitation/ }).click();
    await page.waitForURL(/\/invitations\?done=invited/);
    const link = await page.locator('input[readonly][value*="/invite/"]').first().getAttribute('value');
    expect(link).toMatch(/\/invite\/[\w.-]+$/);

    // The candidate takes the test in a browser of their own.
    const candidateContext = await suite.browser.newContext();
    const candidate = await candidateContext.newPage();
    problems.push(...watchConsole(candidate));
    await candidate.goto(link ?? '');
    await candidate.getByRole('button', { name: 'Start the assessment' }).click();
    await candidate.waitForURL(/\/attempts\/[\w-]{22}$/);
    for (let q = 0; q < 8; q++) {
      await answerWhatIsShown(candidate);
      await candidate.getByRole('button', { name: q === 7 ? 'Save and review' : 'Save and next' }).click();
      if (q < 7) await candidate.waitForURL(new RegExp(`\\?q=${q + 1}$`));
    }
    await candidate.waitForURL(/\/finish$/);
    await candidate.getByRole('button', { name: 'Finish the test' }).click();
    await candidate.waitForURL(/\/result$/);
    await candidateContext.close();

    // Back to the manager: the pipeline lists Casey, the report opens, the CSV downloads.
    await page.goto(assessmentUrl);
    await page.getByRole('link', { name: 'Casey Candidate' }).first().click();
    await page.waitForURL(/\/app\/attempts\/[\w-]{22}$/);
    await page.getByRole('heading', { level: 1, name: 'Casey Candidate' }).waitFor();
    await page.getByRole('heading', { name: 'By skill area' }).waitFor();
    expect(await page.locator('main').textContent()).toMatch(/\d+(\.\d)?\s?%/);

    await page.goto(assessmentUrl);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Download table/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    expect(header?.toLowerCase()).toContain('email');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('Casey Candidate');
    expect(rows[0]).toContain('casey@example.com');

    // A colleague joins as reviewer by link: signs up from the invitation and lands in the workspace.
    await page.getByRole('link', { name: 'Team' }).click();
    await page.waitForURL(`${url}/app/team`);
    await page.getByLabel('Email').fill('rene@example.com');
    await page.getByLabel(/^Reviewer/).check();
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    await page.getByRole('heading', { name: 'Invitation ready for rene@example.com' }).waitFor();
    const joinLink = await page.getByRole('textbox', { name: 'Invitation link for rene@example.com' }).inputValue();
    expect(joinLink).toMatch(new RegExp(`^${url}/team/join/[\\w.-]+$`));

    const colleagueContext = await suite.browser.newContext();
    const colleague = await colleagueContext.newPage();
    problems.push(...watchConsole(colleague));
    await colleague.goto(joinLink);
    await colleague.getByRole('heading', { name: 'Join Maya Hiring' }).waitFor();
    expect(await colleague.locator('main').textContent()).toContain('on Skillcheck as Reviewer.');
    expect(await seriousAxeViolations(colleague)).toEqual([]);
    await colleague.getByRole('link', { name: 'Create an account' }).click();
    // The invited address is filled in; joining a team, they are not asked to name an organization.
    await colleague.getByRole('heading', { name: 'Create your account' }).waitFor();
    expect(await colleague.getByLabel('Email').inputValue()).toBe('rene@example.com');
    expect(await colleague.getByLabel('Organization').count()).toBe(0);
    expect(await seriousAxeViolations(colleague)).toEqual([]);
    await colleague.getByLabel('Your name').fill('René Reviewer');
    await colleague.getByLabel('Password').fill('another long passphrase');
    await colleague.getByRole('button', { name: 'Create account' }).click();
    await colleague.waitForURL(joinLink);
    await colleague.getByRole('button', { name: 'Accept and join Maya Hiring' }).click();
    await colleague.waitForURL(`${url}/app`);
    await colleague.getByRole('link', { name: 'Platform screening' }).waitFor();
    await colleagueContext.close();

    await page.reload();
    const members = page.getByRole('table', { name: /Members of Maya Hiring/ });
    await members.getByRole('rowheader', { name: /René Reviewer/ }).waitFor();
    expect(
      await members
        .getByRole('row', { name: /René Reviewer/ })
        .getByRole('cell', { name: 'Reviewer', exact: true })
        .count(),
    ).toBe(1);
    expect(await page.getByText('No pending invitations.').count()).toBe(1);
    // On a phone the page fits the screen: wide tables scroll inside their own box.
    await page.setViewportSize({ width: 390, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    expect(problems).toEqual([]);
    await manager.close();
  });
});
