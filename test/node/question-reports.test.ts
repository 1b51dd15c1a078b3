/**
 * Reporting a problem with a question during a test, over HTTP as a browser would: the htmx
 * swap and the plain form post, a second report replacing the first, refusals with messages,
 * the same access rule as saving, and nothing of the key in what comes back.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { questionReports } from '../../src/db/schema';
import { makeTestApp, type TestApp } from '../support/app';
import { secretMarker } from '../support/bank';
import { TestBrowser } from '../support/client';
import { seedInvitation } from '../support/fixtures';

let t: TestApp;
let seed: Awaited<ReturnType<typeof seedInvitation>>;
beforeEach(async () => {
  t = await makeTestApp();
  seed = await seedInvitation(t);
});
afterEach(() => t.close());

const htmx = { 'HX-Request': 'true', 'HX-Request-Type': 'partial' };

async function startAssessment() {
  const browser = new TestBrowser(t.app);
  const res = await browser.post(`/invite/${seed.token}`);
  return { browser, attemptId: res.headers.get('location')?.split('/').pop() ?? '' };
}

/** The position of the text question (its key carries the secret marker), read from the pages. */
async function textQuestion(browser: TestBrowser, attemptId: string) {
  for (let q = 0; q < 12; q++) {
    if ((await (await browser.get(`/attempts/${attemptId}?q=${q}`)).text()).includes('name="text"')) return String(q);
  }
  throw new Error('no text question');
}

describe('reporting a question during an assessment', () => {
  it('keeps the report with the version shown, answers with what was sent, and a second one replaces it', async () => {
    const { browser, attemptId } = await startAssessment();
    const q = await textQuestion(browser, attemptId);
    expect((await browser.save(attemptId, { q, seq: '1', text: 'my typed answer' })).status).toBe(200);
    const page = await (await browser.get(`/attempts/${attemptId}?q=${q}`)).text();
    expect(page).toContain('Report a problem with this question');
    expect(page).toContain(`action="/attempts/${attemptId}/reports"`);

    const sent = await browser.post(
      `/attempts/${attemptId}/reports`,
      { q, reason: 'several_right', body: 'Both "secret" and "word" <b>fit</b>.' },
      htmx,
    );
    expect(sent.status).toBe(200);
    const fragment = await sent.text();
    expect(fragment).toContain('Report received');
    expect(fragment).toContain('More than one answer is right');
    expect(fragment).toContain('Both &quot;secret&quot; and &quot;word&quot; &lt;b&gt;fit&lt;/b&gt;.');
    expect(fragment).not.toContain(secretMarker);
    expect(fragment).not.toContain('<html');

    const rows = await t.db.select().from(questionReports).where(eq(questionReports.attemptId, attemptId));
    expect(rows).toEqual([
      expect.objectContaining({
        orgId: seed.orgId,
        questionId: 'alpha-t1',
        questionVersion: 1,
        reason: 'several_right',
        status: 'open',
      }),
    ]);

    // Without JavaScript: a plain post comes back to the same question, its answer still there.
    const plain = await browser.post(`/attempts/${attemptId}/reports`, { q, reason: 'unclear', body: '' });
    expect(plain.status).toBe(303);
    expect(plain.headers.get('location')).toBe(`/attempts/${attemptId}?q=${q}#report-title-${q}`);
    const back = await (await browser.get(`/attempts/${attemptId}?q=${q}`)).text();
    expect(back).toContain('Report received');
    expect(back).toContain('You reported: The question is unclear');
    expect(back).toContain('value="my typed answer"');
    const after = await t.db.select().from(questionReports).where(eq(questionReports.attemptId, attemptId));
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: rows[0]?.id, reason: 'unclear', body: '' });

    // The in-memory question templates carry each question's panel too.
    const templates = await (await browser.get(`/attempts/${attemptId}/questions`, htmx)).text();
    expect(templates.match(/class="question-report/g)).toHaveLength(12);
    expect(templates).toContain('You reported: The question is unclear');
  });

  it('refuses a report it cannot keep, with a message, and keeps the form as typed', async () => {
    const { browser, attemptId } = await startAssessment();
    const post = (body: Record<string, string>, headers: Record<string, string> = htmx) =>
      browser.post(`/attempts/${attemptId}/reports`, body, headers);

    const unknown = await post({ q: '0', reason: 'answer_key', body: 'keep this' });
    expect(unknown.status).toBe(422);
    const unknownText = await unknown.text();
    expect(unknownText).toContain('Choose one of the listed reasons.');
    expect(unknownText).toContain('keep this</textarea>');

    const long = await post({ q: '0', reason: 'other', body: 'x'.repeat(1001) });
    expect(long.status).toBe(422);
    expect(await long.text()).toContain('Keep the details to 1000 characters');

    const noWords = await post({ q: '0', reason: 'other', body: '' }, {});
    expect(noWords.status).toBe(422);
    const page = await noWords.text();
    expect(page).toContain('Say in a few words what is wrong.');
    expect(page).toContain('<details open');
    expect(page).toContain('name="q" value="0"');

    const outside = await post({ q: '12', reason: 'unclear' });
    expect(outside.status).toBe(400);
    expect(await outside.text()).toContain('This question is not part of your test.');
    expect((await post({ q: 'first', reason: 'unclear' })).status).toBe(400);

    // Another browser, without the attempt's cookie: the same 404 as a save.
    const stranger = new TestBrowser(t.app);
    const refused = await stranger.post(`/attempts/${attemptId}/reports`, { q: '0', reason: 'unclear' }, htmx);
    expect(refused.status).toBe(404);

    expect(await t.db.select().from(questionReports)).toEqual([]);

    // Once the test is over, reports are no longer taken.
    t.clock.advance(60_000);
    expect((await browser.post(`/attempts/${attemptId}/finish`)).status).toBe(303);
    const late = await post({ q: '0', reason: 'unclear' });
    expect(late.status).toBe(410);
    expect(await late.text()).toContain('This test has ended');
    expect(await t.db.select().from(questionReports)).toEqual([]);
  });
});

describe('reporting a question during practice', () => {
  it('keeps the report without an organization and returns to the current question', async () => {
    const browser = new TestBrowser(t.app);
    const start = await browser.post('/practice/alpha');
    const attemptId = start.headers.get('location')?.split('/').pop() ?? '';
    const page = await (await browser.get(`/attempts/${attemptId}`)).text();
    expect(page).toContain('Report a problem with this question');
    const plain = await browser.post(`/attempts/${attemptId}/reports`, {
      q: '0',
      reason: 'code_wrong',
      body: 'The snippet is missing a bracket.',
    });
    expect(plain.status).toBe(303);
    expect(plain.headers.get('location')).toBe(`/attempts/${attemptId}#report-title-0`);
    const [row] = await t.db.select().from(questionReports);
    expect(row).toMatchObject({ orgId: null, attemptId, reason: 'code_wrong' });
    expect(await (await browser.get(`/attempts/${attemptId}`)).text()).toContain('Report received');
  });
});
