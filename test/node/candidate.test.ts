import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileBank } from '../../src/bank/compile';
import { invitationToken } from '../../src/candidate/invitation-token';
import { createAssessment, createInvitation } from '../../src/db/assessments';
import { importBank } from '../../src/db/bank-import';
import { assessments, attemptEvents, attempts, invitations, responses } from '../../src/db/schema';
import type { AssessmentSettings } from '../../src/engine/assessment';
import { sweepExpiredAttempts } from '../../src/jobs';
import { makeTestApp, type TestApp } from '../support/app';
import { secretMarker, testBankFiles } from '../support/bank';
import { TestBrowser } from '../support/client';
import { defaultAssessment, seedInvitation } from '../support/fixtures';
import { memberIds, signUpOwner } from '../support/people';

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

/** Fields that answer a question, chosen from its page the way a candidate would (any answer will do). */
function fieldsFor(html: string): Record<string, string | string[]> | null {
  if (/name="choice" value="true"/.test(html)) return { choice: 'false' };
  if (/type="radio" name="choice" value="0"/.test(html)) return { choice: '0' };
  if (/name="choices" value="0"/.test(html)) return { choices: ['0', '1'] };
  if (/name="text"/.test(html)) return { text: 'some words' };
  if (/name="number"/.test(html)) return { number: '42' };
  const order = [...html.matchAll(/<select name="(pos_\d+)"/g)].map((m) => m[1] ?? '');
  if (order.length > 0) return Object.fromEntries(order.map((name, i) => [name, String(i + 1)]));
  return null;
}

/** The first `count` questions with the fields that answer each, read from the pages. */
async function answerableQuestions(browser: TestBrowser, attemptId: string, count: number) {
  const found: { q: string; fields: Record<string, string | string[]> }[] = [];
  for (let q = 0; q < 12 && found.length < count; q++) {
    const fields = fieldsFor(await (await browser.get(`/attempts/${attemptId}?q=${q}`)).text());
    if (fields) found.push({ q: String(q), fields });
  }
  return found;
}

/**
 * A signed-in owner of a second organization, an assessment of theirs (the default one unless
 * `input` says otherwise) and a candidate who started it: what a manager's report needs.
 */
async function managedAttempt(input: Partial<AssessmentSettings> = {}) {
  const owner = await signUpOwner(t, 'dana@example.com', 'Report Co');
  const { orgId, userId } = await memberIds(t.db, 'dana@example.com');
  const now = t.clock.now;
  const assessmentId = await createAssessment(t.db, orgId, userId, { ...defaultAssessment, ...input }, now);
  const invitationId = await createInvitation(
    t.db,
    orgId,
    assessmentId,
    userId,
    { candidateName: 'Robin Report', candidateEmail: 'robin@example.com', expiresAt: now + 864e5, extraSeconds: 0 },
    now,
  );
  const candidate = new TestBrowser(t.app);
  const started = await candidate.post(`/invite/${await invitationToken(t.deps, invitationId, now + 864e5)}`);
  const attemptId = started.headers.get('location')?.split('/').pop() ?? '';
  return { owner, candidate, assessmentId, attemptId };
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

  it('clamps the time a save reports to the attempt age and never lowers the stored time', async () => {
    const { browser, attemptId } = await start();
    const q = await positionWhere(browser, attemptId, /type="radio" name="choice" value="0"/);
    t.clock.now += 90_000;
    const startedAt = (await attemptRow(attemptId))?.startedAt ?? 0;
    expect((await browser.save(attemptId, { q, seq: '1', choice: '0', elapsed: '999999999' })).status).toBe(200);
    expect((await t.db.select().from(responses))[0]?.timeSpentMs).toBe(t.clock.now - startedAt);
    expect((await browser.save(attemptId, { q, seq: '2', choice: '1', elapsed: '5' })).status).toBe(200);
    const [row] = await t.db.select().from(responses);
    expect(row).toMatchObject({ seq: 2, timeSpentMs: t.clock.now - startedAt });
  });

  it('refuses the attempt cookie once it expired, though it was verified before', async () => {
    const { browser, attemptId } = await start();
    const q = await positionWhere(browser, attemptId, /type="radio" name="choice" value="0"/);
    expect((await browser.save(attemptId, { q, seq: '1', choice: '0' })).status).toBe(200);
    t.clock.now += 31 * 24 * 3600 * 1000;
    expect((await browser.save(attemptId, { q, seq: '2', choice: '1' })).status).toBe(404);
    expect((await t.db.select().from(responses))[0]?.seq).toBe(1);
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
    expect((await stranger.get(`/attempts/${attemptId}?q=0`)).status).toBe(404);
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
  it('counts saves up to the deadline plus the 5 s grace, refuses one 1 ms later, and dates the end at the deadline', async () => {
    const grace = t.deps.settings.saveGraceMs;
    expect(grace).toBe(5000); // what the README promises
    const { browser, attemptId } = await start();
    const deadline = (await attemptRow(attemptId))?.deadlineAt ?? 0;
    const answers = await answerableQuestions(browser, attemptId, 5);
    const [early, atDeadline, inGrace, lastMoment, tooLate] = answers;
    if (!early || !atDeadline || !inGrace || !lastMoment || !tooLate) throw new Error('not enough questions');

    for (const [at, save] of [
      [deadline - 1000, early],
      [deadline, atDeadline],
      [deadline + 2000, inGrace],
      [deadline + grace, lastMoment],
    ] as const) {
      t.clock.now = at;
      const res = await browser.save(attemptId, { ...save.fields, q: save.q, seq: '1' });
      expect(res.status, `save at deadline ${at - deadline} ms`).toBe(200);
      expect((await attemptRow(attemptId))?.state).toBe('in_progress');
    }
    // Within the grace the page still opens (at zero seconds) instead of ending the test under a save in flight.
    t.clock.now = deadline + 3000;
    const page = await browser.get(`/attempts/${attemptId}?q=${inGrace.q}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-remaining="0"');

    t.clock.now = deadline + grace + 1;
    const late = await browser.save(attemptId, { ...tooLate.fields, q: tooLate.q, seq: '1' });
    expect(late.status).toBe(410);
    expect(await late.text()).toContain('Time is up');
    const after = await attemptRow(attemptId);
    expect(after?.state).toBe('expired');
    expect(after?.submittedAt).toBe(deadline);
    const types = (await t.db.select().from(attemptEvents)).map((e) => e.type);
    expect(types.filter((type) => type === 'late_save')).toHaveLength(1);
    // The four answers in time are kept and scored; the late one is not stored.
    const rows = await t.db.select().from(responses).where(eq(responses.attemptId, attemptId));
    expect(rows.map((r) => r.questionId).sort()).toHaveLength(4);
    expect(rows.every((r) => r.score !== null)).toBe(true);
  });

  it('finalizes on access only once the grace is over, with submitted_at at the deadline', async () => {
    const { browser, attemptId } = await start();
    const deadline = (await attemptRow(attemptId))?.deadlineAt ?? 0;
    t.clock.now = deadline + t.deps.settings.saveGraceMs;
    expect((await browser.get(`/attempts/${attemptId}/result`)).headers.get('location')).toBe(`/attempts/${attemptId}`);
    expect((await attemptRow(attemptId))?.state).toBe('in_progress');
    t.clock.now = deadline + t.deps.settings.saveGraceMs + 1;
    const page = await browser.get(`/attempts/${attemptId}`);
    expect(page.headers.get('location')).toBe(`/attempts/${attemptId}/result`);
    expect(await attemptRow(attemptId)).toMatchObject({ state: 'expired', submittedAt: deadline });
  });

  it("waits out the grace in the manager's report too, then finalizes it there at the deadline", async () => {
    const { owner, candidate, attemptId } = await managedAttempt();
    const deadline = (await attemptRow(attemptId))?.deadlineAt ?? 0;

    t.clock.now = deadline + 2000;
    expect((await owner.get(`/app/attempts/${attemptId}`)).status).toBe(200);
    expect((await attemptRow(attemptId))?.state).toBe('in_progress');
    const [first] = await answerableQuestions(candidate, attemptId, 1);
    if (!first) throw new Error('no question');
    expect((await candidate.save(attemptId, { ...first.fields, q: first.q, seq: '1' })).status).toBe(200);

    t.clock.now = deadline + t.deps.settings.saveGraceMs + 1;
    expect((await owner.get(`/app/attempts/${attemptId}`)).status).toBe(200);
    expect(await attemptRow(attemptId)).toMatchObject({ state: 'expired', submittedAt: deadline });
    expect(await t.db.select().from(responses).where(eq(responses.attemptId, attemptId))).toHaveLength(1);
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

describe('every question in the page, for moving offline', () => {
  it("gives the attempt's own browser every question with its saved answer, and no key", async () => {
    const { browser, attemptId } = await start();
    const [first] = await answerableQuestions(browser, attemptId, 1);
    if (!first) throw new Error('no question');
    await browser.save(attemptId, { ...first.fields, q: first.q, seq: '4', flagged: '1' });
    const res = await browser.get(`/attempts/${attemptId}/questions`, {
      'HX-Request': 'true',
      'HX-Request-Type': 'partial',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    const templates = [
      ...html.matchAll(/<template data-position="(\d+)" data-seq="(\d+)" data-answered="(\d)" data-flagged="(\d)">/g),
    ];
    expect(templates.map((m) => m[1])).toEqual(Array.from({ length: 12 }, (_, i) => String(i)));
    expect(templates[Number(first.q)]?.slice(2)).toEqual(['4', '1', '1']);
    expect(templates.filter((m) => m[3] === '1')).toHaveLength(1);
    // Each template is the same question the page shows at that position.
    for (let q = 0; q < 12; q++) {
      const page = await (await browser.get(`/attempts/${attemptId}?q=${q}`)).text();
      const prompt = /<div class="prompt" id="prompt">([\s\S]*?)<\/div>/.exec(page)?.[1] ?? 'missing';
      expect(html).toContain(prompt);
    }
    expect(html).not.toContain(secretMarker);
    expect(html).not.toMatch(/answer_?key|"correct"/i);
  });

  it('refuses other browsers, adaptive practice and a finished test', async () => {
    const { browser, attemptId } = await start();
    expect((await new TestBrowser(t.app).get(`/attempts/${attemptId}/questions`)).status).toBe(404);
    await browser.post(`/attempts/${attemptId}/finish`);
    const ended = await browser.get(`/attempts/${attemptId}/questions`);
    expect(ended.status).toBe(410);
    expect(await ended.text()).toContain('This test has ended');
  });
});

describe('code blocks in questions', () => {
  it('are focusable, named boxes on the test page, the review, the report and the preview', async () => {
    const code = '```sql\nSELECT a_very_long_column_name, another_very_long_column_name FROM t;\n```';
    const files = [
      ...testBankFiles(),
      {
        path: 'questions/codewide/area.md',
        text: '---\ntitle: Code\nsummary: Code.\n---\n\n## Topics\n\n- `c1`: C1 | https://example.com/c1\n',
      },
      {
        path: 'questions/codewide/c1.md',
        text: `# C1\n\n## codewide-s1\ntype: single\ndifficulty: 2\n\nWhat does this return?\n\n${code}\n\n### Options\n- [ ] none\n- [x] rows\n\n### Explanation\nIt reads:\n\n${code}\n`,
      },
    ];
    const { bank } = await compileBank(files);
    await importBank(t.db, bank, 2);
    const { owner, candidate, assessmentId, attemptId } = await managedAttempt({
      blueprint: { sections: [{ area: 'codewide', count: 1 }] },
    });
    const focusable = '<pre tabindex="0" role="region" aria-label="Code example"><code class="hljs language-sql">';
    const count = (html: string) => html.split(focusable).length - 1;
    expect(count(await (await candidate.get(`/attempts/${attemptId}`)).text())).toBe(1);
    expect(count(await (await candidate.get(`/attempts/${attemptId}/questions`)).text())).toBe(1);
    expect(count(await (await owner.get(`/app/assessments/${assessmentId}/preview`)).text())).toBe(1);
    await candidate.post(`/attempts/${attemptId}/finish`);
    expect(count(await (await candidate.get(`/attempts/${attemptId}/result`)).text())).toBe(2);
    const report = await (await owner.get(`/app/attempts/${attemptId}`)).text();
    expect(count(report)).toBe(2);
    expect(report).not.toContain('<pre>');
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
