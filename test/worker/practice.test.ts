import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptItems, attempts } from '../../src/db/schema';
import { importTestBank } from '../support/bank';
import { TestBrowser } from '../support/client';
import { startWorker } from '../support/worker';

let worker: Awaited<ReturnType<typeof startWorker>>;

beforeAll(async () => {
  worker = await startWorker();
  await importTestBank(worker.db);
});
afterAll(() => worker?.close());

/** Some valid answer to the question on the page (right or wrong does not matter here). */
function anyAnswer(html: string): Record<string, string> {
  const q = /name="q" value="(\d+)"/.exec(html)?.[1] ?? '';
  const base = { q, seq: '1', go: 'next' };
  if (html.includes('name="choice" value="true"')) return { ...base, choice: 'true' };
  if (html.includes('name="choice"')) return { ...base, choice: '0' };
  if (html.includes('name="choices"')) return { ...base, choices: '0' };
  if (html.includes('name="text"')) return { ...base, text: 'x' };
  if (html.includes('name="number"')) return { ...base, number: '1' };
  const n = [...html.matchAll(/name="pos_\d+"/g)].length;
  return { ...base, ...Object.fromEntries(Array.from({ length: n }, (_, i) => [`pos_${i}`, String(i + 1)])) };
}

describe('practice on Workers with D1', () => {
  it('starts once, appends one item per answer, finishes with a scale score and a link that verifies', async () => {
    const { app } = worker;
    const browser = new TestBrowser(app);
    await browser.get('/practice/alpha');
    const [a, b] = await Promise.all([browser.post('/practice/alpha'), browser.post('/practice/alpha')]);
    expect(a.status).toBe(303);
    expect(a.headers.get('location')).toBe(b.headers.get('location'));
    const attemptId = a.headers.get('location')?.split('/').pop() ?? '';
    expect(await worker.db.select().from(attempts)).toHaveLength(1);

    for (let n = 0; n < 10; n++) {
      const html = await (await browser.get(`/attempts/${attemptId}`)).text();
      const fields = anyAnswer(html);
      const [first] = await Promise.all([
        browser.post(`/attempts/${attemptId}/answers`, fields),
        browser.post(`/attempts/${attemptId}/answers`, fields),
      ]);
      expect(first.status).toBe(303);
    }
    expect(await worker.db.select().from(attemptItems)).toHaveLength(10);
    const [row] = await worker.db.select().from(attempts);
    expect(row?.state).toBe('submitted');
    expect(row?.scaleScore).toBeGreaterThanOrEqual(100);

    expect((await browser.post(`/attempts/${attemptId}/share`)).status).toBe(303);
    const page = await (await browser.get(`/attempts/${attemptId}/result`)).text();
    const url = /id="share-url" type="text" readonly="" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const shared = await new TestBrowser(app).get(new URL(url).pathname);
    expect(shared.status).toBe(200);
    expect(await shared.text()).toContain('Verified by Skillcheck');
    expect((await browser.post('/practice/alpha')).status).toBe(429);
  });
});
