import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker } from '../support/worker';

let worker: Awaited<ReturnType<typeof startWorker>>;

beforeAll(async () => {
  // As `wrangler dev` runs it without a .dev.vars: a D1 binding, no SIGNING_KEYS.
  worker = await startWorker({ bindings: {} });
});
afterAll(() => worker?.close());

describe('a worker deployed without SIGNING_KEYS', () => {
  it('says on /healthz what is missing', async () => {
    const res = await worker.fetch('/healthz');
    expect(res.status).toBe(503);
    const body = (await res.json()) as { status: string; problems: string[] };
    expect(body.status).toBe('unconfigured');
    expect(body.problems).toHaveLength(1);
    expect(body.problems[0]).toMatch(/^SIGNING_KEYS is not set/);
  });

  it('answers pages with a 503 page naming the setting and how to set it, no stack', async () => {
    const res = await worker.fetch('/');
    expect(res.status).toBe(503);
    const html = await res.text();
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(html).toContain('<h1>Not set up yet</h1>');
    expect(html).toContain('SIGNING_KEYS is not set');
    expect(html).toContain('.dev.vars');
    expect(html).not.toMatch(/at \S+ \(|Error:/);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/);
  });

  it('logs what is missing', async () => {
    await worker.fetch('/app');
    // workerd hands its console output over asynchronously: wait for the line, a while at most.
    const named = () => worker.logs.some((line) => line.includes('not configured') && line.includes('SIGNING_KEYS'));
    for (let i = 0; i < 100 && !named(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(named(), worker.logs.join('\n')).toBe(true);
  });
});
