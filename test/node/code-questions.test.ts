/**
 * Code and SQL questions through the real pages: a candidate sees the prompt with its examples
 * (never the hidden tests or the reference), saves code and a query like any answer, finishes,
 * and the server grades both in worker threads: the score is the fraction of hidden tests passed,
 * with each test's result stored for the report. Saves stay prompt while hostile gradings run.
 */
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invitationToken } from '../../src/candidate/invitation-token';
import { createAssessment, createInvitation } from '../../src/db/assessments';
import type { StoredGrading } from '../../src/db/grading';
import { attempts, memberships, responses } from '../../src/db/schema';
import { createGradingPool } from '../../src/grading/node/pool';
import { sweepExpiredAttempts } from '../../src/jobs';
import { makeTestApp, type TestApp } from '../support/app';
import { TestBrowser } from '../support/client';
import { importCodeBank } from '../support/code-bank';
import { defaultAssessment } from '../support/fixtures';
import { pageBothWays } from '../support/fresh-render';
import { signUpOwner } from '../support/people';

const pool = createGradingPool({ size: 2 });
afterAll(() => pool.close());

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
  // As src/node.ts does: gradings run in the pool's worker threads.
  t.deps.grade = pool.grade;
});
afterEach(() => t.close());

async function startCodingTest() {
  await importCodeBank(t.db);
  const manager = await signUpOwner(t, 'owner@example.com', 'Acme Hiring');
  const [member] = await t.db.select().from(memberships);
  const { orgId, userId } = member ?? { orgId: '', userId: '' };
  const now = t.clock.now;
  const assessmentId = await createAssessment(
    t.db,
    orgId,
    userId,
    { ...defaultAssessment, blueprint: { sections: [{ area: 'coding', count: 2 }] }, shuffleQuestions: false },
    now,
  );
  const invitationId = await createInvitation(
    t.db,
    orgId,
    assessmentId,
    userId,
    { candidateName: 'Casey Candidate', candidateEmail: 'casey@example.com', expiresAt: now + 864e5, extraSeconds: 0 },
    now,
  );
  const browser = new TestBrowser(t.app);
  const start = await browser.post(`/invite/${await invitationToken(t.deps, invitationId, now + 864e5)}`);
  const attemptId = start.headers.get('location')?.split('/').pop() ?? '';
  const pages = await Promise.all([0, 1].map(async (q) => (await browser.get(`/attempts/${attemptId}?q=${q}`)).text()));
  const codeAt = String(pages.findIndex((html) => html.includes('sumEvens')));
  const sqlAt = codeAt === '0' ? '1' : '0';
  return { browser, manager, attemptId, pages, codeAt, sqlAt };
}

// The code drops negative even numbers and empties the array it sums (the assertion test sees
// that): 4 of 6 hidden tests. The query misses customers when an order has no customer (NOT IN
// meets NULL): 4 of 5.
const almostRightCode = [
  'function sumEvens(numbers) {',
  '  let total = 0;',
  '  while (numbers.length > 0) {',
  '    const n = numbers.pop();',
  '    if (n > 0 && n % 2 === 0) total += n;',
  '  }',
  '  return total;',
  '}',
  '',
].join('\n');
const almostRightQuery = 'SELECT name FROM customers WHERE id NOT IN (SELECT customer_id FROM orders)';

describe('code and SQL questions', () => {
  it('show the starter, examples and schema but never the hidden tests or the reference', async () => {
    const { pages } = await startCodingTest();
    const both = pages.join('\n');
    expect(both).toContain('name="source"');
    // The text a reader sees, without the highlighter's markup.
    const text = both.replace(/<[^>]+>/g, '').replaceAll('&gt;', '>');
    expect(text).toContain('sumEvens([1, 2, 3, 4]) returns 6'); // a visible example
    expect(text).toContain('CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id');
    expect(text).toContain('Example data (two customers, one order)');
    for (const secret of [
      'sumEvens([-2, -3, 4])',
      'numbers.filter((n) => n % 2 === 0)',
      'NOT EXISTS',
      'an order without a customer',
      'sumEvens changed the array it was given', // a hidden assertion test
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it("send the SQL examples' expected rows to the page, and neither the reference query nor a hidden database", async () => {
    const { pages, sqlAt } = await startCodingTest();
    const html = pages[Number(sqlAt)] ?? '';
    // The page's runnable examples (the data-runnable attribute), as the browser reads them.
    const attribute = /data-runnable="([^"]*)"/.exec(html)?.[1] ?? '';
    const runnable = JSON.parse(
      attribute
        .replaceAll('&quot;', '"')
        .replaceAll('&#39;', "'")
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&amp;', '&'),
    );
    expect(runnable).toMatchObject({ kind: 'sql', orderMatters: false });
    expect(runnable.tests).toEqual([
      {
        name: 'two customers, one order',
        seed: expect.stringContaining("INSERT INTO customers VALUES (1, 'Ada'), (2, 'Linus');"),
        expected: { columns: ['name'], rows: [['Linus']] },
      },
    ]);
    expect(Object.keys(runnable).sort()).toEqual(['kind', 'limits', 'orderMatters', 'schema', 'tests']);
    // Nowhere in the page's HTML (attributes and scripts included): the reference query, the hidden
    // databases' names and rows, the code question's reference and its hidden tests.
    for (const html of pages) {
      for (const secret of [
        'NOT EXISTS',
        'nobody ordered',
        'an order without a customer',
        'Grace',
        'Kim',
        'n % 2 === 0',
        'sumEvens changed the array',
      ]) {
        expect(html).not.toContain(secret);
      }
    }
  });

  it('are the same page from the filled templates as rendered fresh, with a saved answer and a report', async () => {
    const { browser, attemptId, codeAt, sqlAt } = await startCodingTest();
    const code = `// <b> & "quotes" 'too'\n${almostRightCode}`;
    expect((await browser.save(attemptId, { q: codeAt, seq: '1', source: code, flagged: '1' })).status).toBe(200);
    expect((await browser.save(attemptId, { q: sqlAt, seq: '1', source: almostRightQuery })).status).toBe(200);
    const report = { q: sqlAt, reason: 'other', body: 'A <table> & "name"' };
    expect((await browser.post(`/attempts/${attemptId}/reports`, report)).status).toBe(303);
    for (const position of [Number(codeAt), Number(sqlAt)]) {
      const { filled, fresh } = await pageBothWays(browser, attemptId, position);
      expect(filled).toBe(fresh);
      if (position === Number(codeAt)) expect(filled).toContain('// &lt;b&gt; &amp; &quot;quotes&quot; &#39;too&#39;');
      else expect(filled).toContain('A &lt;table&gt; &amp; &quot;name&quot;');
    }
  });

  it('grade saved answers at the finish: the score is the fraction of hidden tests passed', async () => {
    const { browser, manager, attemptId, codeAt, sqlAt } = await startCodingTest();
    expect((await browser.save(attemptId, { q: codeAt, seq: '1', source: almostRightCode })).status).toBe(200);
    expect((await browser.save(attemptId, { q: sqlAt, seq: '1', source: almostRightQuery })).status).toBe(200);
    // A later save replaces the code, as any answer: only the newest is graded.
    expect((await browser.save(attemptId, { q: codeAt, seq: '2', source: `// v2\n${almostRightCode}` })).status).toBe(
      200,
    );

    const finish = await browser.post(`/attempts/${attemptId}/finish`);
    expect(finish.status).toBe(303);

    const rows = await t.db.select().from(responses).where(eq(responses.attemptId, attemptId));
    expect(rows).toHaveLength(2);
    const total = { code: 6, sql: 5 };
    for (const row of rows) {
      const type = row.answer?.type === 'code' ? 'code' : 'sql';
      const grading = row.grading as unknown as StoredGrading;
      expect(grading).toMatchObject({ passed: 4, total: total[type] });
      expect(grading.results).toHaveLength(total[type]);
      expect(row.answer).toMatchObject({ tests: { passed: 4, total: total[type] } });
      expect(row.score).toBeCloseTo(4 / total[type]);
    }
    const codeGrading = rows.find((r) => r.answer?.type === 'code')?.grading as unknown as StoredGrading | undefined;
    expect(codeGrading?.seq).toBe(2);
    const failedCode = codeGrading?.results.find((r) => !r.passed);
    expect(failedCode).toMatchObject({ name: 'sumEvens([-2, -3, 4])', expected: '2', got: '4' });
    expect(codeGrading?.results.at(-1)).toMatchObject({
      name: 'leaves the array it is given unchanged',
      passed: false,
      error: 'AssertionError: sumEvens changed the array it was given: expected [4,1,2], got []',
    });

    const [attempt] = await t.db.select().from(attempts).where(eq(attempts.id, attemptId));
    expect(attempt?.scorePercent).toBe(73.3); // (4/6 + 4/5) / 2, to one decimal

    // The manager's report: the code, and each hidden test with its input, expected and actual result.
    const report = await manager.get(`/app/attempts/${attemptId}`);
    expect(report.status).toBe(200);
    const text = (await report.text())
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
      .replaceAll('&gt;', '>')
      .replace(/\s+/g, ' ');
    expect(text).toContain('Hidden tests: 4 of 6 passed');
    expect(text).toContain('Hidden tests: 4 of 5 passed');
    expect(text).toContain('sumEvens([-2, -3, 4]) Failed 2 4');
    // An assertion test: its name and code as the input, the assertion's message as the result.
    expect(text).toContain(
      "leaves the array it is given unchanged const numbers = [4, 1, 2]; assertEqual(sumEvens(numbers), 6); assertEqual(numbers, [4, 1, 2], 'sumEvens changed the array it was given'); Failed every assertion holds AssertionError: sumEvens changed the array it was given: expected [4,1,2], got []",
    );
    expect(text).toContain('an order without a customer Failed name Ada Grace');
    expect(text).toContain('n > 0 && n % 2 === 0');
  });

  it('are graded by the sweep when time runs out without a finish', async () => {
    const { browser, attemptId, codeAt } = await startCodingTest();
    expect((await browser.save(attemptId, { q: codeAt, seq: '1', source: almostRightCode })).status).toBe(200);
    t.clock.advance(defaultAssessment.timeLimitSeconds * 1000 + t.deps.settings.saveGraceMs + 1);
    expect(await sweepExpiredAttempts(t.deps)).toBe(1);
    const [row] = await t.db.select().from(responses).where(eq(responses.attemptId, attemptId));
    expect(row?.answer).toMatchObject({ tests: { passed: 4, total: 6 } });
    const [attempt] = await t.db.select().from(attempts).where(eq(attempts.id, attemptId));
    // One of two questions answered, 4 of 6 hidden tests: 33.3 %.
    expect(attempt).toMatchObject({ state: 'expired', scorePercent: 33.3 });
  });

  it('answer saves promptly while hostile gradings run', async () => {
    const { browser, attemptId, codeAt } = await startCodingTest();
    const hostile = Array.from({ length: 10 }, (_, i) =>
      pool.grade({
        kind: 'code',
        source: i % 2 ? 'function f() { for (;;) {} }' : 'function f() { return new Array(1e8) + ""; }',
        functionName: 'f',
        tests: [{ name: 'x', args: [], expected: 1 }],
        limits: { timeMs: 1000, memoryBytes: 32 << 20 },
      }),
    );
    let running = true;
    const gradings = Promise.all(hostile).finally(() => {
      running = false;
    });
    // Saves keep coming for as long as the hostile gradings run (about 15 s on 2 threads).
    const times: number[] = [];
    for (let seq = 1; running; seq++) {
      const started = performance.now();
      const res = await browser.save(attemptId, {
        q: codeAt,
        seq: String(seq),
        source: `// ${seq}\n${almostRightCode}`,
      });
      times.push(performance.now() - started);
      expect(res.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (const g of await gradings) expect(g.results[0]?.error).toMatch(/limit/);
    times.sort((a, b) => a - b);
    const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
    // Recorded in bench/README.md ("Saves while code is graded").
    console.log(
      `saves during 10 hostile gradings: n=${times.length} p50=${p(0.5).toFixed(1)} ms p99=${p(0.99).toFixed(1)} ms max=${p(1).toFixed(1)} ms`,
    );
    // The event loop never waits for a grading: saves keep completing while the gradings run
    // (graded on the main thread, the loop would get one or two turns). Their speed is the
    // benchmark's business, not an assertion here.
    expect(times.length).toBeGreaterThan(50);
  }, 60_000);
});
