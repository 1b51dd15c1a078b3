/**
 * The default way to run Skillcheck: Node with an embedded libSQL file. Everything that touches
 * the runtime (environment, files, timers, signals) lives here; the app itself is runtime-free.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { createClient } from '@libsql/client';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { Hono } from 'hono';
import { createApp } from './app';
import { formatSigningKeys, generateSigningKey, parseSigningKeys, type SigningKeys } from './auth/keys';
import { importBankFromDir } from './bank/import-files';
import { countUsers } from './db/accounts';
import { isEmbeddedUrl, libsqlConfig, libsqlDb } from './db/client';
import { defaultSettings, type LogEntry, passwordIterationsFrom, type Settings, trustProxyHopsFrom } from './deps';
import { runScheduledJobs } from './jobs';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = process.env;

const log = (entry: LogEntry) => {
  if (entry.level === 'info' && entry.msg === 'request' && env.LOG_REQUESTS === '0') return;
  const line = JSON.stringify({ time: new Date().toISOString(), ...entry });
  if (entry.level === 'error') console.error(line);
  else console.log(line);
};

/** Signing keys: SIGNING_KEYS when set (several instances must share them), else a local key file. */
function loadSigningKeys(dataDir: string): SigningKeys {
  if (env.SIGNING_KEYS) return parseSigningKeys(env.SIGNING_KEYS);
  const file = resolve(dataDir, 'signing-keys');
  if (!existsSync(file)) {
    writeFileSync(file, `${formatSigningKeys([generateSigningKey(Date.now())])}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return parseSigningKeys(readFileSync(file, 'utf8').trim());
}

export async function startNode() {
  const databaseUrl = env.DATABASE_URL ?? `file:${resolve(root, 'data/skillcheck.db')}`;
  const dataDir =
    isEmbeddedUrl(databaseUrl) && databaseUrl !== ':memory:'
      ? dirname(databaseUrl.slice('file:'.length))
      : resolve(root, 'data');
  mkdirSync(dataDir, { recursive: true });

  const client = createClient(libsqlConfig(databaseUrl, env.DATABASE_AUTH_TOKEN, env.DATABASE_SYNC_URL));
  const db = await libsqlDb(client, databaseUrl);
  await migrate(db as Parameters<typeof migrate>[0], { migrationsFolder: resolve(root, 'drizzle') });
  await importBankFromDir(db, resolve(root, env.QUESTIONS_DIR ?? 'questions'), Date.now(), log);

  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? '127.0.0.1';
  const settings: Settings = {
    ...defaultSettings,
    publicUrl: env.PUBLIC_URL,
    // Plain http on localhost cannot carry Secure cookies in every browser; anywhere else it must.
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES !== '0' : Boolean(env.PUBLIC_URL?.startsWith('https:')),
    emailWebhookUrl: env.EMAIL_WEBHOOK_URL,
    passwordIterations: passwordIterationsFrom(env.PASSWORD_ITERATIONS),
    trustProxyHops: trustProxyHopsFrom(env.TRUST_PROXY),
    maxInFlight: env.MAX_IN_FLIGHT
      ? Math.max(1, Number(env.MAX_IN_FLIGHT) || defaultSettings.maxInFlight)
      : defaultSettings.maxInFlight,
  };
  const deps = {
    db,
    clock: Date.now,
    keys: loadSigningKeys(dataDir),
    settings,
    log,
    clientAddress: (c: Parameters<typeof getConnInfo>[0]) => getConnInfo(c).remote.address,
  };
  const app = createApp(deps);
  // The same jobs the Workers cron runs; every instance may run them, finalizing is idempotent.
  const jobs = setInterval(() => {
    runScheduledJobs(deps).catch((error) =>
      log({ level: 'error', msg: 'scheduled jobs failed', error: String(error) }),
    );
  }, 30_000);
  jobs.unref();

  const server = new Hono();
  server.use('/static/*', serveStatic({ root: resolve(root, 'public') }));
  server.route('/', app);

  const url = settings.publicUrl ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  const firstRun = (await countUsers(db)) === 0;
  const httpServer = serve({ fetch: server.fetch, port, hostname: host }, () => {
    log({ level: 'info', msg: 'listening', url, database: databaseUrl.replace(/\/\/[^@]*@/, '//***@') });
    console.log(`\nSkillcheck is running at ${url}`);
    if (firstRun) console.log(`No accounts yet: create the first one at ${url}/signup`);
    console.log('');
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log({ level: 'info', msg: 'shutting down', signal });
    clearInterval(jobs);
    httpServer.close(() => {
      client.close();
      process.exitCode = 0;
    });
    // Keep-alive connections would hold the server open: give in-flight requests 5 s.
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  return { url, close: () => stop('close') };
}

await startNode();
