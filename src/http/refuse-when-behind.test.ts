import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { refuseWhenBehind } from './refuse-when-behind';

let server: Server | null = null;
afterEach(() => server?.close());

async function serveWith(behind: () => boolean, logged: number[], clock: { now: number }) {
  let reached = 0;
  server = createServer(
    refuseWhenBehind(
      (req, res) => {
        reached++;
        let body = '';
        req.on('data', (chunk) => {
          body += chunk;
        });
        req.on('end', () => res.end(`served ${req.method} ${req.url} ${body}`));
      },
      behind,
      (refused) => logged.push(refused),
      { summaryEveryMs: 10_000, now: () => clock.now },
    ),
  );
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, reached: () => reached };
}

const htmx = {
  'HX-Request': 'true',
  'HX-Request-Type': 'partial',
  'Content-Type': 'application/x-www-form-urlencoded',
};

describe('refusing saves while the event loop runs late', () => {
  it('answers an htmx post 503 before the app sees it, serves starts, pages and health checks, and serves again once on time', async () => {
    let behind = true;
    const logged: number[] = [];
    const clock = { now: 0 };
    const { origin, reached } = await serveWith(() => behind, logged, clock);

    const refused = await fetch(`${origin}/attempts/a/answers`, {
      method: 'POST',
      headers: htmx,
      body: 'q=x&seq=1&answer=a',
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(refused.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(refused.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await refused.text()).toContain('Your answer is kept');
    expect(reached()).toBe(0);

    // A start (a plain form post) and a page are not resent by a script: they wait instead.
    expect(await (await fetch(`${origin}/invite/t`, { method: 'POST', body: 'x=1' })).text()).toBe(
      'served POST /invite/t x=1',
    );
    expect(await (await fetch(`${origin}/attempts/a?q=2`, { headers: htmx })).text()).toBe(
      'served GET /attempts/a?q=2 ',
    );
    expect((await fetch(`${origin}/healthz`, { method: 'POST', headers: htmx })).status).toBe(200);

    // Refusals are logged as a count, once per interval, not once each.
    for (let i = 0; i < 3; i++)
      await fetch(`${origin}/attempts/a/answers`, { method: 'POST', headers: htmx, body: 'q=x' });
    expect(logged).toEqual([1]);
    clock.now = 10_000;
    await fetch(`${origin}/attempts/a/answers`, { method: 'POST', headers: htmx, body: 'q=x' });
    expect(logged).toEqual([1, 4]);

    behind = false;
    const saved = await fetch(`${origin}/attempts/a/answers`, { method: 'POST', headers: htmx, body: 'q=x&seq=2' });
    expect(await saved.text()).toBe('served POST /attempts/a/answers q=x&seq=2');
  });

  it('keeps the connection usable after refusing a post whose body it never read', async () => {
    let behind = true;
    const { origin } = await serveWith(() => behind, [], { now: 0 });
    const big = 'answer='.padEnd(200_000, 'x');
    expect((await fetch(`${origin}/attempts/a/answers`, { method: 'POST', headers: htmx, body: big })).status).toBe(
      503,
    );
    behind = false;
    const res = await fetch(`${origin}/attempts/a/answers`, { method: 'POST', headers: htmx, body: 'q=1' });
    expect(await res.text()).toBe('served POST /attempts/a/answers q=1');
  });
});
