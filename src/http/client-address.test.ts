import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { type AppDeps, defaultSettings } from '../deps';
import type { AppEnv } from '../env';
import { clientAddressFrom, clientAddressOf } from './client-address';

describe('client address', () => {
  it('is the peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddressFrom('203.0.113.9', '198.51.100.1', 0)).toBe('203.0.113.9');
    expect(clientAddressFrom(undefined, '198.51.100.1', 0)).toBeNull();
  });

  it('behind one proxy, is the entry that proxy appended, not one the client wrote', () => {
    // The client sent "X-Forwarded-For: 1.1.1.1"; our proxy appended the address it saw.
    expect(clientAddressFrom('10.0.0.2', '1.1.1.1, 203.0.113.9', 1)).toBe('203.0.113.9');
    expect(clientAddressFrom('10.0.0.2', '203.0.113.9', 1)).toBe('203.0.113.9');
  });

  it('behind two proxies, is the entry the outer proxy appended', () => {
    // client -> proxy A (appends the client) -> proxy B 10.0.0.5 (appends A) -> app
    expect(clientAddressFrom('10.0.0.2', 'forged, 203.0.113.9, 10.0.0.5', 2)).toBe('203.0.113.9');
  });

  it('falls back to the leftmost hop there is when fewer proxies wrote the header, or to the peer', () => {
    expect(clientAddressFrom('10.0.0.2', '203.0.113.9', 2)).toBe('203.0.113.9');
    expect(clientAddressFrom('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
    expect(clientAddressFrom('10.0.0.2', ' , ', 1)).toBe('10.0.0.2');
  });

  it('reads the header and the settings of the request', async () => {
    const app = new Hono<AppEnv>();
    const deps = {
      settings: { ...defaultSettings, trustProxyHops: 1 },
      clientAddress: () => '10.0.0.2',
    } as unknown as AppDeps;
    app.use(async (c, next) => {
      c.set('deps', deps);
      await next();
    });
    app.get('/', (c) => c.text(clientAddressOf(c) ?? 'none'));
    const res = await app.request('/', { headers: { 'X-Forwarded-For': '1.1.1.1, 203.0.113.9' } });
    expect(await res.text()).toBe('203.0.113.9');
    deps.settings.trustProxyHops = 0;
    expect(await (await app.request('/', { headers: { 'X-Forwarded-For': '1.1.1.1' } })).text()).toBe('10.0.0.2');
  });
});
