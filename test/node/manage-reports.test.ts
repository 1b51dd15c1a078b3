/**
 * Walkthrough of the hiring manager's side after candidates took a test: the pipeline table
 * (sorting, filters, search, the htmx fragment), the score histogram, the candidate report with
 * notes and decisions, the comparison, both CSV exports, and that another organization sees none
 * of it. Candidates take the test through src/db/attempts.ts (one of them through the real
 * candidate routes), so every score below is known exactly.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invitationToken } from '../../src/candidate/invitation-token';
import { createAssessment, createInvitation, markInvitationOpened } from '../../src/db/assessments';
import { finalizeAttempt, recordEvent, saveResponse, startInvitedAttempt } from '../../src/db/attempts';
import { decisions, memberships, notes, questions, questionVersions, users } from '../../src/db/schema';
import type { Answer, AnswerKey } from '../../src/engine/question';
import { createRng } from '../../src/engine/random';
import { rulesFor } from '../../src/question-types/rules';
import { makeTestApp, type TestApp } from '../support/app';
import { importTestBank, secretMarker } from '../support/bank';
import { TestBrowser } from '../support/client';
import { csvObjects as csvOf } from '../support/csv';
import { defaultAssessment } from '../support/fixtures';
import { memberIds } from '../support/people';

let t: TestApp;
let owner: TestBrowser;
let orgId: string;
let ownerId: string;
let assessmentId: string;
const attemptOf: Record<string, string> = {};
const invitationOf: Record<string, string> = {};
const evilName = '=HYPERLINK("http://evil.example/x","Click")';
const minute = 60_000;

/** The answer the key wants: a candidate who knows everything (a right answer needs no option ids). */
function rightAnswer(key: AnswerKey): Answer {
  return rulesFor(key.type).simulatedAnswer(key, [], true, createRng('right'));
}

/** Every alpha question and two of beta, in a fixed order: 12 items, each worth one point. */
async function fixedItems() {
  const rows = await t.db
    .select({
      questionId: questions.id,
      version: questionVersions.version,
      contentHash: questionVersions.contentHash,
      answerKey: questionVersions.answerKey,
      area: questions.areaId,
    })
    .from(questions)
    .innerJoin(questionVersions, eq(questionVersions.questionId, questions.id));
  const chosen = [
    ...rows.filter((r) => r.area === 'alpha').sort((a, b) => a.questionId.localeCompare(b.questionId)),
    ...rows
      .filter((r) => r.questionId === 'beta-s1' || r.questionId === 'beta-s2')
      .sort((a, b) => a.questionId.localeCompare(b.questionId)),
  ];
  expect(chosen).toHaveLength(12);
  return chosen;
}

async function invite(name: string, email: string, expiresInDays = 7) {
  const id = await createInvitation(
    t.db,
    orgId,
    assessmentId,
    ownerId,
    { candidateName: name, candidateEmail: email, expiresAt: t.clock.now + expiresInDays * 864e5, extraSeconds: 0 },
    t.clock.now,
  );
  invitationOf[name] = id;
  return id;
}

/** A candidate answers the first `correct` items right and leaves the rest, then finishes (or not). */
async function take(
  name: string,
  opts: { correct: number; minutes: number; finish?: 'submit' | 'expire' | 'no'; signals?: [string, number?][] },
) {
  const items = await fixedItems();
  const startedAt = t.clock.now;
  const { attemptId } = await startInvitedAttempt(t.db, {
    invitationId: invitationOf[name] ?? '',
    orgId,
    assessmentId,
    seed: `seed-${name}`,
    startedAt,
    deadlineAt: startedAt + 20 * minute,
    items: items.map((i) => ({
      questionId: i.questionId,
      version: i.version,
      contentHash: i.contentHash,
      optionOrder: null,
    })),
    detail: { device: 'd1', address: '10.0.0.1' },
  });
  attemptOf[name] = attemptId;
  for (const [i, item] of items.slice(0, opts.correct).entries()) {
    await saveResponse(t.db, {
      attemptId,
      questionId: item.questionId,
      seq: 1,
      answer: rightAnswer(item.answerKey),
      flagged: i === 0,
      timeSpentMs: (i + 1) * 10_000,
      now: startedAt + (i + 1) * 1000,
    });
  }
  for (const [type, position] of opts.signals ?? []) {
    await recordEvent(
      t.db,
      attemptId,
      type as 'focus_lost',
      startedAt + 30_000,
      position === undefined ? {} : { position },
    );
  }
  if (opts.finish === 'submit') await finalizeAttempt(t.db, attemptId, startedAt + opts.minutes * minute, 60);
  if (opts.finish === 'expire') await finalizeAttempt(t.db, attemptId, startedAt + 25 * minute, 60);
  return attemptId;
}

async function signUp(browser: TestBrowser, email: string, orgName: string) {
  const res = await browser.post('/signup', {
    name: `Owner of ${orgName}`,
    email,
    password: 'a long enough passphrase',
    orgName,
  });
  expect(res.status).toBe(303);
  return memberIds(t.db, email);
}

beforeEach(async () => {
  t = await makeTestApp();
  await importTestBank(t.db);
  owner = new TestBrowser(t.app);
  ({ userId: ownerId, orgId } = await signUp(owner, 'olivia@example.com', 'Acme Hiring'));
  assessmentId = await createAssessment(
    t.db,
    orgId,
    ownerId,
    { ...defaultAssessment, title: 'Backend screening' },
    t.clock.now,
  );
  await invite('Ada Lovelace', 'ada@example.com');
  await invite('Bob Builder', 'bob@example.com');
  await invite('Hal Hacker', 'hal@example.com');
  await invite(evilName, 'evil@example.com');
  await invite('Dana Dev', 'dana@example.com');
  await invite('Eve Expired', 'eve@example.com', 1);
  await invite('Finn Fresh', 'finn@example.com');
  await invite('Gia Real', 'gia@example.com');
  await take('Ada Lovelace', { correct: 12, minutes: 10, finish: 'submit' });
  await take('Bob Builder', {
    correct: 9,
    minutes: 12,
    finish: 'submit',
    signals: [
      ['focus_lost', 3],
      ['focus_lost', 3],
      ['paste', 5],
    ],
  });
  await take('Hal Hacker', { correct: 9, minutes: 15, finish: 'submit', signals: [['new_address'], ['late_save', 2]] });
  await take(evilName, { correct: 6, minutes: 25, finish: 'expire' });
  await take('Dana Dev', { correct: 2, minutes: 0, finish: 'no' });
  await markInvitationOpened(t.db, invitationOf['Finn Fresh'] ?? '', t.clock.now);
  // Gia goes through the real candidate pages: start from the link, finish without answering.
  const token = await invitationToken(t.deps, invitationOf['Gia Real'] ?? '', t.clock.now + 7 * 864e5);
  const gia = new TestBrowser(t.app);
  const started = await gia.post(`/invite/${token}`);
  attemptOf['Gia Real'] = (started.headers.get('location') ?? '').split('/').pop() ?? '';
  expect((await gia.post(`/attempts/${attemptOf['Gia Real']}/finish`)).status).toBe(303);
  // Two days later: Eve's one-day invitation has lapsed unopened; Dana is still mid-test (her
  // deadline moved with the clock only because we never finalize her).
  t.clock.advance(2 * 864e5);
});
afterEach(() => t.close());

const page = (path: string, browser = owner) => browser.get(path);
const html = async (path: string, browser = owner) => (await page(path, browser)).text();

/** The table's rows in order: candidate name and the row's HTML. */
function tableRows(body: string) {
  return [...body.matchAll(/<tr data-invitation="[^"]+">([\s\S]*?)<\/tr>/g)].map((m) => {
    const row = m[1] ?? '';
    const name = /<th scope="row" class="candidate">(?:<a [^>]*>|<span>)([^<]*)</.exec(row)?.[1] ?? '';
    return { name: name.replaceAll('&quot;', '"').replaceAll('&amp;', '&'), row };
  });
}

const names = (body: string) => tableRows(body).map((r) => r.name);

describe('the pipeline table', () => {
  it('lists each candidate with status, score ± error, result, time, signals, percentile and decision', async () => {
    const res = await page(`/app/assessments/${assessmentId}`);
    expect(res.status).toBe(200);
    const body = await res.text();
    const rows = Object.fromEntries(tableRows(body).map((r) => [r.name, r.row]));
    expect(Object.keys(rows)).toHaveLength(8);
    expect(rows['Ada Lovelace']).toContain('Completed');
    expect(rows['Ada Lovelace']).toContain('<strong>100%</strong>');
    expect(rows['Ada Lovelace']).toMatch(/± 7<\/span>/); // p = 13/14, n = 12: 100·√(p(1−p)/12) ≈ 7.4
    expect(rows['Ada Lovelace']).toContain('Pass');
    expect(rows['Ada Lovelace']).toContain('10:00');
    expect(rows['Ada Lovelace']).toContain('100th');
    expect(rows['Bob Builder']).toContain('<strong>75%</strong>');
    expect(rows['Bob Builder']).toContain('left the test window twice; pasted text once');
    expect(rows['Bob Builder']).toContain('63rd');
    expect(rows['Hal Hacker']).toContain('new browser or network once; answer after time was up once');
    expect(rows[evilName]).toContain('<strong>50%</strong>');
    expect(rows[evilName]).toContain('Fail');
    expect(rows[evilName]).toContain('(time ran out)');
    expect(rows[evilName]).toContain('20:00');
    expect(rows['Dana Dev']).toContain('Taking the test');
    expect(rows['Dana Dev']).not.toContain('%</strong>');
    expect(rows['Eve Expired']).toContain('Invitation expired');
    expect(rows['Finn Fresh']).toContain('Opened the link');
    expect(rows['Gia Real']).toContain('<strong>0%</strong>');
    // The candidate name is text, never markup; per-area columns come from the blueprint.
    expect(body).not.toContain('<strong>=HYPERLINK');
    expect(body).toMatch(/Alpha<span aria-hidden="true"/);
    // KPIs: 8 invited, 6 started, 5 completed, 3 of 5 passed, median 75 %, median time 12:00.
    expect(body).toMatch(/<dt>Invited<\/dt><dd>8<\/dd>/);
    expect(body).toMatch(/<dt>Started<\/dt><dd>6<\/dd>/);
    expect(body).toMatch(/<dt>Completed<\/dt><dd>5<\/dd>/);
    expect(body).toMatch(/<dt>Pass rate<\/dt><dd>60%<\/dd>/);
    expect(body).toMatch(/<dt>Median score<\/dt><dd>75%<\/dd>/);
    expect(body).toMatch(/<dt>Median time<\/dt><dd>12:00<\/dd>/);
    // Nobody is decided yet: the passed candidates lead the list, best first.
    const next = /<ol class="next-up">([\s\S]*?)<\/ol>/.exec(body)?.[1] ?? '';
    expect([...next.matchAll(/<a href="\/app\/attempts\/[^"]+">([^<]+)</g)].map((m) => m[1])).toEqual([
      'Ada Lovelace',
      'Bob Builder',
      'Hal Hacker',
      '=HYPERLINK(&quot;http://evil.example/x&quot;,&quot;Click&quot;)',
      'Gia Real',
    ]);
  });

  it('draws the score distribution with bar heights relative to the fullest bin', async () => {
    const body = await html(`/app/assessments/${assessmentId}`);
    const svg = /<svg class="chart histogram"[\s\S]*?<\/svg>/.exec(body)?.[0] ?? '';
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="score-histogram-title">Scores of 5 finished candidates');
    const bars = [...svg.matchAll(/height="(\d+)" rx="2" class="([^"]+)" data-bin="(\d+)" data-count="(\d+)"/g)].map(
      (m) => ({ height: Number(m[1]), tone: m[2], bin: Number(m[3]), count: Number(m[4]) }),
    );
    expect(bars).toHaveLength(10);
    const byBin = Object.fromEntries(bars.map((b) => [b.bin, b]));
    expect(byBin[70]).toMatchObject({ count: 2, height: 150, tone: 'bar pass' });
    expect(byBin[90]).toMatchObject({ count: 1, height: 75, tone: 'bar pass' });
    expect(byBin[50]).toMatchObject({ count: 1, height: 75, tone: 'bar fail' });
    expect(byBin[0]).toMatchObject({ count: 1, height: 75, tone: 'bar fail' });
    expect(byBin[60]).toMatchObject({ count: 0, height: 0 });
    expect(svg).toContain('pass 60%');
  });

  it('sorts by any column, filters by status, result and decision, and searches name and email', async () => {
    const base = `/app/assessments/${assessmentId}`;
    expect(names(await html(base)).slice(0, 5)).toEqual([
      'Ada Lovelace',
      'Bob Builder',
      'Hal Hacker',
      evilName,
      'Gia Real',
    ]);
    expect(names(await html(`${base}?sort=score&dir=asc`)).slice(0, 3)).toEqual(['Gia Real', evilName, 'Bob Builder']);
    expect(names(await html(`${base}?sort=name&dir=asc`))).toEqual([
      evilName,
      'Ada Lovelace',
      'Bob Builder',
      'Dana Dev',
      'Eve Expired',
      'Finn Fresh',
      'Gia Real',
      'Hal Hacker',
    ]);
    expect(names(await html(`${base}?sort=flags&dir=desc`)).slice(0, 2)).toEqual(['Bob Builder', 'Hal Hacker']);
    expect(names(await html(`${base}?sort=time&dir=asc`)).slice(0, 2)).toEqual(['Gia Real', 'Ada Lovelace']);
    // Ties (everyone but Ada has 0 % in beta) fall back to the name; no score sorts last either way.
    expect(names(await html(`${base}?sort=area:beta&dir=asc`)).slice(0, 5)).toEqual([
      evilName,
      'Bob Builder',
      'Gia Real',
      'Hal Hacker',
      'Ada Lovelace',
    ]);
    expect(names(await html(`${base}?status=completed&outcome=failed`))).toEqual([evilName, 'Gia Real']);
    expect(names(await html(`${base}?status=expired`))).toEqual(['Eve Expired']);
    expect(names(await html(`${base}?q=EXAMPLE.com&status=started`))).toEqual(['Dana Dev']);
    expect(names(await html(`${base}?q=hal@`))).toEqual(['Hal Hacker']);
    const none = await html(`${base}?q=nobody-like-this`);
    expect(names(none)).toEqual([]);
    expect(none).toContain('No candidate matches these filters');
    // The sort survives a filter change: the filter form carries it in inputs inside the table.
    expect(await html(`${base}?sort=name&dir=desc`)).toContain(
      '<input type="hidden" name="sort" value="name" form="pipeline-filters"/>',
    );
    const bad = await page(`${base}?sort=shoe-size`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Sort by one of: name, status, score');
    expect((await page(`${base}?status=hired`)).status).toBe(400);
  });

  it('answers an htmx swap with the table alone, and a plain or history request with the page', async () => {
    const url = `/app/assessments/${assessmentId}?outcome=passed`;
    const fragment = await owner.get(url, { 'HX-Request': 'true', 'HX-Request-Type': 'partial' });
    expect(fragment.status).toBe(200);
    expect(fragment.headers.get('Vary')).toContain('HX-Request-Type');
    const body = await fragment.text();
    expect(body.startsWith('<div id="candidate-table"')).toBe(true);
    expect(body).not.toContain('<html');
    expect(names(body)).toEqual(['Ada Lovelace', 'Bob Builder', 'Hal Hacker']);
    const full = await owner.get(url, { 'HX-Request': 'true', 'HX-Request-Type': 'full' });
    expect(await full.text()).toContain('<!DOCTYPE html>');
    const plain = await owner.get(url);
    expect(plain.headers.get('Vary')).toContain('HX-Request-Type');
    const page = await plain.text();
    expect(page).toContain('hx-get="/app/assessments/');
    expect(page).toContain('hx-target="#candidate-table"');
    expect(page).toContain('hx-push-url="true"');
    expect(page).toContain('action="/app/compare"');
    const badFragment = await owner.get(`${url}&dir=sideways`, { 'HX-Request-Type': 'partial' });
    expect(badFragment.status).toBe(400);
    expect(await badFragment.text()).toContain('role="alert"');
  });
});

describe('the candidate report', () => {
  it('shows the verdict, areas, every answer with the key and explanation, and the integrity timeline', async () => {
    const res = await page(`/app/attempts/${attemptOf['Bob Builder']}`);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain('<h1>Bob Builder</h1>');
    expect(body).toContain('75%');
    expect(body).toContain('Passed');
    expect(body).toContain('pass mark 60%');
    expect(body).toContain('63rd');
    expect(body).toContain('scored higher than 63% of 4 other finished candidates');
    expect(body).toContain('12:00');
    expect(body).toContain('id="area-bars"');
    expect(body).toContain('id="time-bars"');
    // Every question: prompt, the candidate's answer, the correct one, the explanation.
    expect(body.match(/<article class="review-item"/g)).toHaveLength(12);
    expect(body).toContain('Prompt of alpha-s1?');
    expect(body).toContain('right one of alpha-s1');
    expect(body).toContain(`${secretMarker}-explains-alpha-s1`);
    expect(body).toContain('Not answered');
    expect(body).toContain('flagged by the candidate');
    // Integrity: counted, in words, on a timeline, with the caution.
    expect(body).toContain('Left the test window on question 4');
    expect(body).toContain('Pasted text on question 6');
    expect(body).toContain('Started the test');
    expect(body).toContain('Submitted the test');
    expect(body).toContain('evidence for a person to weigh, never a verdict');
    expect(body).toContain('laptops change networks');
    const timeout = await html(`/app/attempts/${attemptOf[evilName]}`);
    expect(timeout).toContain('Time ran out; the answers saved in time were submitted');
  });

  it('finalizes an attempt whose time ran out when a manager opens it, and says when one is in progress', async () => {
    const dana = await html(`/app/attempts/${attemptOf['Dana Dev']}`);
    // Two days passed since Dana started a 20-minute test: she is finalized at her deadline.
    expect(dana).toContain('Time ran out; the answers saved in time were submitted');
    expect(dana).toContain('16.6%');
    t.clock.advance(minute);
    await invite('Ivy Inprogress', 'ivy@example.com');
    await take('Ivy Inprogress', { correct: 1, minutes: 0, finish: 'no' });
    const ivy = await html(`/app/attempts/${attemptOf['Ivy Inprogress']}`);
    expect(ivy).toContain('Taking the test');
    expect(ivy).toContain('appear here when the candidate finishes');
    expect(ivy).not.toContain('<article class="review-item"');
    const early = await owner.post(`/app/attempts/${attemptOf['Ivy Inprogress']}/decision`, { decision: 'advance' });
    expect(early.status).toBe(409);
    expect(await t.db.select().from(decisions)).toHaveLength(0);
  });

  it('keeps notes and decisions with author and time, decision history append-only', async () => {
    const id = attemptOf['Ada Lovelace'] ?? '';
    const noted = await owner.post(`/app/attempts/${id}/notes`, { body: '  Strong on ordering; ask about Redis.  ' });
    expect(noted.status).toBe(303);
    expect(noted.headers.get('location')).toBe(`/app/attempts/${id}?done=note#activity`);
    const [note] = await t.db.select().from(notes);
    expect(note).toMatchObject({
      attemptId: id,
      orgId,
      authorId: ownerId,
      body: 'Strong on ordering; ask about Redis.',
      createdAt: t.clock.now,
    });

    t.clock.advance(minute);
    expect((await owner.post(`/app/attempts/${id}/decision`, { decision: 'hold' })).status).toBe(303);
    t.clock.advance(minute);
    const rejected = await owner.post(`/app/attempts/${id}/decision`, {
      decision: 'advance',
      reason: 'Great interview fit.',
    });
    expect(rejected.headers.get('location')).toBe(`/app/attempts/${id}?done=decision#activity`);
    // The same decision again (a double click) changes nothing.
    const again = await owner.post(`/app/attempts/${id}/decision`, { decision: 'advance' });
    expect(again.headers.get('location')).toBe(`/app/attempts/${id}?done=unchanged#activity`);
    const history = await t.db.select().from(decisions).where(eq(decisions.attemptId, id));
    expect(history.map((d) => d.decision)).toEqual(['hold', 'advance']);
    expect(history[1]).toMatchObject({ decidedBy: ownerId, decidedAt: t.clock.now });
    expect(await t.db.select().from(notes)).toHaveLength(2);

    const report = await html(`/app/attempts/${id}?done=decision`);
    expect(report).toContain('Decision recorded.');
    expect(report).toContain('Strong on ordering; ask about Redis.');
    expect(report).toContain('Great interview fit.');
    expect(report).toContain('decided <strong>Advance</strong> (was On hold)');
    expect(report).toContain('Owner of Acme Hiring');
    expect(report).toContain('2026-11-25');
    const table = await html(`/app/assessments/${assessmentId}?decision=advance`);
    expect(names(table)).toEqual(['Ada Lovelace']);
    expect(table).toContain('by Owner of Acme Hiring');
    expect(names(await html(`/app/assessments/${assessmentId}?decision=none&status=completed`))).not.toContain(
      'Ada Lovelace',
    );
  });

  it('refuses empty or overlong notes and unknown decisions, keeping what was typed', async () => {
    const id = attemptOf['Bob Builder'] ?? '';
    const empty = await owner.post(`/app/attempts/${id}/notes`, { body: '   ' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Write something before adding the note.');
    const long = await owner.post(`/app/attempts/${id}/notes`, { body: 'x'.repeat(2001) });
    expect(long.status).toBe(422);
    const longBody = await long.text();
    expect(longBody).toContain('at most 2000 characters; this one has 2001');
    expect(longBody).toContain('x'.repeat(2001));
    const fragment = await owner.post(`/app/attempts/${id}/notes`, { body: '' }, { 'HX-Request-Type': 'partial' });
    expect(fragment.status).toBe(422);
    expect(await fragment.text()).not.toContain('<html');
    const bad = await owner.post(`/app/attempts/${id}/decision`, { decision: 'hire-now' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Choose advance, hold or reject.');
    expect(await t.db.select().from(notes)).toHaveLength(0);
    expect(await t.db.select().from(decisions)).toHaveLength(0);
  });

  it('lets a reviewer comment but not decide', async () => {
    const reviewer = new TestBrowser(t.app);
    await reviewer.post('/signup', {
      name: 'Rita Reviewer',
      email: 'rita@example.com',
      password: 'a long enough passphrase',
    });
    const [rita] = await t.db.select().from(users).where(eq(users.email, 'rita@example.com'));
    await t.db.insert(memberships).values({ orgId, userId: rita?.id ?? '', role: 'reviewer' });
    const id = attemptOf['Hal Hacker'] ?? '';
    const report = await html(`/app/attempts/${id}`, reviewer);
    expect(report).toContain('Decisions are recorded by admins and owners');
    expect(report).not.toContain('Record decision');
    expect((await reviewer.post(`/app/attempts/${id}/notes`, { body: 'I would advance.' })).status).toBe(303);
    const refused = await reviewer.post(`/app/attempts/${id}/decision`, { decision: 'advance' });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('needs the admin role');
    expect(await t.db.select().from(decisions)).toHaveLength(0);
    const overview = await html(`/app/assessments/${assessmentId}`, reviewer);
    expect(overview).toContain('/preview"');
    expect(overview).not.toContain('/edit"');
    expect((await page(`/app/assessments/${assessmentId}/export/candidates.csv`, reviewer)).status).toBe(200);
  });
});

describe('compare', () => {
  const compare = (ids: (string | undefined)[]) => page(`/app/compare?ids=${ids.join(',')}`);

  it('puts 2 to 4 candidates side by side and marks the best', async () => {
    const two = await compare([attemptOf['Bob Builder'], attemptOf['Ada Lovelace']]);
    expect(two.status).toBe(200);
    const body = await two.text();
    expect(body).toContain('Compare 2 candidates');
    expect(body.indexOf('Bob Builder')).toBeLessThan(body.indexOf('Ada Lovelace'));
    expect(body).toMatch(/<td class="num best"><span class="score"[^>]*><strong>100%<\/strong>/);
    expect(body).toContain('Left the test window');
    const four = await compare([
      attemptOf['Ada Lovelace'],
      attemptOf['Bob Builder'],
      attemptOf['Hal Hacker'],
      attemptOf['Gia Real'],
    ]);
    expect(four.status).toBe(200);
    expect((await four.text()).match(/<th scope="col">/g)).toHaveLength(4);
    // What the table's checkboxes send: ids repeated.
    const form = await page(`/app/compare?ids=${attemptOf['Ada Lovelace']}&ids=${attemptOf[evilName]}`);
    expect(form.status).toBe(200);
  });

  it('refuses one or five candidates, and ids it does not know', async () => {
    const one = await compare([attemptOf['Ada Lovelace']]);
    expect(one.status).toBe(400);
    expect(await one.text()).toContain('Choose 2 to 4 candidates to compare (you chose 1)');
    const five = await compare(
      ['Ada Lovelace', 'Bob Builder', 'Hal Hacker', 'Gia Real', evilName].map((n) => attemptOf[n]),
    );
    expect(five.status).toBe(400);
    expect((await compare([attemptOf['Ada Lovelace'], 'x'.repeat(22)])).status).toBe(404);
  });
});

describe('CSV exports', () => {
  it('exports the pipeline table, filtered as on screen, with formulas neutralized', async () => {
    // Group labels the team gave on two reports: one plain, one a spreadsheet would run as a formula.
    const label = (name: string, value: string) =>
      owner.post(`/app/invitations/${invitationOf[name]}/group-label`, { label: value });
    expect((await label('Ada Lovelace', 'Referral')).status).toBe(303);
    expect((await label('Bob Builder', '+1 job board')).status).toBe(303);
    const res = await page(`/app/assessments/${assessmentId}/export/candidates.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('text/csv');
    expect(res.headers.get('Content-Disposition')).toBe(
      'attachment; filename="backend-screening-candidates-2026-11-25.csv"',
    );
    const rows = await csvOf(res);
    expect(rows).toHaveLength(8);
    const ada = rows.find((r) => r.email === 'ada@example.com');
    expect(ada).toMatchObject({
      name: 'Ada Lovelace',
      group_label: 'Referral',
      status: 'completed',
      score_percent: '100',
      passed: 'true',
      area_alpha_percent: '100',
      area_beta_percent: '100',
      time_used_seconds: '600',
      percentile: '100',
      decision: '',
    });
    const bob = rows.find((r) => r.email === 'bob@example.com');
    expect(bob).toMatchObject({ group_label: "'+1 job board", focus_lost: '2', pastes: '1', percentile: '62.5' });
    expect(rows.filter((r) => r.group_label === '').map((r) => r.email)).toHaveLength(6);
    const evil = rows.find((r) => r.email === 'evil@example.com');
    expect(evil?.name).toBe(`'${evilName}`);
    expect(evil?.timed_out).toBe('true');
    expect(rows.find((r) => r.email === 'eve@example.com')).toMatchObject({ status: 'expired', score_percent: '' });

    const failed = await csvOf(await page(`/app/assessments/${assessmentId}/export/candidates.csv?outcome=failed`));
    expect(failed.map((r) => r.email)).toEqual(['evil@example.com', 'gia@example.com']);
    await label('Ada Lovelace', '');
    await label('Bob Builder', '');
  });

  it('exports one row per candidate and question with answers and keys as text', async () => {
    const res = await page(`/app/assessments/${assessmentId}/export/answers.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Disposition')).toContain('backend-screening-answers-');
    const rows = await csvOf(res);
    expect(rows).toHaveLength(5 * 12);
    const numeric = rows.find((r) => r.email === 'ada@example.com' && r.question_id === 'alpha-n1');
    expect(numeric).toMatchObject({
      area: 'alpha',
      topic: 't2',
      type: 'numeric',
      difficulty: '3',
      answer: '42',
      correct_answer: '42 ± 0.5',
      credit: '1',
      flagged_by_candidate: 'false',
    });
    const ordering = rows.find((r) => r.email === 'ada@example.com' && r.question_id === 'alpha-o1');
    expect(ordering?.correct_answer).toBe('1. first step; 2. second step; 3. third step; 4. fourth step');
    const first = rows.find((r) => r.email === 'ada@example.com' && r.position === '1');
    expect(first).toMatchObject({
      question_id: 'alpha-m1',
      answer: 'two; four',
      credit: '1',
      time_spent_seconds: '10',
      flagged_by_candidate: 'true',
    });
    const skipped = rows.find((r) => r.email === 'bob@example.com' && r.position === '12');
    expect(skipped).toMatchObject({ answer: '', credit: '0', time_spent_seconds: '0' });
    expect(rows.find((r) => (r.name ?? '').startsWith('=') || (r.name ?? '').startsWith('+'))).toBeUndefined();
  });
});

describe('another organization', () => {
  it('finds nothing of ours: every page, export and form answers 404', async () => {
    const mallory = new TestBrowser(t.app);
    await signUp(mallory, 'mallory@example.com', 'Other Corp');
    const ada = attemptOf['Ada Lovelace'];
    const bob = attemptOf['Bob Builder'];
    for (const path of [
      `/app/assessments/${assessmentId}`,
      `/app/assessments/${assessmentId}/export/candidates.csv`,
      `/app/assessments/${assessmentId}/export/answers.csv`,
      `/app/attempts/${ada}`,
      `/app/compare?ids=${ada},${bob}`,
    ]) {
      const res = await mallory.get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('Ada Lovelace');
    }
    expect((await mallory.post(`/app/attempts/${ada}/notes`, { body: 'peek' })).status).toBe(404);
    expect((await mallory.post(`/app/attempts/${ada}/decision`, { decision: 'reject' })).status).toBe(404);
    expect(await t.db.select().from(notes)).toHaveLength(0);
    expect(
      await t.db
        .select()
        .from(decisions)
        .where(and(eq(decisions.attemptId, ada ?? ''), eq(decisions.decision, 'reject'))),
    ).toHaveLength(0);
    // Signed out: to the sign-in page, not a report.
    expect((await new TestBrowser(t.app).get(`/app/attempts/${ada}`)).status).toBe(303);
  });
});
