import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/d1';
import { migrate } from 'drizzle-orm/d1/migrator';
import { Miniflare } from 'miniflare';
import { formatSigningKeys, generateSigningKey, parseSigningKeys } from '../../src/auth/keys';
import type { Db } from '../../src/db/client';
import * as schema from '../../src/db/schema';

/**
 * The deployable worker bundle (built exactly as `npm run build:worker` builds it) running in
 * workerd through Miniflare, with a real local D1 that has our migrations applied.
 */
export async function startWorker() {
  // Inside the project: workerd refuses module paths that climb out of its starting directory.
  mkdirSync('dist', { recursive: true });
  const outdir = mkdtempSync(join('dist', 'worker-test-'));
  const signingKeys = formatSigningKeys([generateSigningKey(Date.now())]);
  execFileSync('node', ['scripts/build-worker.mjs', outdir], { stdio: 'ignore' });
  const mf = new Miniflare({
    modules: true,
    scriptPath: join(outdir, 'worker.js'),
    compatibilityDate: '2026-07-01',
    d1Databases: { DB: 'skillcheck-test' },
    assets: { directory: 'public', routerConfig: { has_user_worker: true } },
    bindings: { SIGNING_KEYS: signingKeys },
  });
  await mf.ready;
  const d1 = await mf.getD1Database('DB');
  const db = drizzle(d1 as unknown as D1Database, { schema });
  await migrate(db, { migrationsFolder: 'drizzle' });
  return {
    mf,
    db: db as unknown as Db,
    keys: parseSigningKeys(signingKeys),
    fetch: (path: string, init?: RequestInit) =>
      mf.dispatchFetch(`http://localhost${path}`, {
        redirect: 'manual',
        ...init,
      } as never) as unknown as Promise<Response>,
    close: async () => {
      await mf.dispose();
      rmSync(outdir, { recursive: true, force: true });
    },
  };
}
