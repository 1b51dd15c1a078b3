/**
 * Variant questions end to end: each attempt of the same assessment gets its own instance (drawn
 * from its seed, stored on its items), sees it, is scored against its key, and the manager's
 * report shows the candidate's instance.
 */
import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileBank } from '../../src/bank/compile';
import { invitationToken } from '../../src/candidate/invitation-token';
import { createAssessment, createInvitation } from '../../src/db/assessments';
import { attemptItemsWithContent } from '../../src/db/attempts';
import { importBank } from '../../src/db/bank-import';
import { appendPracticeItem, startPracticeAttempt } from '../../src/db/practice';
import { attemptItems, attempts, questionVersions, responses } from '../../src/db/schema';
import { makeTestApp, type TestApp } from '../support/app';
import { TestBrowser } from '../support/client';
import { defaultAssessment } from '../support/fixtures';
import { pageBothWays } from '../support/fresh-render';
import { memberIds, signUpOwner } from '../support/people';

const gamma = [
  {
    path: 'questions/gamma/area.md',
    text: '---\ntitle: Gamma\nsummary: Variant questions.\n---\n\n## Topics\n\n- `calc`: Calc | https://example.com/calc\n',
  },
  {
    path: 'questions/gamma/calc.md',
    text: `# Calc

## gamma-times
type: numeric
difficulty: 2

What is {{a}} times {{b}}?

### Parameters

- a: integer 2..30
- b: integer 2..30
- product = a * b

### Answer

{{product}}

### Explanation

{{a}} × {{b}} = {{product}}.

## gamma-range
type: single
difficulty: 3

How many times does the body of \`for i in range({{lo}}, {{hi}})\` run?

### Parameters

- lo: integer 0..9
- hi: integer 12..20
- runs = hi - lo

### Options

- [x] {{runs}}
- [ ] {{runs + 1}}
- [ ] {{runs - 1}}
- [ ] {{runs * 2}}

### Explanation

\`range\` stops before {{hi}}: {{hi}} − {{lo}} = {{runs}}.
`,
  },
];

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
  const { bank, errors } = await compileBank(gamma);
  expect(errors).toEqual([]);
  await importBank(t.db, bank, 1);
});
afterEach(() => t.close());

/** An owner's organization with an assessment over Gamma and `count` candidates who started it. */
async function startedAttempts(count: number) {
  const owner = await signUpOwner(t, 'dana@example.com', 'Variant Co');
  const { orgId, userId } = await memberIds(t.db, 'dana@example.com');
  const now = t.clock.now;
  const assessmentId = await createAssessment(
    t.db,
    orgId,
    userId,
    { ...defaultAssessment, blueprint: { sections: [{ area: 'gamma', count: 2 }] }, shuffleQuestions: false },
    now,
  );
  const started = [];
  for (let i = 0; i < count; i++) {
    const invitationId = await createInvitation(
      t.db,
      orgId,
      assessmentId,
      userId,
      { candidateName: `Candidate ${i}`, candidateEmail: `c${i}@example.com`, expiresAt: now + 864e5, extraSeconds: 0 },
      now,
    );
    const browser = new TestBrowser(t.app);
    const res = await browser.post(`/invite/${await invitationToken(t.deps, invitationId, now + 864e5)}`);
    const attemptId = res.headers.get('location')?.split('/').pop() ?? '';
    expect(attemptId).not.toBe('');
    started.push({ browser, attemptId });
  }
  return { owner, started };
}

async function itemsOf(attemptId: string) {
  return t.db
    .select({ questionId: attemptItems.questionId, position: attemptItems.position, variant: attemptItems.variant })
    .from(attemptItems)
    .where(eq(attemptItems.attemptId, attemptId))
    .orderBy(asc(attemptItems.position));
}

/** The values an attempt item holds for a question. */
function valuesOf(items: Awaited<ReturnType<typeof itemsOf>>, questionId: string) {
  const item = items.find((i) => i.questionId === questionId);
  if (!item?.variant) throw new Error(`${questionId} has no values`);
  const values = item.variant as Record<string, number>;
  return { position: item.position, a: values.a ?? 0, b: values.b ?? 0 };
}

/** The page of a question as the candidate's browser gets it. */
const page = async (browser: TestBrowser, attemptId: string, position: number) =>
  (await browser.get(`/attempts/${attemptId}?q=${position}`)).text();

/** The display index of the option whose text is exactly `text`, read from the page. */
function optionIndex(html: string, text: string): string {
  const re = /<input type="radio" name="choice" value="(\d+)"[^>]*\/?><span>([^<]*)<\/span>/g;
  for (const m of html.matchAll(re)) if (m[2] === text) return m[1] ?? '';
  throw new Error(`no option "${text}"`);
}

describe('variant questions in an assessment', () => {
  it('are the same page from the filled templates as rendered fresh, answered or not', async () => {
    const { started } = await startedAttempts(1);
    const [{ browser, attemptId }] = started as [(typeof started)[number]];
    const items = await itemsOf(attemptId);
    const answered = items[0]?.position ?? 0;
    const save = { q: String(answered), seq: '1', choice: '0', flagged: '1' };
    expect((await browser.save(attemptId, save)).status).toBe(200);
    for (const item of items) {
      const { filled, fresh } = await pageBothWays(browser, attemptId, item.position);
      expect(filled).toBe(fresh);
    }
  });

  it('gives each attempt its own instance, shows it, scores it against its own key, and reports it', async () => {
    const { owner, started } = await startedAttempts(3);
    const instances = [];
    for (const { browser, attemptId } of started) {
      const items = await itemsOf(attemptId);
      const times = items.find((i) => i.questionId === 'gamma-times');
      const range = items.find((i) => i.questionId === 'gamma-range');
      if (!times?.variant || !range?.variant) throw new Error('a variant question has no values');
      const { a, b } = times.variant as { a: number; b: number };
      const { lo, hi } = range.variant as { lo: number; hi: number };
      expect(a).toBeGreaterThanOrEqual(2);
      expect(b).toBeLessThanOrEqual(30);
      instances.push(JSON.stringify([a, b, lo, hi]));

      // The candidate sees the instance, with no placeholder, marker or key in the page.
      const timesPage = await page(browser, attemptId, times.position);
      expect(timesPage).toContain(`What is ${a} times ${b}?`);
      expect(timesPage).not.toMatch(/\{\{|zqvph|×/);
      const rangePage = await page(browser, attemptId, range.position);
      expect(rangePage).toContain(`range(${lo}, ${hi})`);

      // Answers computed from what the page says earn full credit.
      let seq = 1;
      const save = (q: number, fields: Record<string, string>) =>
        browser.post(`/attempts/${attemptId}/answers`, { q: String(q), seq: String(seq++), ...fields });
      expect((await save(times.position, { number: String(a * b) })).status).toBeLessThan(400);
      expect((await save(range.position, { choice: optionIndex(rangePage, String(hi - lo)) })).status).toBeLessThan(
        400,
      );
      await browser.post(`/attempts/${attemptId}/finish`);
      const [row] = await t.db.select().from(attempts).where(eq(attempts.id, attemptId));
      expect(row?.scorePercent).toBe(100);
    }
    // Three attempts of one assessment do not all share an instance (841 × 90 of them).
    expect(new Set(instances).size).toBeGreaterThan(1);

    // The manager's report shows the first candidate's instance and its key.
    const first = started[0];
    if (!first) throw new Error('no attempt');
    const firstItems = await itemsOf(first.attemptId);
    const { a, b } = valuesOf(firstItems, 'gamma-times');
    const report = await (await owner.get(`/app/attempts/${first.attemptId}`)).text();
    expect(report).toContain(`What is ${a} times ${b}?`);
    expect(report).toContain(`${a} × ${b} = ${a * b}.`);
    expect(report).toContain(`this candidate&#39;s values: a = ${a}, b = ${b}`);
    expect(report).not.toMatch(/\{\{|zqvph/);
  });

  it("scores another instance's answer as wrong: the published example is not the candidate's key", async () => {
    const { started } = await startedAttempts(1);
    const [{ browser, attemptId } = { browser: new TestBrowser(t.app), attemptId: '' }] = started;
    const items = await itemsOf(attemptId);
    const times = valuesOf(items, 'gamma-times');
    const { a, b } = times;
    const [stored] = await t.db.select().from(questionVersions).where(eq(questionVersions.questionId, 'gamma-times'));
    const exampleKey = stored?.answerKey.type === 'numeric' ? stored.answerKey.value : 0;
    // Whatever the example's key, answer with a product that is not this instance's.
    const wrong = exampleKey === a * b ? a * b + 1 : exampleKey;
    await browser.post(`/attempts/${attemptId}/answers`, {
      q: String(times?.position),
      seq: '1',
      number: String(wrong),
    });
    await browser.post(`/attempts/${attemptId}/finish`);
    const [saved] = await t.db.select().from(responses).where(eq(responses.attemptId, attemptId));
    expect(saved?.score).toBe(0);
  });

  it("stores a practice attempt's instances, first item and appended ones, and reads them back filled", async () => {
    const versions = await t.db.select().from(questionVersions);
    const item = (id: string) => {
      const v = versions.find((row) => row.questionId === id);
      if (!v) throw new Error(`no ${id}`);
      return { questionId: id, version: v.version, contentHash: v.contentHash, optionOrder: null };
    };
    const now = t.clock.now;
    const { attemptId, created } = await startPracticeAttempt(t.db, {
      areaId: 'gamma',
      person: { userId: null, deviceId: 'device-1' },
      seed: 'practice-seed',
      startedAt: now,
      deadlineAt: now + 60_000,
      blockedAfter: now - 1,
      firstItem: item('gamma-times'),
      address: null,
    });
    expect(created).toBe(true);
    expect(
      await appendPracticeItem(t.db, { attemptId, seed: 'practice-seed', position: 1, item: item('gamma-range') }),
    ).toBe(true);
    const stored = await itemsOf(attemptId);
    const times = valuesOf(stored, 'gamma-times');
    const range = stored.find((i) => i.questionId === 'gamma-range')?.variant as { lo: number; hi: number };
    expect(range.hi).toBeGreaterThanOrEqual(12);
    const content = await attemptItemsWithContent(t.db, attemptId);
    expect(content[0]?.promptHtml).toContain(`What is ${times.a} times ${times.b}?`);
    expect(content[0]?.answerKey).toEqual({ type: 'numeric', value: times.a * times.b, tolerance: 0 });
    expect(content[1]?.promptHtml).toContain(`range(${range.lo}, ${range.hi})`);
    expect(content[1]?.options[0]?.html).toBe(String(range.hi - range.lo));
  });
});
