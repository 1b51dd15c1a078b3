import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assessments, attemptEvents, attempts, invitations, responses } from '../../src/db/schema';
import { sweepExpiredAttempts } from '../../src/jobs';
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

async function start(browser = new TestBrowser(t.app)) {
  const res = await browser.post(`/invite/${seed.token}`);
  expect(res.status).toBe(303);
  const location = res.headers.get('location') ?? '';
  expect(location).toMatch(/^\/attempts\/[\w-]{22}$/);
  return { browser, attemptId: location.split('/').pop() ?? '' };
}

/** The display index of the option whose text contains `needle`, read from the page as a browser would. */
async function optionIndex(browser: TestBrowser, attemptId: string, position: number, needle: string) {
  const html = await (await browser.get(`/attempts/${attemptId}?q=${position}`)).text();
  const re = /<input type="(?:radio|checkbox)" name="choices?" value="(\d+)"[^>]*\/?><span>([^<]*)<\/span>/g;
  for (const m of html.matchAll(re)) if (m[2]?.includes(needle)) return m[1] ?? '';
  throw new Error(`no option with "${needle}" on question ${position}`);
}

/** The first position whose page matches `pattern` (e.g. a single-choice radio), read from the pages. */
async function positionWhere(browser: TestBrowser, attemptId: string, pattern: RegExp) {
  for (let q = 0; q < 12; q++) {
    if (pattern.test(await (await browser.get(`/attempts/${attemptId}?q=${q}`)).text())) return String(q);
  }
  throw new Error(`no question matches ${pattern}`);
}

async function attemptRow(id: string) {
  const [row] = await t.db.select().from(attempts).where(eq(attempts.id, id));
  return row;
}

describe('invitation landing', () => {
  it('shows who invited, what is covered and the rules, and a GET starts nothing', async () => {
    const browser = new TestBrowser(t.app);
    for (let i = 0; i < 3; i++) {
      const res = await browser.get(`/invite/${seed.token}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('Backend screening');
      expect(html).toContain('Olivia Owner');
      expect(html).toContain('12</dd>');
      expect(html).toContain('20 minutes');
      expect(html).toContain('when you paste text');
    }
    expect(await t.db.select().from(attempts)).toHaveLength(0);
    const [inv] = await t.db.select().from(invitations);
    expect(inv?.status).toBe('opened');
  });

  it('answers a tampered or made-up token with a clear 404', async () => {
    const tampered = `${seed.token.slice(0, -3)}abc`;
    for (const token of [tampered, 'not-a-token']) {
      const res = await new TestBrowser(t.app).get(`/invite/${token}`);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('This invitation link is not valid');
    }
  });

  it('says so when the invitation expired or was revoked', async () => {
    await t.db.update(invitations).set({ status: 'revoked' });
    expect(await (await new TestBrowser(t.app).get(`/invite/${seed.token}`)).text()).toContain('withdrawn');
    await t.db.update(invitations).set({ status: 'invited' });
    t.clock.advance(8 * 864e5);
    expect(await (await new TestBrowser(t.app).get(`/invite/${seed.token}`)).text()).toContain('has expired');
    const late = await new TestBrowser(t.app).post(`/invite/${seed.token}`);
    expect(late.status).toBe(303);
    expect(await t.db.select().from(attempts)).toHaveLength(0);
  });
});

describe('assessment versions', () => {
  it('lets a candidate invited to a superseded version take it, and closes a version archived by hand', async () => {
    const [old] = await t.db.select().from(assessments);
    if (!old) throw new Error('no assessment');
    await t.db.update(assessments).set({ status: 'archived' });
    const closed = await new TestBrowser(t.app).get(`/invite/${seed.token}`);
    expect(await closed.text()).toContain('This assessment is closed');
    await t.db.insert(assessments).values({ ...old, id: 'newer-version-id-000000', version: 2, status: 'active' });
    const open = await new TestBrowser(t.app).get(`/invite/${seed.token}`);
    expect(await open.text()).toContain('Start the assessment');
    const { attemptId } = await start();
    expect((await attemptRow(attemptId))?.assessmentId).toBe(old.id);
  });
});

describe('starting', () => {
  it('creates exactly one attempt under concurrent starts, and both browsers land on it', async () => {
    const a = new TestBrowser(t.app);
    const b = new TestBrowser(t.app);
    const [ra, rb] = await Promise.all([a.post(`/invite/${seed.token}`), b.post(`/invite/${seed.token}`)]);
    expect(ra.headers.get('location')).toBe(rb.headers.get('location'));
    expect(await t.db.select().from(attempts)).toHaveLength(1);
    const events = await t.db.select().from(attemptEvents);
    expect(events.filter((e) => e.type === 'started')).toHaveLength(1);
  });

  it('draws the blueprint, fixes the deadline from the server clock plus extra time', async () => {
    t.close();
    t = await makeTestApp();
    seed = await seedInvitation(t, {}, 300);
    const { attemptId } = await start();
    const row = await attemptRow(attemptId);
    expect(row?.deadlineAt).toBe(t.clock.now + (20 * 60 + 300) * 1000);
    const html = await (await new TestBrowser(t.app).get(`/attempts/${attemptId}`)).text();
    expect(html).toContain('There is no test at this address in this browser');
  });

  it('resumes the same attempt from another device, recording it', async () => {
    const { browser, attemptId } = await start();
    expect((await browser.get(`/attempts/${attemptId}`)).status).toBe(200);
    t.clock.advance(60_000);
    const { browser: phone, attemptId: again } = await start(new TestBrowser(t.app));
    expect(again).toBe(attemptId);
    expect((await phone.get(`/attempts/${attemptId}`)).status).toBe(200);
    const types = (await t.db.select().from(attemptEvents)).map((e) => e.type);
    expect(types).toContain('resumed');
    expect(types).toContain('new_device');
    expect((await attemptRow(attemptId))?.deadlineAt).toBe(t.clock.now - 60_000 + 20 * 60 * 1000);
  });
});

describe('saving', () => {
  it('acknowledges a save, re-acks a retry, refuses a stale one, and keeps the newest', async () => {
    const { browser, attemptId } = await start();
    const q = await positionWhere(browser, attemptId, /type="radio" name="choice" value="0"/);
    const ok = await browser.save(attemptId, { q, seq: '1', choice: '0' });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/Saved <time datetime=/);
    const retry = await browser.save(attemptId, { q, seq: '1', choice: '0' });
    expect(retry.status).toBe(200);
    const newer = await browser.save(attemptId, { q, seq: '3', choice: '1' });
    expect(newer.status).toBe(200);
    const stale = await browser.save(attemptId, { q, seq: '2', choice: '2' });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('A newer answer');
    const rows = await t.db.select().from(responses);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.seq).toBe(3);
  });

  it('refuses malformed saves with a clear message and stores nothing', async () => {
    const { browser, attemptId } = await start();
    const noSeq = await browser.save(attemptId, { q: '0', choice: '0' });
    expect(noSeq.status).toBe(400);
    expect(await noSeq.text()).toContain('role="alert"');
    expect((await browser.save(attemptId, { q: '99', seq: '1', choice: '0' })).status).toBe(400);
    const single = await positionWhere(browser, attemptId, /type="radio" name="choice" value="0"/);
    const bad = await browser.save(attemptId, { q: single, seq: '1', choice: '17' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('not part of this question');
    const numeric = await positionWhere(browser, attemptId, /name="number"/);
    const comma = await browser.save(attemptId, { q: numeric, seq: '1', number: '41,5' });
    expect(comma.status).toBe(422);
    expect(await t.db.select().from(responses)).toHaveLength(0);
  });

  it('lets no other browser or attempt touch an attempt', async () => {
    const { attemptId } = await start();
    const stranger = new TestBrowser(t.app);
    expect((await stranger.save(attemptId, { q: '0', seq: '1', choice: '0' })).status).toBe(404);
    expect((await stranger.get(`/attempts/${attemptId}/result`)).status).toBe(404);
    expect(await t.db.select().from(responses)).toHaveLength(0);
  });

  it('works without JavaScript: a plain form post saves and moves on', async () => {
    const { browser, attemptId } = await start();
    const res = await browser.post(`/attempts/${attemptId}/answers`, { q: '0', seq: '1', go: 'next' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/attempts/${attemptId}?q=1`);
    const last = await browser.post(`/attempts/${attemptId}/answers`, { q: '11', seq: '1', go: 'finish' });
    expect(last.headers.get('location')).toBe(`/attempts/${attemptId}/finish`);
  });
});

describe('the deadline', () => {
  it('accepts a save one second before the deadline and refuses one after the grace, recording it', async () => {
    const { browser, attemptId } = await start();
    const row = await attemptRow(attemptId);
    const deadline = row?.deadlineAt ?? 0;
    const q = await positionWhere(browser, attemptId, /type="radio" name="choice" value="0"/);
    t.clock.now = deadline - 1000;
    expect((await browser.save(attemptId, { q, seq: '1', choice: '0' })).status).toBe(200);
    t.clock.now = deadline + t.deps.settings.saveGraceMs + 1;
    const late = await browser.save(attemptId, { q: '1', seq: '1', choice: '0' });
    expect(late.status).toBe(410);
    expect(await late.text()).toContain('Time is up');
    const after = await attemptRow(attemptId);
    expect(after?.state).toBe('expired');
    expect(after?.submittedAt).toBe(deadline);
    const types = (await t.db.select().from(attemptEvents)).map((e) => e.type);
    expect(types).toContain('late_save');
    expect(await t.db.select().from(responses)).toHaveLength(1);
  });

  it('is finalized by the sweep with submitted_at at the deadline, once', async () => {
    const { attemptId } = await start();
    const deadline = (await attemptRow(attemptId))?.deadlineAt ?? 0;
    t.clock.now = deadline + 1000;
    expect(await sweepExpiredAttempts(t.deps)).toBe(0);
    t.clock.now = deadline + t.deps.settings.saveGraceMs + 1000;
    expect(await sweepExpiredAttempts(t.deps)).toBe(1);
    expect(await sweepExpiredAttempts(t.deps)).toBe(0);
    const row = await attemptRow(attemptId);
    expect(row).toMatchObject({ state: 'expired', submittedAt: deadline });
    const [inv] = await t.db.select().from(invitations);
    expect(inv?.status).toBe('completed');
  });
});

describe('finishing', () => {
  it('lists unanswered questions, scores on the server and shows the review only after', async () => {
    const { browser, attemptId } = await start();
    const pages: string[] = [await (await browser.get(`/invite/${seed.token}`)).text()];
    for (let q = 0; q < 12; q++) pages.push(await (await browser.get(`/attempts/${attemptId}?q=${q}`)).text());
    pages.push(await (await browser.get(`/attempts/${attemptId}/finish`)).text());
    for (const html of pages) {
      expect(html).not.toContain(secretMarker);
      expect(html).not.toMatch(/answer_?key|"correct"/i);
    }
    // answer one question right, by reading the page as a candidate would
    for (let q = 0; q < 12; q++) {
      const html = pages[q + 1] ?? '';
      if (html.includes('right one of')) {
        const idx = await optionIndex(browser, attemptId, q, 'right one of');
        expect((await browser.save(attemptId, { q: String(q), seq: '1', choice: idx })).status).toBe(200);
        break;
      }
    }
    const finish = await browser.get(`/attempts/${attemptId}/finish`);
    expect(await finish.text()).toContain('11 not answered');
    const done = await browser.post(`/attempts/${attemptId}/finish`);
    expect(done.headers.get('location')).toBe(`/attempts/${attemptId}/result`);
    const row = await attemptRow(attemptId);
    expect(row?.state).toBe('submitted');
    expect(row?.result?.points).toBe(1);
    expect(row?.passed).toBe(false);
    const result = await (await browser.get(`/attempts/${attemptId}/result`)).text();
    expect(result).toContain(secretMarker);
    expect(result).toContain('Correct answer');
    // finishing twice changes nothing
    await browser.post(`/attempts/${attemptId}/finish`);
    expect((await t.db.select().from(attemptEvents)).filter((e) => e.type === 'finished')).toHaveLength(1);
    // saving after the finish is refused
    expect((await browser.save(attemptId, { q: '0', seq: '9', choice: '0' })).status).toBe(410);
  });

  it('shows only a thank-you when the assessment says so', async () => {
    t.close();
    t = await makeTestApp();
    seed = await seedInvitation(t, { showAfter: 'thanks' });
    const { browser, attemptId } = await start();
    await browser.post(`/attempts/${attemptId}/finish`);
    const html = await (await browser.get(`/attempts/${attemptId}/result`)).text();
    expect(html).toContain('will review your results');
    expect(html).not.toContain(secretMarker);
    expect(html).not.toContain('score-big');
  });

  it('records a new network address once, evidence for a reviewer', async () => {
    t.deps.clientAddress = (c) => c.req.header('X-Test-Address');
    const browser = new TestBrowser(t.app);
    await browser.post(`/invite/${seed.token}`, {}, { 'X-Test-Address': '192.0.2.1' });
    const { attemptId } = await start(browser);
    await browser.get(`/attempts/${attemptId}`, { 'X-Test-Address': '192.0.2.1' });
    await browser.get(`/attempts/${attemptId}?q=1`, { 'X-Test-Address': '198.51.100.7' });
    await browser.get(`/attempts/${attemptId}?q=2`, { 'X-Test-Address': '198.51.100.7' });
    const events = await t.db.select().from(attemptEvents).where(eq(attemptEvents.attemptId, attemptId));
    const fresh = events.filter((e) => e.type === 'new_address');
    expect(fresh).toHaveLength(1);
    expect(fresh[0]?.detail?.address).toBe('198.51.100.7');
  });

  it('records integrity signals with the server clock, and ignores unknown ones', async () => {
    const { browser, attemptId } = await start();
    expect((await browser.post(`/attempts/${attemptId}/events`, { type: 'focus_lost', q: '2' })).status).toBe(204);
    expect((await browser.post(`/attempts/${attemptId}/events`, { type: 'paste', q: '2' })).status).toBe(204);
    expect((await browser.post(`/attempts/${attemptId}/events`, { type: 'cheat_detected' })).status).toBe(400);
    const events = await t.db.select().from(attemptEvents).where(eq(attemptEvents.attemptId, attemptId));
    expect(events.map((e) => e.type).sort()).toEqual(['focus_lost', 'paste', 'started']);
    expect(events.every((e) => e.at === t.clock.now)).toBe(true);
  });
});
