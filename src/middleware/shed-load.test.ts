import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../env';
import { shedLoad } from './shed-load';

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
});
