import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app';
import { limits } from '../../src/auth/throttle';
import { loginThrottle } from '../../src/db/schema';
import { TestBrowser } from '../support/client';
import { startWorker } from '../support/worker';

let worker: Awaited<ReturnType<typeof startWorker>>;
let app: App;

beforeAll(async () => {
  worker = await startWorker();
  app = worker.app;
});
afterAll(() => worker?.close());

const owner = { name: 'Olivia', email: 'olivia@example.com', password: 'a long enough passphrase', orgName: 'Edge' };

describe('sign-in limits on Workers with D1', () => {
  it('takes throttle slots atomically in D1: concurrent guesses get at most the limit, the owner still gets in', async () => {
    const laptop = new TestBrowser(app);
    expect((await laptop.post('/signup', owner)).status).toBe(303);
    const guesses = await Promise.all(
      Array.from({ length: 12 }, () =>
        new TestBrowser(app).post('/login', { email: owner.email, password: 'wrong password guess' }),
      ),
    );
    const checked = guesses.filter((r) => r.status === 401).length;
    expect(checked).toBe(limits.pair.max);
    expect(guesses.filter((r) => r.status === 429)).toHaveLength(12 - limits.pair.max);
    const rows = await worker.db.select().from(loginThrottle);
    expect(rows.find((r) => r.key.startsWith('pair:'))?.failures).toBe(limits.pair.max);
    // The browser that signed up is a known device: its own bucket, untouched by the guesses.
    expect((await laptop.post('/login', { email: owner.email, password: owner.password })).status).toBe(303);
  });
});
