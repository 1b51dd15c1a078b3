/**
 * Self-benchmarking over HTTP, as a browser without JavaScript would drive it: the rules page,
 * a whole adaptive test one posted answer at a time, the result, the cooldown, history, claims,
 * and result links that verify, fail when tampered with and say so when withdrawn.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileBank } from '../../src/bank/compile';
import { importBank } from '../../src/db/bank-import';
import { attemptItems, attempts, responses, resultShares, users } from '../../src/db/schema';
import { sweepExpiredAttempts } from '../../src/jobs';
import { makeTestApp, type TestApp } from '../support/app';
import { secretMarker, testBankFiles } from '../support/bank';
import { TestBrowser } from '../support/client';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
  await importPracticeBank(t);
});
afterEach(() => t.close());

const day = 24 * 3600 * 1000;

// ------------------------------------------------------------------ a bank big enough to adapt

const gammaTopics = ['g1', 'g2', 'g3'];

/**
 * The shared test bank plus "gamma": 3 topics × 20 single-choice questions, difficulties 1 to 5,
 * so a session can adapt, stop on precision and a retake can avoid every question seen before.
 */
async function importPracticeBank(app: TestApp) {
  const single = (id: string, d: number) => `## ${id}
type: single
difficulty: ${d}

Gamma prompt ${id}?

### Options
- [ ] wrong one of ${id}
- [x] right one of ${id}
- [ ] wrong two of ${id}

### Explanation
${secretMarker}-explains-${id}.
`;
  const files = [
    ...testBankFiles(),
    {
      path: 'questions/gamma/area.md',
      text: `---\ntitle: Gamma\nsummary: Gamma for tests.\n---\n\n## Topics\n\n${gammaTopics
        .map((g) => `- \`${g}\`: ${g.toUpperCase()} | https://docs.example.com/${g}`)
        .join('\n')}\n`,
    },
    ...gammaTopics.map((g) => ({
      path: `questions/gamma/${g}.md`,
      text: `# ${g.toUpperCase()}\n\n${Array.from({ length: 20 }, (_, i) => single(`gamma-${g}-${i}`, (i % 5) + 1)).join('\n')}`,
    })),
  ];
  const { bank, errors } = await compileBank(files);
  if (errors.length) throw new Error(`practice bank invalid: ${JSON.stringify(errors)}`);
  await importBank(app.db, bank, 1);
}

// ------------------------------------------------------------------ driving a test like a person

async function start(area: string, browser = new TestBrowser(t.app)) {
  const res = await browser.post(`/practice/${area}`);
  expect(res.status).toBe(303);
  const location = res.headers.get('location') ?? '';
  expect(location).toMatch(/^\/attempts\/[\w-]{22}$/);
  return { browser, attemptId: location.split('/').pop() ?? '' };
}

type Intent = 'right' | 'wrong';

/** The form fields that answer the question on this page rightly or wrongly, read from the page alone. */
function answerFields(html: string, intent: Intent): Record<string, string | string[]> {
  const position = /name="q" value="(\d+)"/.exec(html)?.[1] ?? '';
  const base = { q: position, seq: '1', go: 'next' };
  const options = [...html.matchAll(/name="choices?" value="(\d+)"[^>]*\/?><span>([^<]*)<\/span>/g)].map((m) => ({
    index: m[1] ?? '',
    text: m[2] ?? '',
  }));
  if (html.includes('name="choice" value="true"')) return { ...base, choice: intent === 'right' ? 'false' : 'true' };
  if (html.includes('type="checkbox"')) {
    const even = options.filter((o) => /two|four/.test(o.text) === (intent === 'right')).map((o) => o.index);
    return { ...base, choices: even };
  }
  if (options.length > 0) {
    const pick = options.find((o) => o.text.startsWith(intent === 'right' ? 'right one' : 'wrong one'));
    return { ...base, choice: pick?.index ?? '' };
  }
  if (html.includes('name="text"')) return { ...base, text: intent === 'right' ? `${secretMarker}word` : 'no idea' };
  if (html.includes('name="number"')) return { ...base, number: intent === 'right' ? '42' : '7' };
  const items = [...html.matchAll(/name="pos_(\d+)"[\s\S]*?<\/select><span>([^<]*)<\/span>/g)];
  const rank = ['first', 'second', 'third', 'fourth'];
  const fields: Record<string, string> = {};
  for (const [, index, text] of items) {
    const at = rank.findIndex((r) => text?.startsWith(r)) + 1;
    fields[`pos_${index}`] = String(intent === 'right' ? at : items.length + 1 - at);
  }
  return { ...base, ...fields };
}

/** Answers questions until the test ends; returns the pages seen and the number of answers given. */
async function takeTest(browser: TestBrowser, attemptId: string, intent: (n: number) => Intent) {
  const pages: string[] = [];
  for (let n = 0; n < 40; n++) {
    const page = await browser.get(`/attempts/${attemptId}`);
    if (page.status === 303) {
      expect(page.headers.get('location')).toBe(`/attempts/${attemptId}/result`);
      return { pages, answered: n };
    }
    expect(page.status).toBe(200);
    const html = await page.text();
    pages.push(html);
    const res = await browser.post(`/attempts/${attemptId}/answers`, answerFields(html, intent(n)));
    expect(res.status).toBe(303);
  }
  throw new Error('the test never ended');
}

async function attemptRow(id: string) {
  const [row] = await t.db.select().from(attempts).where(eq(attempts.id, id));
  if (!row) throw new Error(`no attempt ${id}`);
  return row;
}

async function itemsOf(id: string) {
  return t.db.select().from(attemptItems).where(eq(attemptItems.attemptId, id)).orderBy(attemptItems.position);
}

async function signUp(browser: TestBrowser, email: string, next = '') {
  const res = await browser.post('/signup', {
    name: 'Pat Practiser',
    email,
    password: 'a long enough passphrase',
    next,
  });
  expect(res.status).toBe(303);
  return res;
}

// ------------------------------------------------------------------ the tests

describe('the practice landing page', () => {
  it('states the rules, starts nothing on GET, and refuses areas too small or unknown', async () => {
    const browser = new TestBrowser(t.app);
    const res = await browser.get('/practice/gamma');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Practice test: Gamma');
    expect(html).toContain('15–25');
    expect(html).toContain('90 s');
    expect(html).toContain('38 minutes');
    expect(html).toContain('adapts to your answers');
    expect(html).toContain('G1, G2, G3');
    expect(html).toContain('action="/practice/gamma"');
    expect(await t.db.select().from(attempts)).toHaveLength(0);

    const small = await browser.get('/practice/beta');
    expect(await small.text()).toContain('too few for a meaningful adaptive test');
    expect((await browser.post('/practice/beta')).status).toBe(409);
    expect((await browser.get('/practice/nowhere')).status).toBe(404);
    expect((await browser.post('/practice/nowhere')).status).toBe(404);
    expect(await t.db.select().from(attempts)).toHaveLength(0);
  });
});

describe('a whole practice test over HTTP', () => {
  it('adapts one question at a time, never leaks a key, and ends with a scored, reviewed result', async () => {
    const { browser, attemptId } = await start('alpha');
    const row = await attemptRow(attemptId);
    expect(row).toMatchObject({ kind: 'practice', areaId: 'alpha', state: 'in_progress', userId: null });
    // alpha has 10 questions: the test is 10 long and gets 10 × 90 s.
    expect(row.deadlineAt - row.startedAt).toBe(10 * 90 * 1000);
    expect(await itemsOf(attemptId)).toHaveLength(1);

    const first = await (await browser.get(`/attempts/${attemptId}`)).text();
    expect(first).toContain('Submit answer and continue');
    expect(first).toContain('Practice: Alpha');
    expect(first).not.toContain('class="navigator');

    // An empty answer is refused with a reason, and nothing is saved or appended.
    const empty = await browser.post(`/attempts/${attemptId}/answers`, { q: '0', seq: '1', go: 'next' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Choose an answer to continue');
    expect(await t.db.select().from(responses)).toHaveLength(0);

    // The same form posted twice (a double click) appends one question, not two.
    const fields = answerFields(first, 'right');
    const once = await browser.post(`/attempts/${attemptId}/answers`, fields);
    const twice = await browser.post(`/attempts/${attemptId}/answers`, fields);
    expect(once.headers.get('location')).toBe(`/attempts/${attemptId}`);
    expect(twice.headers.get('location')).toBe(`/attempts/${attemptId}`);
    expect(await itemsOf(attemptId)).toHaveLength(2);
    // Forward only: a changed answer to question 1 after moving on changes nothing.
    const late = await browser.post(`/attempts/${attemptId}/answers`, { ...answerFields(first, 'wrong'), seq: '2' });
    expect(late.status).toBe(303);
    const [saved] = await t.db.select().from(responses).where(eq(responses.attemptId, attemptId));
    expect(saved?.seq).toBe(1);
    // The finish page of an assessment does not apply: the test ends itself.
    expect((await browser.get(`/attempts/${attemptId}/finish`)).headers.get('location')).toBe(`/attempts/${attemptId}`);
    expect((await browser.post(`/attempts/${attemptId}/finish`)).headers.get('location')).toBe(
      `/attempts/${attemptId}`,
    );

    const { pages, answered } = await takeTest(browser, attemptId, () => 'right');
    expect(answered).toBe(9);
    for (const html of [first, ...pages]) {
      expect(html).not.toContain(secretMarker);
      expect(html).not.toMatch(/answer_?key|"correct"/i);
    }
    const items = await itemsOf(attemptId);
    expect(items.map((i) => i.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(new Set(items.map((i) => i.questionId)).size).toBe(10);

    const done = await attemptRow(attemptId);
    expect(done.state).toBe('submitted');
    expect(done.theta).toBeGreaterThan(0.8);
    expect(done.thetaSe).toBeGreaterThan(0);
    expect(done.scaleScore).toBe(Math.round(200 + 25 * (done.theta ?? 0)));
    expect(done.percentile).toBeNull();
    expect(Object.keys(done.result?.byTopic ?? {}).sort()).toEqual(['t1', 't2']);

    const result = await browser.get(`/attempts/${attemptId}/result`);
    expect(result.status).toBe(200);
    const html = await result.text();
    expect(html).toContain(`${done.scaleScore} <span class="score-pm">± `);
    expect(html).toMatch(/Advanced|Expert/);
    expect(html).toContain('200 is the average test-taker');
    expect(html).toContain('No one else has finished Alpha yet');
    expect(html).toContain('The test stopped at its maximum length. 10 questions answered');
    expect(html).toContain(secretMarker); // the review, now that it is over
    expect(html).toContain('Correct answer');
    expect((await new TestBrowser(t.app).get(`/attempts/${attemptId}/result`)).status).toBe(404);
  });

  it('runs 15 to 25 questions, balances topics, and separates strong from weak', async () => {
    const strong = await start('gamma');
    const s = await takeTest(strong.browser, strong.attemptId, () => 'right');
    const weak = await start('gamma');
    const w = await takeTest(weak.browser, weak.attemptId, () => 'wrong');
    for (const [session, n] of [
      [strong, s.answered],
      [weak, w.answered],
    ] as const) {
      expect(n).toBeGreaterThanOrEqual(15);
      expect(n).toBeLessThanOrEqual(25);
      const topics = (await itemsOf(session.attemptId)).map((i) => i.questionId.split('-')[1]);
      const counts = gammaTopics.map((g) => topics.filter((x) => x === g).length);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
    const sRow = await attemptRow(strong.attemptId);
    const wRow = await attemptRow(weak.attemptId);
    expect(sRow.scaleScore ?? 0).toBeGreaterThan(230);
    expect(wRow.scaleScore ?? 300).toBeLessThan(170);
    // The first question is from the middle of the scale: difficulty 3 (b = 0), or a neighbour
    // (randomesque picks among the 5 nearest, and each topic has four at b = 0).
    for (const session of [strong, weak]) {
      const firstId = (await itemsOf(session.attemptId))[0]?.questionId ?? '';
      expect([1, 2, 3]).toContain(Number(firstId.split('-')[2]) % 5);
    }
    // The second taker is compared with the first: 'weak' is below the only other result.
    expect(wRow.percentile).toBe(0);
    const html = await (await weak.browser.get(`/attempts/${weak.attemptId}/result`)).text();
    expect(html).toContain('0th percentile among the one other result in Gamma so far');
    expect(html).toContain('https://docs.example.com/g1');
    expect(html).toContain('to work on');
  });
});

describe('retakes', () => {
  it('refuses a second start within 24 hours with the time, then avoids the questions already seen', async () => {
    const { browser, attemptId } = await start('gamma');
    await takeTest(browser, attemptId, (n) => (n % 2 === 0 ? 'right' : 'wrong'));
    const finishedAt = (await attemptRow(attemptId)).submittedAt ?? 0;

    const again = await browser.post('/practice/gamma');
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBe(24 * 3600);
    const html = await again.text();
    expect(html).toContain('You can take Gamma again from');
    expect(html).toContain(new Date(finishedAt + day).toISOString());
    expect(await t.db.select().from(attempts)).toHaveLength(1);
    // Another browser is another person (practice needs no account).
    const other = await start('gamma');
    expect(other.attemptId).not.toBe(attemptId);

    t.clock.advance(day + 1000);
    const retake = await start('gamma', browser);
    await takeTest(browser, retake.attemptId, () => 'right');
    const seen = new Set((await itemsOf(attemptId)).map((i) => i.questionId));
    const now = (await itemsOf(retake.attemptId)).map((i) => i.questionId);
    expect(now.filter((id) => seen.has(id))).toEqual([]);
  });

  it('resumes the running test instead of starting another, even on a double start', async () => {
    const browser = new TestBrowser(t.app);
    await browser.get('/practice/gamma'); // the rules page gives the browser its device id
    const [a, b] = await Promise.all([browser.post('/practice/gamma'), browser.post('/practice/gamma')]);
    expect(a.headers.get('location')).toBe(b.headers.get('location'));
    expect(await t.db.select().from(attempts)).toHaveLength(1);
    const page = await browser.get('/practice/gamma');
    expect(await page.text()).toContain('Continue your test');
  });
});

describe('the clock', () => {
  it('finalizes a practice test that ran out of time with the answers given, outside the percentile population', async () => {
    const { browser, attemptId } = await start('gamma');
    for (let n = 0; n < 3; n++) {
      const html = await (await browser.get(`/attempts/${attemptId}`)).text();
      await browser.post(`/attempts/${attemptId}/answers`, answerFields(html, 'right'));
    }
    const row = await attemptRow(attemptId);
    t.clock.now = row.deadlineAt + t.deps.settings.saveGraceMs + 1;
    expect(await sweepExpiredAttempts(t.deps)).toBe(1);
    const after = await attemptRow(attemptId);
    expect(after.state).toBe('expired');
    expect(after.submittedAt).toBe(row.deadlineAt);
    expect(after.theta).toBeGreaterThan(0);
    expect(after.scaleScore).not.toBeNull();
    const html = await (await browser.get(`/attempts/${attemptId}/result`)).text();
    expect(html).toContain('Time ran out');
    // Another taker does not compare with a test the clock cut short.
    t.clock.advance(1000);
    const other = await start('gamma');
    await takeTest(other.browser, other.attemptId, () => 'right');
    expect((await attemptRow(other.attemptId)).percentile).toBeNull();
  });
});

describe('the save grace', () => {
  it('counts an answer sent as time ran out, and finalizes from the landing page only after the grace', async () => {
    const { browser, attemptId } = await start('gamma');
    const html = await (await browser.get(`/attempts/${attemptId}`)).text();
    const row = await attemptRow(attemptId);
    t.clock.now = row.deadlineAt + 2000;
    expect(await (await browser.get('/practice/gamma')).text()).toContain('Continue your test');
    expect((await attemptRow(attemptId)).state).toBe('in_progress');
    expect((await browser.post(`/attempts/${attemptId}/answers`, answerFields(html, 'right'))).status).toBe(303);
    const saved = await t.db.select().from(responses).where(eq(responses.attemptId, attemptId));
    expect(saved.filter((r) => r.answer !== null)).toHaveLength(1);

    t.clock.now = row.deadlineAt + t.deps.settings.saveGraceMs + 1;
    expect(await (await browser.get('/practice/gamma')).text()).not.toContain('Continue your test');
    expect(await attemptRow(attemptId)).toMatchObject({ state: 'expired', submittedAt: row.deadlineAt });
  });
});

describe('history and claims', () => {
  it('keeps an anonymous result in an account after sign-up, and charts it at /me', async () => {
    const { browser, attemptId } = await start('gamma');
    await takeTest(browser, attemptId, () => 'right');
    const result = await (await browser.get(`/attempts/${attemptId}/result`)).text();
    expect(result).toContain('Keep this result in your history');
    expect(result).toContain(`/signup?next=${encodeURIComponent(`/attempts/${attemptId}/result`)}`);

    const anonymous = await (await browser.get('/me')).text();
    expect(anonymous).toContain('These are the results taken in this browser');
    expect(anonymous).toContain(`/attempts/${attemptId}/result`);

    const signed = await signUp(browser, 'pat@example.com', `/attempts/${attemptId}/result`);
    expect(signed.headers.get('location')).toBe(`/attempts/${attemptId}/result`);
    const offer = await (await browser.get(`/attempts/${attemptId}/result`)).text();
    expect(offer).toContain('Add to my history');
    const claim = await browser.post(`/attempts/${attemptId}/claim`);
    expect(claim.headers.get('location')).toBe(`/attempts/${attemptId}/result?kept=1`);
    const [user] = await t.db.select().from(users);
    expect((await attemptRow(attemptId)).userId).toBe(user?.id);

    const me = await (await browser.get('/me')).text();
    expect(me).toContain('Signed in as Pat Practiser');
    expect(me).toMatch(/<svg class="chart history-chart"[^>]*role="img"/);
    expect(me).toContain('Gamma scores over time');

    // The account opens the result on another device, without the attempt cookie.
    const laptop = new TestBrowser(t.app);
    await laptop.post('/login', { email: 'pat@example.com', password: 'a long enough passphrase' });
    expect((await laptop.get(`/attempts/${attemptId}/result`)).status).toBe(200);
    // Another account cannot claim it, or even see it.
    const stranger = new TestBrowser(t.app);
    await signUp(stranger, 'sam@example.com');
    expect((await stranger.post(`/attempts/${attemptId}/claim`)).status).toBe(404);
    expect((await stranger.get(`/attempts/${attemptId}/result`)).status).toBe(404);
  });

  it('keeps a result without an account through its private link, until an account holds it', async () => {
    const { browser, attemptId } = await start('gamma');
    await takeTest(browser, attemptId, () => 'right');
    const html = await (await browser.get(`/attempts/${attemptId}/result`)).text();
    const link = /id="private-url" type="text" readonly="" value="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(link).toMatch(/^http:\/\/localhost\/practice\/claim\/[\w-]+\.[\w-]+\.[\w-]+$/);
    const path = new URL(link).pathname;

    // Another browser: the GET only explains; the POST opens the result there.
    const phone = new TestBrowser(t.app);
    expect((await phone.get(`/attempts/${attemptId}/result`)).status).toBe(404);
    const landing = await phone.get(path);
    expect(await landing.text()).toContain('Open my result');
    expect((await phone.get(`/attempts/${attemptId}/result`)).status).toBe(404);
    const open = await phone.post(path);
    expect(open.headers.get('location')).toBe(`/attempts/${attemptId}/result`);
    expect((await phone.get(`/attempts/${attemptId}/result`)).status).toBe(200);
    expect((await phone.get(`${path.slice(0, -3)}abc`)).status).toBe(404);

    // Signed in, the link also keeps it in the account; from then on it opens it for nobody else.
    await signUp(phone, 'pat@example.com');
    const kept = await phone.post(path);
    expect(kept.headers.get('location')).toBe(`/attempts/${attemptId}/result?kept=1`);
    expect((await attemptRow(attemptId)).userId).not.toBeNull();
    const later = await new TestBrowser(t.app).post(path);
    expect(later.status).toBe(403);
    expect(await later.text()).toContain('now kept in an account');
  });

  it('adds every result this browser took before signing in, at once', async () => {
    const browser = new TestBrowser(t.app);
    for (const area of ['gamma', 'alpha']) {
      const { attemptId } = await start(area, browser);
      await takeTest(browser, attemptId, () => 'right');
    }
    await signUp(browser, 'pat@example.com');
    const me = await (await browser.get('/me')).text();
    expect(me).toContain('2 results taken in this browser before you signed in');
    const res = await browser.post('/me/claim-browser');
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get('location')).toBe('/me?added=2');
    const after = await (await browser.get('/me?added=2')).text();
    expect(after).toContain('2 results were added to your history');
    expect(after).toContain('Alpha');
    expect(after).toContain('Gamma');
  });
});

describe('verifiable result links', () => {
  async function finishedWithLink() {
    const { browser, attemptId } = await start('gamma');
    await takeTest(browser, attemptId, () => 'right');
    const made = await browser.post(`/attempts/${attemptId}/share`);
    expect(made.status).toBe(303);
    const html = await (await browser.get(`/attempts/${attemptId}/result?shared=1`)).text();
    const url = /id="share-url" type="text" readonly="" value="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(url).toMatch(/^http:\/\/localhost\/results\/[\w-]+\.[\w-]+\.[\w-]+$/);
    return { browser, attemptId, path: new URL(url).pathname, html };
  }

  it('shows area, score, band and date to anyone, verified, and nothing private', async () => {
    const { attemptId, path, browser } = await finishedWithLink();
    // Sharing twice keeps one live link.
    await browser.post(`/attempts/${attemptId}/share`);
    expect(await t.db.select().from(resultShares)).toHaveLength(1);
    const row = await attemptRow(attemptId);
    const res = await new TestBrowser(t.app).get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-robots-tag')).toBe('noindex');
    const html = await res.text();
    expect(html).toContain('Verified by Skillcheck');
    expect(html).toContain('Gamma');
    expect(html).toContain(`${row.scaleScore} ± ${Math.round(25 * (row.thetaSe ?? 0))}`);
    expect(html).toMatch(/Advanced|Expert/);
    expect(html).toContain(new Date(row.submittedAt ?? 0).toISOString().slice(0, 10));
    expect(html).not.toContain(secretMarker);
    expect(html).not.toContain(attemptId);
  });

  it('rejects a tampered token as not valid, and a revoked one as withdrawn by its owner', async () => {
    const { attemptId, path, browser } = await finishedWithLink();
    const token = path.split('/').pop() ?? '';
    const [header, payload, signature] = token.split('.');
    // A forged payload (another share id) with the old signature, a cut signature, and junk.
    const forged = `${header}.${Buffer.from(JSON.stringify({ sub: 'x'.repeat(22) })).toString('base64url')}.${signature}`;
    for (const bad of [forged, `${header}.${payload}.${signature?.slice(0, -4)}`, 'not-a-token']) {
      const res = await new TestBrowser(t.app).get(`/results/${bad}`);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('This link is not valid');
    }
    // Only the owner can withdraw it.
    const share = await t.db.select().from(resultShares);
    const shareId = share[0]?.id ?? '';
    expect((await new TestBrowser(t.app).post(`/attempts/${attemptId}/share/revoke`, { share: shareId })).status).toBe(
      404,
    );
    const revoke = await browser.post(`/attempts/${attemptId}/share/revoke`, { share: shareId });
    expect(revoke.headers.get('location')).toBe(`/attempts/${attemptId}/result?withdrawn=1#share-title`);
    const gone = await new TestBrowser(t.app).get(path);
    expect(gone.status).toBe(410);
    const text = await gone.text();
    expect(text).toContain('withdrawn by its owner');
    expect(text).not.toContain('Verified by Skillcheck');
    // The owner's page offers a fresh link, which works while the old one stays withdrawn.
    const page = await (await browser.get(`/attempts/${attemptId}/result?withdrawn=1`)).text();
    expect(page).toContain('Create a result link');
    await browser.post(`/attempts/${attemptId}/share`);
    const fresh = await finishedLinkOf(browser, attemptId);
    expect(fresh).not.toBe(path);
    expect((await new TestBrowser(t.app).get(fresh)).status).toBe(200);
    expect((await new TestBrowser(t.app).get(path)).status).toBe(410);
  });

  async function finishedLinkOf(browser: TestBrowser, attemptId: string) {
    const html = await (await browser.get(`/attempts/${attemptId}/result`)).text();
    return new URL(/id="share-url" type="text" readonly="" value="([^"]+)"/.exec(html)?.[1] ?? 'http://x/').pathname;
  }
});
