/**
 * What both Workers (src/worker.ts, the candidate's, and src/worker-app.ts, the whole app) read
 * from their environment: the database (remote libSQL or D1), signing keys and settings.
 */
import { createClient } from '@libsql/client/web';
import { drizzle } from 'drizzle-orm/d1';
import { parseSigningKeys } from './auth/keys';
import type { Db } from './db/client';
import { libsqlConfig, libsqlDb } from './db/client';
import * as schema from './db/schema';
import { type AppDeps, defaultSettings, type LogEntry, passwordIterationsFrom, publicUrlFrom } from './deps';
import type { Grade } from './grading/types';

export interface WorkerEnv {
  DB?: D1Database;
  DATABASE_URL?: string;
  DATABASE_AUTH_TOKEN?: string;
  SIGNING_KEYS?: string;
  PUBLIC_URL?: string;
  PASSWORD_ITERATIONS?: string;
  EMAIL_WEBHOOK_URL?: string;
  WEBHOOK_ALLOW_PRIVATE?: string;
}

export const log = (entry: LogEntry) => console.log(JSON.stringify(entry));

const signingKeysMissing =
  'SIGNING_KEYS is not set: the keys that sign sessions and links. Make one with `npm run keys:new`, then `npx wrangler secret put SIGNING_KEYS` for a deployment, or a line SIGNING_KEYS=... in .dev.vars for `wrangler dev`.';
const databaseMissing =
  'No database: bind a D1 database as DB in wrangler.toml, or set the DATABASE_URL secret (remote libSQL).';

async function openDb(env: WorkerEnv): Promise<Db | string> {
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

/**
 * The app's dependencies, or every setting that is missing or unusable, in words for whoever
 * deploys. `problems` are the caller's own (a missing binding), listed with the rest.
 */
export async function depsFor(
  env: WorkerEnv,
  grade: Grade | undefined,
  ownProblems: readonly string[] = [],
): Promise<AppDeps | { problems: string[] }> {
  const problems = [...ownProblems];
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
    grade,
  };
}

/**
 * `build` run once per isolate and env, its promise kept: configuration (a database handle, keys),
 * not request state. Another env (a changed secret) builds again.
 */
export function oncePerEnv<E, T>(build: (env: E) => Promise<T>): (env: E) => Promise<T> {
  let held: { env: E; value: Promise<T> } | undefined;
  return (env) => {
    if (held?.env !== env) held = { env, value: build(env) };
    return held.value;
  };
}
