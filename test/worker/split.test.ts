import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTestBank } from '../support/bank';
import { TestBrowser } from '../support/client';
import { inviteOnWorker, startWorker } from '../support/worker';

describe('the two Workers', () => {
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let token: string;

  // The app Worker deliberately unconfigured (no SIGNING_KEYS): whatever still works was served
  // by the candidate Worker alone, and whatever answers "Not set up yet" was handed on.
  beforeAll(async () => {
    worker = await startWorker({ appBindings: {} });
    await importTestBank(worker.db);
    token = await inviteOnWorker(worker);
  });
  afterAll(() => worker?.close());

  it("serve a candidate's test from the candidate Worker alone", async () => {
    const browser = new TestBrowser(worker.app);
    const invite = await browser.get(`/invite/${token}`);
    expect(invite.status).toBe(200);
    expect(await invite.text()).toContain('Casey');
    const start = await browser.post(`/invite/${token}`);
    expect(start.status).toBe(303);
    const attemptId = start.headers.get('location')?.split('/').pop() ?? '';
    const page = await browser.get(`/attempts/${attemptId}?q=0`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/);
    expect((await browser.post(`/attempts/${attemptId}/finish`)).status).toBe(303);
    // The result page is the app Worker's, here unconfigured.
    const result = await browser.get(`/attempts/${attemptId}/result`);
    expect(result.status).toBe(503);
    expect(await result.text()).toContain('SIGNING_KEYS is not set');
  });

  it('hand every other request to the app Worker, unchanged', async () => {
    for (const path of ['/', '/app', '/practice/databases', '/api/v1/attempts/x']) {
      const res = await worker.fetch(path);
      expect(res.status, path).toBe(503);
      await res.body?.cancel();
    }
    const health = (await (await worker.fetch('/healthz')).json()) as { status: string; problems: string[] };
    expect(health.status).toBe('unconfigured');
    expect(health.problems[0]).toMatch(/^SIGNING_KEYS is not set/);
  });

  it('keep the candidate Worker under 100 KiB of gzipped JavaScript, without the manager code', () => {
    const candidate = readFileSync(join(worker.outdir, 'candidate', 'worker.js'));
    const app = readFileSync(join(worker.outdir, 'app', 'worker-app.js'));
    expect(gzipSync(candidate).length).toBeLessThanOrEqual(100 * 1024);
    expect(gzipSync(app).length).toBeGreaterThan(3 * gzipSync(candidate).length);
    // Markers of what only the app Worker needs: the graders, the Markdown compiler and
    // highlighter, the API and the Greenhouse endpoints, the result pages.
    for (const marker of ['quickjs', 'sql-wasm', 'marked', 'hljs', 'openapi', 'Greenhouse', 'Your result']) {
      expect(app.includes(marker), marker).toBe(true);
      expect(candidate.includes(marker), marker).toBe(false);
    }
  });
});

describe('a candidate Worker deployed without the app Worker', () => {
  let worker: Awaited<ReturnType<typeof startWorker>>;
  beforeAll(async () => {
    worker = await startWorker({ candidateOnly: true });
  });
  afterAll(() => worker?.close());

  it('answers every request with a 503 naming the missing binding and how to deploy it', async () => {
    for (const path of ['/', '/invite/x']) {
      const res = await worker.fetch(path);
      expect(res.status).toBe(503);
      const html = await res.text();
      expect(html).toContain('The APP service binding is missing');
      expect(html).toContain('wrangler deploy -c wrangler.app.toml');
    }
  });
});
