import type { Client } from '@libsql/client';
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch';
import { drizzle } from 'drizzle-orm/libsql';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import * as schema from './schema';

/**
 * The database as the app sees it: Drizzle over libSQL (embedded file or remote) or over D1.
 * Both drivers share this surface; `batch` is how multi-statement writes stay atomic on both.
 */
export type Db = BaseSQLiteDatabase<'async', unknown, typeof schema> & {
  batch<U extends BatchItem<'sqlite'>, T extends Readonly<[U, ...U[]]>>(batch: T): Promise<BatchResponse<T>>;
};

/**
 * Settings for an embedded database file, applied to its only connection (see `libsqlConfig`):
 * - WAL with synchronous=NORMAL: a committed write survives a process crash (it is in the WAL);
 *   only a power loss can drop the last commits. FULL would fsync every commit and cut the save
 *   path's throughput several-fold.
 * - busy_timeout: other processes on the same file (several Node instances, the CLI) wait
 *   instead of failing with "database is locked".
 * - foreign_keys: off by default in SQLite; we rely on them.
 */
export const embeddedPragmas = [
  'PRAGMA journal_mode = WAL',
  'PRAGMA synchronous = NORMAL',
  'PRAGMA busy_timeout = 5000',
  'PRAGMA foreign_keys = ON',
] as const;

export function isEmbeddedUrl(url: string): boolean {
  return url.startsWith('file:') || url === ':memory:';
}

/**
 * Client options for a libSQL URL. An embedded file gets one connection: pragmas are per
 * connection and the client's pool would open new ones with SQLite's defaults. One connection
 * loses nothing here because the embedded engine runs every statement synchronously anyway, and
 * we never hold interactive transactions on request paths.
 */
export function libsqlConfig(url: string, authToken?: string, syncUrl?: string) {
  return {
    url,
    ...(authToken ? { authToken } : {}),
    ...(syncUrl ? { syncUrl } : {}),
    ...(isEmbeddedUrl(url) ? { concurrency: 1 } : {}),
  };
}

/** Wraps a libSQL client, applying the embedded settings when the database is a local file. */
export async function libsqlDb(client: Client, url: string): Promise<Db> {
  if (isEmbeddedUrl(url)) {
    for (const pragma of embeddedPragmas) await client.execute(pragma);
  }
  return drizzle(client, { schema });
}
