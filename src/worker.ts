/**
 * The Cloudflare Workers entry: the same app over remote libSQL (DATABASE_URL secret) or a D1
 * binding (DB). Static files are served by wrangler [assets] before the worker runs.
 */
import { createClient } from '@libsql/client/web';
import { drizzle } from 'drizzle-orm/d1';
import sqlite from 'sql.js/dist/sql-wasm.wasm';
// The grading engines' WebAssembly, compiled by wrangler as modules. QuickJS's by path: its package
// exports it only as "./wasm", a name wrangler's .wasm rule does not match.
import quickjs from '../node_modules/@jitl/quickjs-wasmfile-release-sync/dist/emscripten-module.wasm';
import { createApp } from './app';
import { parseSigningKeys } from './auth/keys';
import type { Db } from './db/client';
import { libsqlConfig, libsqlDb } from './db/client';
import * as schema from './db/schema';
import { type AppDeps, defaultSettings, type LogEntry, passwordIterationsFrom, publicUrlFrom } from './deps';
import { inRequestGrader } from './grading/in-request';
import { unconfiguredApp } from './http/unconfigured';
import { runScheduledJobs } from './jobs';

export interface Env {
  DB?: D1Database;
  DATABASE_URL?: string;
  DATABASE_AUTH_TOKEN?: string;
  SIGNING_KEYS?: string;
  PUBLIC_URL?: string;
  PASSWORD_ITERATIONS?: string;
  EMAIL_WEBHOOK_URL?: string;
  WEBHOOK_ALLOW_PRIVATE?: string;
}

const log = (entry: LogEntry) => console.log(JSON.stringify(entry));

const signingKeysMissing =
  'SIGNING_KEYS is not set: the keys that sign sessions and links. Make one with `npm run keys:new`, then `npx wrangler secret put SIGNING_KEYS` for a deployment, or a line SIGNING_KEYS=... in .dev.vars for `wrangler dev`.';
const databaseMissing =
  'No database: bind a D1 database as DB in wrangler.toml, or set the DATABASE_URL secret (remote libSQL).';

async function openDb(env: Env): Promise<Db | string> {
  if (env.DATABASE_URL) {
    try {
      return await libsqlDb(createClient(libsqlConfig(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN)), env.DATABASE_URL);
    } catch {
      // The client's message may quote the URL, credentials and all: name the setting only.
      return 'DATABASE_URL is not a URL a Worker can use: libsql://, https:// or wss:// (file: works only on Node).';
    }
  }
  if (env.DB) return drizzle(env.DB, { schema }) as unknown as Db;
  return databaseMissing;
}

/** The app's dependencies, or every setting that is missing or unusable, in words for whoever deploys. */
async function depsFor(env: Env): Promise<AppDeps | { problems: string[] }> {
  const problems: string[] = [];
  /** Reads one setting; our parsers' errors name the setting and what it must be. */
  const read = <T>(parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
      return undefined;
    }
  };
  const keys = env.SIGNING_KEYS ? read(() => parseSigningKeys(env.SIGNING_KEYS ?? '')) : undefined;
  if (!env.SIGNING_KEYS) problems.push(signingKeysMissing);
  const passwordIterations = read(() => passwordIterationsFrom(env.PASSWORD_ITERATIONS));
  const publicUrl = read(() => publicUrlFrom(env.PUBLIC_URL));
  const db = await openDb(env);
  if (typeof db === 'string') problems.push(db);
  if (problems.length > 0 || !keys || passwordIterations === undefined || typeof db === 'string') return { problems };
  return {
    db,
    clock: Date.now,
    keys,
    settings: {
      ...defaultSettings,
      publicUrl,
      emailWebhookUrl: env.EMAIL_WEBHOOK_URL,
      passwordIterations,
      webhookAllowPrivate: env.WEBHOOK_ALLOW_PRIVATE === '1',
    },
    log,
    clientAddress: (c) => c.req.header('CF-Connecting-IP'),
    grade: inRequestGrader({ quickjs, sqlite }),
  };
}

async function appFor(env: Env) {
  const deps = await depsFor(env);
  return 'problems' in deps ? unconfiguredApp(deps.problems, log) : createApp(deps);
}

// Configuration (not request state) is built once per isolate and env: a database handle and keys.
let cached: { env: Env; app: ReturnType<typeof appFor> } | undefined;

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    if (cached?.env !== env) cached = { env, app: appFor(env) };
    const app = await cached.app;
    return app.fetch(request, env, ctx);
  },

  async scheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
    const deps = await depsFor(env);
    if ('problems' in deps) {
      log({ level: 'error', msg: 'not configured: scheduled jobs skipped', problems: deps.problems });
      return;
    }
    ctx.waitUntil(runScheduledJobs(deps));
  },
} satisfies ExportedHandler<Env>;
