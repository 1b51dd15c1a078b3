/**
 * The Cloudflare Workers entry: the same app over remote libSQL (DATABASE_URL secret) or a D1
 * binding (DB). Static files are served by wrangler [assets] before the worker runs.
 */
import { createClient } from '@libsql/client/web';
import { drizzle } from 'drizzle-orm/d1';
import { createApp } from './app';
import { parseSigningKeys } from './auth/keys';
import type { Db } from './db/client';
import { libsqlConfig, libsqlDb } from './db/client';
import * as schema from './db/schema';
import { type AppDeps, defaultSettings, type LogEntry, passwordIterationsFrom } from './deps';
import { runScheduledJobs } from './jobs';

export interface Env {
  DB?: D1Database;
  DATABASE_URL?: string;
  DATABASE_AUTH_TOKEN?: string;
  SIGNING_KEYS?: string;
  PUBLIC_URL?: string;
  PASSWORD_ITERATIONS?: string;
  EMAIL_WEBHOOK_URL?: string;
}

const log = (entry: LogEntry) => console.log(JSON.stringify(entry));

async function openDb(env: Env): Promise<Db> {
  if (env.DATABASE_URL) {
    return libsqlDb(createClient(libsqlConfig(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN)), env.DATABASE_URL);
  }
  if (env.DB) return drizzle(env.DB, { schema }) as unknown as Db;
  throw new Error('Configure a database: a D1 binding named DB, or the DATABASE_URL secret');
}

async function depsFor(env: Env): Promise<AppDeps> {
  if (!env.SIGNING_KEYS) throw new Error('Set the SIGNING_KEYS secret (see README: Deploying to Workers)');
  return {
    db: await openDb(env),
    clock: Date.now,
    keys: parseSigningKeys(env.SIGNING_KEYS),
    settings: {
      ...defaultSettings,
      publicUrl: env.PUBLIC_URL,
      emailWebhookUrl: env.EMAIL_WEBHOOK_URL,
      passwordIterations: passwordIterationsFrom(env.PASSWORD_ITERATIONS),
    },
    log,
    clientAddress: (c) => c.req.header('CF-Connecting-IP'),
  };
}

// Configuration (not request state) is built once per isolate and env: a database handle and keys.
let cached: { env: Env; app: Promise<ReturnType<typeof createApp>> } | undefined;

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    if (cached?.env !== env) cached = { env, app: depsFor(env).then(createApp) };
    const app = await cached.app;
    return app.fetch(request, env, ctx);
  },

  async scheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
    ctx.waitUntil(depsFor(env).then(runScheduledJobs));
  },
} satisfies ExportedHandler<Env>;
