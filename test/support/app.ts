import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { createApp } from '../../src/app';
import { generateSigningKey } from '../../src/auth/keys';
import { nodeClient } from '../../src/cli/database';
import { type Db, libsqlDb } from '../../src/db/client';
import { type AppDeps, defaultSettings, type LogEntry, publicUrlFrom, type Settings } from '../../src/deps';

/** A settable clock: tests move time instead of waiting for it. */
export class TestClock {
  constructor(public now = Date.UTC(2026, 10, 23, 9, 0, 0)) {}
  readonly read = () => this.now;
  advance(ms: number) {
    this.now += ms;
  }
}

/** A real embedded libSQL database in a temporary file, migrated like production. */
export async function openTestDb() {
  const dir = mkdtempSync(join(tmpdir(), 'skillcheck-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  const client = nodeClient(url);
  const db = await libsqlDb(client, url);
  await migrate(db as Parameters<typeof migrate>[0], { migrationsFolder: 'drizzle' });
  return {
    db,
    client,
    url,
    close() {
      client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function makeTestApp(settings: Partial<Settings> = {}) {
  const database = await openTestDb();
  const clock = new TestClock();
  const logs: LogEntry[] = [];
  const deps: AppDeps = {
    db: database.db,
    clock: clock.read,
    keys: { signing: generateSigningKey(clock.now), all: [] },
    settings: {
      ...defaultSettings,
      secureCookies: false,
      passwordIterations: 1000,
      ...settings,
      // Read as the entry files read PUBLIC_URL.
      publicUrl: publicUrlFrom(settings.publicUrl),
    },
    log: (entry) => logs.push(entry),
  };
  deps.keys.all = [deps.keys.signing];
  const app = createApp(deps);
  return {
    app,
    db: database.db as Db,
    client: database.client,
    url: database.url,
    clock,
    deps,
    logs,
    close: database.close,
  };
}

export type TestApp = Awaited<ReturnType<typeof makeTestApp>>;

/** What a same-origin browser form post sends. */
export function formPost(body: Record<string, string | string[]>, headers: Record<string, string> = {}): RequestInit {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(body)) {
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  }
  return {
    method: 'POST',
    body: params.toString(),
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: 'http://localhost',
      'Sec-Fetch-Site': 'same-origin',
      ...headers,
    },
  };
}
