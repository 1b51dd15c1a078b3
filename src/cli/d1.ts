/**
 * A D1 database named in wrangler.toml, opened from Node so that the app's own Drizzle code runs
 * against it: the local copy that `wrangler dev` and `wrangler d1 ... --local` use, or the
 * deployed one (after `wrangler login`, or with CLOUDFLARE_API_TOKEN set).
 *
 * Statements travel to a small worker in workerd that holds the real D1 binding (local, or
 * connected to Cloudflare by wrangler's remote proxy), one request per query or batch. Calling
 * the binding through wrangler's platform proxy instead costs a round trip per statement and
 * dropped connections on a bank-sized batch here.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { drizzle } from 'drizzle-orm/sqlite-proxy';
import type { RemoteProxyConnectionString } from 'miniflare';
import type { Db } from '../db/client';
import * as schema from '../db/schema';

export interface D1Target {
  /** database_name (or binding) in wrangler.toml. */
  name: string;
  remote: boolean;
  /** Like wrangler's --persist-to: where local state lives (default .wrangler/state). */
  persistTo?: string;
}

export interface OpenedD1 {
  db: Db;
  dispose(): Promise<void>;
}

interface D1Entry {
  binding: string;
  database_name?: string;
  database_id?: string;
  preview_database_id?: string;
}

type Method = 'run' | 'all' | 'get' | 'values';
interface Statement {
  sql: string;
  params: unknown[];
  method: Method;
}

/** Runs one statement, or several as one atomic D1 batch; answers rows as arrays of values. */
const executor = `
export default {
  async fetch(request, env) {
    const statements = await request.json();
    try {
      const prepared = statements.map((s) => env.DB.prepare(s.sql).bind(...s.params));
      if (prepared.length === 1) {
        const [only] = statements;
        if (only.method === 'run') {
          await prepared[0].run();
          return Response.json([[]]);
        }
        const rows = await prepared[0].raw();
        return Response.json([only.method === 'get' ? rows[0] ?? null : rows]);
      }
      const results = await env.DB.batch(prepared);
      return Response.json(results.map((r) => (r.results ?? []).map((row) => Object.values(row))));
    } catch (error) {
      return new Response(String(error && error.message ? error.message : error), { status: 500 });
    }
  },
};
`;

export async function openD1(root: string, target: D1Target): Promise<OpenedD1> {
  // Loaded only here: wrangler and miniflare are development tools, and large.
  const { maybeStartOrUpdateRemoteProxySession, unstable_readConfig } = await import('wrangler');
  const { Miniflare } = await import('miniflare');
  const configPath = resolve(root, 'wrangler.toml');
  const config = unstable_readConfig({ config: configPath }, { hideWarnings: true });
  const databases: D1Entry[] = config.d1_databases;
  const entry = databases.find((d) => d.database_name === target.name || d.binding === target.name);
  if (!entry) {
    const known = databases.map((d) => d.database_name ?? d.binding).join(', ') || 'none';
    throw new Error(`wrangler.toml has no D1 database "${target.name}" (it has: ${known})`);
  }
  const id = entry.database_id ?? entry.binding;

  let session: { remoteProxyConnectionString: RemoteProxyConnectionString; dispose(): Promise<void> } | undefined;
  let d1: string | { id: string; remoteProxyConnectionString: RemoteProxyConnectionString };
  if (target.remote) {
    // Wrangler connects a binding to the deployed database when its config says `remote = true`;
    // wrangler.toml stays as it is, for `wrangler dev`.
    const dir = resolve(root, '.wrangler', 'bank-import');
    mkdirSync(dir, { recursive: true });
    const remoteConfig = join(dir, 'wrangler.json');
    writeFileSync(
      remoteConfig,
      JSON.stringify({
        name: config.name,
        compatibility_date: config.compatibility_date,
        d1_databases: [{ binding: entry.binding, database_name: entry.database_name, database_id: id, remote: true }],
      }),
    );
    session = (await maybeStartOrUpdateRemoteProxySession({ path: remoteConfig }))?.session;
    if (!session) throw new Error('wrangler opened no connection to Cloudflare');
    d1 = { id, remoteProxyConnectionString: session.remoteProxyConnectionString };
  } else {
    // The id wrangler uses for local state: the preview database when one is configured.
    d1 = entry.preview_database_id ?? id;
  }

  const mf = new Miniflare({
    modules: true,
    script: executor,
    compatibilityDate: config.compatibility_date ?? '2026-07-01',
    d1Databases: { DB: d1 },
    ...(target.remote ? {} : { d1Persist: resolve(target.persistTo ?? resolve(root, '.wrangler/state'), 'v3', 'd1') }),
  });
  const execute = async (statements: Statement[]): Promise<unknown[]> => {
    const res = await mf.dispatchFetch('http://d1.local/', { method: 'POST', body: JSON.stringify(statements) });
    if (!res.ok) throw new Error(`D1: ${await res.text()}`);
    return (await res.json()) as unknown[];
  };
  const db = drizzle(
    async (sql, params, method) => ({ rows: (await execute([{ sql, params, method }]))[0] as never }),
    async (queries) => (await execute(queries)).map((rows) => ({ rows: rows as never })),
    { schema },
  );
  return {
    db: db as unknown as Db,
    async dispose() {
      await mf.dispose();
      await session?.dispose();
    },
  };
}
