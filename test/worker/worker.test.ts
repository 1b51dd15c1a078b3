import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skillAreas } from '../../src/db/schema';
import { startWorker } from '../support/worker';

let worker: Awaited<ReturnType<typeof startWorker>>;

beforeAll(async () => {
  worker = await startWorker();
  await worker.db.insert(skillAreas).values({
    id: 'worker-area',
    title: 'Edge Computing Marker',
    summary: 'Read from D1 inside workerd.',
    topics: [],
    updatedAt: Date.now(),
  });
});
afterAll(() => worker?.close());

describe('the worker bundle under workerd with D1', () => {
  it('answers /healthz with the database reachable', async () => {
    const res = await worker.fetch('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'reachable' });
  });

  it('renders the landing page from data read in D1, with the security headers', async () => {
    const res = await worker.fetch('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Edge Computing Marker');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/);
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('serves htmx from our own origin through [assets]', async () => {
    const res = await worker.fetch('/static/vendor/htmx.min.js');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('htmx');
  });

  it('serves static files with the security headers of public/_headers, and never that file', async () => {
    const res = await worker.fetch('/static/app.css');
    expect(res.status).toBe(200);
    await res.body?.cancel();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    const file = await worker.fetch('/_headers');
    expect(file.status).toBe(404);
    expect(await file.text()).not.toContain('nosniff');
  });

  it('answers unknown paths with an HTML 404 page', async () => {
    const res = await worker.fetch('/no-such-page');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('There is nothing at this address');
  });
});
