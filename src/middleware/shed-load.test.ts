import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../env';
import { shedLoad, shedWhenBehind } from './shed-load';

describe('load shedding', () => {
  it('answers 503 with Retry-After past the limit, and serves again once requests finish', async () => {
    const app = new Hono<AppEnv>();
    app.use(async (c, next) => {
      c.set('deps', { log: () => {} } as never);
      await next();
    });
    app.use(shedLoad(2));
    const gates: (() => void)[] = [];
    app.get('/slow', async (c) => {
      await new Promise<void>((resolve) => gates.push(resolve));
      return c.text('done');
    });
    app.get('/healthz', (c) => c.text('ok'));

    const first = app.request('/slow');
    const second = app.request('/slow');
    await new Promise((r) => setTimeout(r, 10));
    const shed = await app.request('/slow', { headers: { 'HX-Request-Type': 'partial' } });
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('2');
    expect(await shed.text()).toContain('Your answer is kept');
    expect((await app.request('/healthz')).status).toBe(200);

    for (const open of gates) open();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    const again = app.request('/slow');
    await new Promise((r) => setTimeout(r, 10));
    gates.at(-1)?.();
    expect((await again).status).toBe(200);
  });

  it('answers an htmx post 503 while the runtime says it runs behind, lets pages and form posts wait, and serves once it catches up', async () => {
    let behind = true;
    let now = 0;
    const logs: unknown[] = [];
    const app = new Hono<AppEnv>();
    app.use(async (c, next) => {
      c.set('deps', { log: (entry: unknown) => logs.push(entry), clock: () => now } as never);
      await next();
    });
    app.use(shedWhenBehind(() => behind, 10_000));
    // What a refusal skips: it answers before any later middleware runs.
    let reachedLater = 0;
    app.use(async (_c, next) => {
      reachedLater++;
      await next();
    });
    app.post('/save', (c) => c.text('saved'));
    app.get('/page', (c) => c.text('page'));
    app.post('/healthz', (c) => c.text('ok'));
    const partial = { 'HX-Request': 'true', 'HX-Request-Type': 'partial' };

    const shed = await app.request('/save', { method: 'POST', headers: partial });
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('2');
    expect(shed.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(shed.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(shed.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await shed.text()).toContain('Your answer is kept');
    expect(reachedLater).toBe(0);
    expect((await app.request('/healthz', { method: 'POST', headers: partial })).status).toBe(200);
    // A start (a plain form post) and a page are not resent by a script: they wait instead.
    expect(await (await app.request('/save', { method: 'POST' })).text()).toBe('saved');
    expect(await (await app.request('/page', { headers: partial })).text()).toBe('page');

    // Refusals are logged as a count, once per interval, not once each.
    for (let i = 0; i < 3; i++) await app.request('/save', { method: 'POST', headers: partial });
    expect(logs).toEqual([{ level: 'warn', msg: 'refused saves while the event loop ran late', refused: 1 }]);
    now = 10_000;
    await app.request('/save', { method: 'POST', headers: partial });
    expect(logs.at(-1)).toEqual({ level: 'warn', msg: 'refused saves while the event loop ran late', refused: 4 });

    behind = false;
    expect(await (await app.request('/save', { method: 'POST', headers: partial })).text()).toBe('saved');
  });

  it('sheds nothing by lag where the runtime cannot tell (Workers)', async () => {
    const app = new Hono<AppEnv>();
    app.use(shedWhenBehind(undefined));
    app.post('/save', (c) => c.text('saved'));
    const res = await app.request('/save', {
      method: 'POST',
      headers: { 'HX-Request': 'true', 'HX-Request-Type': 'partial' },
    });
    expect(await res.text()).toBe('saved');
  });
});
