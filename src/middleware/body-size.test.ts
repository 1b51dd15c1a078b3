import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../env';
import { bodySizeLimit } from './body-size';

function appWithLimit(maxBytes: number) {
  const app = new Hono<AppEnv>();
  app.use(bodySizeLimit(maxBytes));
  app.post('/form', async (c) => c.text(`read ${(await c.req.text()).length}`));
  app.get('/page', (c) => c.text('page'));
  return app;
}

const fragment = { 'HX-Request': 'true', 'HX-Request-Type': 'partial' };

/** A body sent in chunks, without a Content-Length, as a client streaming an upload would. */
function chunked(bytes: number) {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (let sent = 0; sent < bytes; sent += 1000) controller.enqueue(new Uint8Array(Math.min(1000, bytes - sent)));
      controller.close();
    },
  });
}

describe('the body size limit', () => {
  it('judges a declared length by its header: over the limit 413, at the limit read as usual', async () => {
    const app = appWithLimit(100);
    const over = await app.request('/form', {
      method: 'POST',
      headers: { ...fragment, 'Content-Length': '101' },
      body: 'x'.repeat(101),
    });
    expect(over.status).toBe(413);
    const within = await app.request('/form', {
      method: 'POST',
      headers: { ...fragment, 'Content-Length': '100' },
      body: 'x'.repeat(100),
    });
    expect(await within.text()).toBe('read 100');
  });

  it('counts a body without a declared length as it streams', async () => {
    const app = appWithLimit(2500);
    const over = await app.request('/form', {
      method: 'POST',
      headers: fragment,
      body: chunked(3000),
      duplex: 'half',
    } as RequestInit);
    expect(over.status).toBe(413);
    const within = await app.request('/form', {
      method: 'POST',
      headers: fragment,
      body: chunked(2000),
      duplex: 'half',
    } as RequestInit);
    expect(await within.text()).toBe('read 2000');
  });

  it('lets a page through untouched', async () => {
    expect(await (await appWithLimit(1).request('/page')).text()).toBe('page');
  });
});
