import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { type AppDeps, defaultSettings, publicUrlFrom } from '../deps';
import type { AppEnv } from '../env';
import { publicOrigin } from './public-origin';

/** The origin a request to `url` builds links on, under the given PUBLIC_URL. */
async function originFor(url: string, publicUrl?: string) {
  const app = new Hono<AppEnv>();
  // As both entry files read the setting.
  const deps = { settings: { ...defaultSettings, publicUrl: publicUrlFrom(publicUrl) } } as unknown as AppDeps;
  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.get('*', (c) => c.text(publicOrigin(c)));
  return (await app.request(url)).text();
}

describe('publicOrigin', () => {
  it('is the request’s own origin without PUBLIC_URL', async () => {
    expect(await originFor('http://localhost:3000/app/team')).toBe('http://localhost:3000');
  });

  it('is PUBLIC_URL behind a proxy, whatever host the request reached', async () => {
    expect(await originFor('http://10.0.0.2:3000/app', 'https://tests.example.com')).toBe('https://tests.example.com');
  });

  it('drops trailing slashes, so links get one slash and it equals the Origin header browsers send', async () => {
    expect(await originFor('http://10.0.0.2:3000/app', 'https://tests.example.com/')).toBe('https://tests.example.com');
    expect(await originFor('http://10.0.0.2:3000/app', 'https://tests.example.com//')).toBe(
      'https://tests.example.com',
    );
  });

  it('refuses a PUBLIC_URL that is not an http(s) origin, saying what it must be', () => {
    expect(() => publicUrlFrom('tests.example.com')).toThrow(/full address/);
    expect(() => publicUrlFrom('ftp://tests.example.com')).toThrow(/https:\/\//);
    expect(() => publicUrlFrom('https://example.com/skillcheck')).toThrow(/without a path/);
    expect(publicUrlFrom('  ')).toBeUndefined();
  });
});
