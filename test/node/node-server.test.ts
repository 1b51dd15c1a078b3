/**
 * The Node server as `npm start` runs it (dist/node.js): what it adds around the app (static
 * files, the outer router, the socket) behaves like the app itself.
 */
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../support/server';

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer({ LOG_REQUESTS: '1' });
});
afterAll(async () => {
  await server?.stop();
  server?.cleanup();
});

/** The header lines public/_headers gives /static/* on Workers, as [name, value] in lower case names. */
function workersStaticHeaders(): [string, string][] {
  const lines = readFileSync('public/_headers', 'utf8').split('\n');
  const start = lines.findIndex((l) => l.trim() === '/static/*');
  const block = lines.slice(start + 1);
  const end = block.findIndex((l) => !/^\s+\S/.test(l));
  return block.slice(0, end === -1 ? undefined : end).map((l) => {
    const [name = '', ...value] = l.trim().split(':');
    return [name.toLowerCase(), value.join(':').trim()];
  });
}

async function waitForOutput(text: string) {
  const deadline = Date.now() + 15_000;
  while (!server.output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`the server never logged "${text}":\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the Node server', () => {
  it('serves static files with the security headers, the same ones public/_headers gives them on Workers', async () => {
    const res = await fetch(`${server.url}/static/app.css`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/css');
    await res.body?.cancel();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    const onWorkers = workersStaticHeaders();
    expect(onWorkers.map(([name]) => name)).toEqual(
      expect.arrayContaining(['x-content-type-options', 'strict-transport-security', 'referrer-policy']),
    );
    for (const [name, value] of onWorkers) expect(res.headers.get(name), name).toBe(value);
  });

  it('serves static files compressed, to be revalidated, and answers a revalidation with 304 and no body', async () => {
    const first = await fetch(`${server.url}/static/app.css`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-encoding')).toBe('gzip');
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const tag = first.headers.get('etag') ?? '';
    expect(tag).toMatch(/^W\/"[0-9a-f]+"$/);
    expect((await first.text()).length).toBeGreaterThan(100);
    const again = await fetch(`${server.url}/static/app.css`, { headers: { 'If-None-Match': tag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('x-content-type-options')).toBe('nosniff');
    const other = await fetch(`${server.url}/static/attempt.js`, { headers: { 'If-None-Match': tag } });
    expect(other.status).toBe(200);
    await other.body?.cancel();
  });

  it('answers an unknown address, and a missing static file, with the styled 404 page', async () => {
    for (const path of ['/no-such-page', '/static/no-such-file.css']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toContain('text/html');
      const html = await res.text();
      expect(html, path).toMatch(/^<!DOCTYPE html><html lang="en">/);
      expect(html, path).toContain('<title>Not found · Skillcheck</title>');
      expect(html, path).toMatch(/<main id="main"[^>]*>[\s\S]*<h1>Not found<\/h1>/);
      expect(html, path).toContain('There is nothing at this address');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('refuses a form that declares more than the limit with 413, and keeps serving the next request', async () => {
    const body = `answer=${'x'.repeat(1024 * 1024 + 10)}`;
    const res = await fetch(`${server.url}/login`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: server.url,
        'Sec-Fetch-Site': 'same-origin',
        'HX-Request': 'true',
        'HX-Request-Type': 'partial',
      },
      body,
    });
    expect(res.status).toBe(413);
    expect((await fetch(`${server.url}/login`)).status).toBe(200);
  });

  it('logs a client that goes away in the middle of its form as closed, not as an error', {
    timeout: 30_000,
  }, async () => {
    const { port } = new URL(server.url);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1');
      socket.on('error', reject);
      socket.write(
        [
          'POST /login HTTP/1.1',
          `Host: 127.0.0.1:${port}`,
          `Origin: ${server.url}`,
          'Sec-Fetch-Site: same-origin',
          'Content-Type: application/x-www-form-urlencoded',
          'Content-Length: 1000',
          // The server answers "100 Continue" once the request has reached the app: only then
          // does the client send part of the body and go away, so the app is reading it.
          'Expect: 100-continue',
          '',
          '',
        ].join('\r\n'),
      );
      socket.once('data', (chunk) => {
        expect(chunk.toString()).toContain('100 Continue');
        socket.write('email=someone%40example.com&pass');
        setImmediate(() => {
          socket.destroy();
          resolve();
        });
      });
    });
    await waitForOutput('client closed the request');
    expect(server.output()).not.toContain('"level":"error"');
    expect(server.output()).not.toContain('unhandled error');
  });
});
