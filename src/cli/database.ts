/**
 * The database as every Node command opens it: `npm start`, `npm run demo`, `db:migrate` and
 * `bank:import`. DATABASE_URL when set, else the embedded file data/skillcheck.db under the
 * project. libSQL creates a missing file but not a missing folder, and a fresh clone has no data/:
 * the folder of an embedded file is made here, whichever command runs first.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Client, createClient } from '@libsql/client';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { type Db, libsqlConfig, libsqlDb } from '../db/client';
import { EmbeddedClient, type EmbeddedClientOptions } from '../db/embedded-client';

export interface OpenedDatabase {
  url: string;
  db: Db;
  client: Client;
  /** The folder of an embedded file; null for a remote database or `:memory:`. */
  dir: string | null;
}

type Env = Record<string, string | undefined>;

/** The file behind a `file:` URL (`file:data/x.db`, `file:/abs/x.db`, `file:///abs/x.db`), else null. */
export function embeddedFile(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  if (url.startsWith('file://')) return fileURLToPath(url.replace(/\?.*$/, ''));
  return url.slice('file:'.length).replace(/\?.*$/, '');
}

/** A database URL fit to print: the credentials of a remote URL hidden. */
export function shownUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

/**
 * The client for a database URL on Node. An embedded file (or `:memory:`) is opened by
 * `EmbeddedClient`, which keeps its prepared statements; a remote URL, or an embedded replica
 * that syncs from one, by `@libsql/client`. `embedded` says where an embedded file's connection runs.
 */
export function nodeClient(
  url: string,
  authToken?: string,
  syncUrl?: string,
  embedded: EmbeddedClientOptions = {},
): Client {
  const file = url === ':memory:' ? url : embeddedFile(url);
  if (file !== null && !syncUrl) return new EmbeddedClient(file, embedded);
  return createClient(libsqlConfig(url, authToken, syncUrl));
}

/**
 * Opens DATABASE_URL, or `<root>/data/skillcheck.db`, creating the folder of an embedded file.
 * The server passes `{ thread: true }`: its embedded connection runs on a thread of its own.
 */
export async function openDatabase(
  root: string,
  env: Env = process.env,
  embedded: EmbeddedClientOptions = {},
): Promise<OpenedDatabase> {
  const url = env.DATABASE_URL || `file:${resolve(root, 'data/skillcheck.db')}`;
  const file = embeddedFile(url);
  const dir = file ? dirname(resolve(file)) : null;
  if (dir) mkdirSync(dir, { recursive: true });
  const client = nodeClient(url, env.DATABASE_AUTH_TOKEN, env.DATABASE_SYNC_URL, embedded);
  const db = await libsqlDb(client, url);
  return { url, db, client, dir };
}

/** Applies the migrations in `<root>/drizzle` that the database has not seen yet. */
export async function migrateDatabase(db: Db, root: string): Promise<void> {
  await migrate(db as Parameters<typeof migrate>[0], { migrationsFolder: resolve(root, 'drizzle') });
}
