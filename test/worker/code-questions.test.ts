/**
 * Code and SQL grading on Workers: the deployable bundle under workerd with D1 grades a code and
 * a SQL answer at the finish in the request (QuickJS and SQLite WebAssembly imported as modules),
 * the same way Node does in its threads: the score is the fraction of hidden tests passed (an
 * assertion test among them), and an endless loop is stopped by QuickJS's interrupt count.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredGrading } from '../../src/db/grading';
import { attempts, responses } from '../../src/db/schema';
import { TestBrowser } from '../support/client';
import { importCodeBank } from '../support/code-bank';
import { defaultAssessment } from '../support/fixtures';
import { inviteOnWorker, startWorker } from '../support/worker';

let worker: Awaited<ReturnType<typeof startWorker>>;
let token: string;

beforeAll(async () => {
  worker = await startWorker();
  await importCodeBank(worker.db);
  token = await inviteOnWorker(worker, {
    ...defaultAssessment,
    blueprint: { sections: [{ area: 'coding', count: 2 }] },
  });
}, 120_000);
afterAll(() => worker?.close());

describe('code and SQL questions on Workers with D1', () => {
  it("grades both at the finish, by the app Worker's Grader the candidate Worker calls", async () => {
    const { app } = worker;
    const browser = new TestBrowser(app);
    const start = await browser.post(`/invite/${token}`);
    const attemptId = start.headers.get('location')?.split('/').pop() ?? '';
    const first = await (await browser.get(`/attempts/${attemptId}?q=0`)).text();
    const [codeAt, sqlAt] = first.includes('sumEvens') ? ['0', '1'] : ['1', '0'];
    // Right sums, except that it never returns for an empty array (one hidden test: Workers' clock
    // stands still while the request computes, so QuickJS's interrupt count has to stop it) and
    // that it empties the array it sums (the hidden assertion test catches that).
    const code =
      'function sumEvens(xs) { while (xs.length === 0) {} let s = 0; while (xs.length) { const n = xs.pop(); if (n % 2 === 0) s += n; } return s; }';
    // A query that misses customers when an order has no customer (NOT IN meets NULL).
    const query = 'SELECT name FROM customers WHERE id NOT IN (SELECT customer_id FROM orders)';
    expect((await browser.save(attemptId, { q: codeAt, seq: '1', source: code })).status).toBe(200);
    expect((await browser.save(attemptId, { q: sqlAt, seq: '1', source: query })).status).toBe(200);
    expect((await browser.post(`/attempts/${attemptId}/finish`)).status).toBe(303);

    const rows = await worker.db.select().from(responses).where(eq(responses.attemptId, attemptId));
    const byType = new Map(rows.map((r) => [r.answer?.type, r]));
    expect(byType.get('code')?.answer).toMatchObject({ tests: { passed: 4, total: 6 } });
    const codeGrading = byType.get('code')?.grading as StoredGrading | undefined;
    expect(codeGrading?.results.find((r) => r.name === 'sumEvens([])')?.error).toBe('time limit exceeded');
    expect(codeGrading?.results.find((r) => r.name === 'leaves the array it is given unchanged')).toMatchObject({
      passed: false,
      error: 'AssertionError: sumEvens changed the array it was given: expected [4,1,2], got []',
    });
    expect(byType.get('sql')?.answer).toMatchObject({ tests: { passed: 4, total: 5 } });
    expect(byType.get('sql')?.score).toBeCloseTo(0.8);
    const [attempt] = await worker.db.select().from(attempts).where(eq(attempts.id, attemptId));
    expect(attempt?.scorePercent).toBe(73.3); // (4/6 + 4/5) / 2
  });
});
