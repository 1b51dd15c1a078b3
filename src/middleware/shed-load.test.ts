import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../env';
import { shedLoad } from './shed-load';

/** An app whose /slow requests wait until the test opens their gates. */
function appWithGates(maxInFlight: number, maxInFlightSaves: number) {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('deps', { log: () => {} } as never);
    await next();
  });
  app.use(shedLoad({ maxInFlight, maxInFlightSaves }));
  const gates: (() => void)[] = [];
  app.on(['GET', 'POST'], '/slow', async (c) => {
    await new Promise<void>((resolve) => gates.push(resolve));
    return c.text('done');
  });
  app.get('/healthz', (c) => c.text('ok'));
  return { app, gates };
}

const save = { method: 'POST', headers: { 'HX-Request-Type': 'partial' } };
const tick = () => new Promise((r) => setTimeout(r, 10));

describe('load shedding', () => {
  it('answers 503 with Retry-After past the limit, and serves again once requests finish', async () => {
    const { app, gates } = appWithGates(2, 2);
    const first = app.request('/slow');
    const second = app.request('/slow');
    await tick();
    const shed = await app.request('/slow', save);
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('2');
    expect(await shed.text()).toContain('Your answer is kept');
    expect((await app.request('/slow')).status).toBe(503);
    expect((await app.request('/healthz')).status).toBe(200);

    for (const open of gates) open();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    const again = app.request('/slow');
    await tick();
    gates.at(-1)?.();
    expect((await again).status).toBe(200);
  });

  it('refuses saves at their own lower count while pages and starts still go through', async () => {
    const { app, gates } = appWithGates(4, 2);
    const waiting = [app.request('/slow'), app.request('/slow', save)];
    await tick();
    // Two in flight: a save is refused, a page or a plain form post (a start) is not.
    expect((await app.request('/slow', save)).status).toBe(503);
    waiting.push(app.request('/slow'), app.request('/slow', { method: 'POST' }));
    await tick();
    // Four in flight: now everything but the health check is refused.
    expect((await app.request('/slow')).status).toBe(503);
    expect((await app.request('/healthz')).status).toBe(200);
    for (const open of gates) open();
    expect((await Promise.all(waiting)).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    // With nothing in flight a save goes through again.
    const saved = app.request('/slow', save);
    await tick();
    gates.at(-1)?.();
    expect((await saved).status).toBe(200);
  });
});
