/**
 * The default way to run Skillcheck: Node with an embedded libSQL file. Everything that touches
 * the runtime (environment, files, timers, signals) lives here; the app itself is runtime-free.
 */
import { createServer, type RequestListener, type ServerOptions } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { etag } from 'hono/etag';
import { createApp } from './app';
import { migrateDatabase, openDatabase, shownUrl } from './cli/database';
import { importBankFromDir } from './cli/import-bank-dir';
import { loadSigningKeys } from './cli/signing-keys';
import { countUsers } from './db/accounts';
import {
  defaultSettings,
  type LogEntry,
  limitFrom,
  passwordIterationsFrom,
  publicUrlFrom,
  type Settings,
  trustProxyHopsFrom,
} from './deps';
import { createGradingPool } from './grading/node/pool';
import { loopLag } from './http/loop-lag';
import { refuseWhenBehind } from './http/refuse-when-behind';
import { runScheduledJobs } from './jobs';
import { securityHeaders } from './middleware/security';
import { nodeTransport } from './webhooks/node-transport';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = process.env;

const log = (entry: LogEntry) => {
  if (entry.level === 'info' && entry.msg === 'request' && env.LOG_REQUESTS === '0') return;
  const line = JSON.stringify({ time: new Date().toISOString(), ...entry });
  if (entry.level === 'error') console.error(line);
  else console.log(line);
};

export async function startNode() {
  // An embedded database runs on a thread of its own unless DATABASE_THREAD=0 (a one-core machine).
  const {
    url: databaseUrl,
    db,
    client,
    dir,
  } = await openDatabase(root, env, {
    thread: env.DATABASE_THREAD !== '0',
    onThreadExit: (error) => {
      log({ level: 'error', msg: 'the database thread stopped; exiting', error: String(error) });
      process.exit(1);
    },
  });
  // The key file sits beside an embedded database; with a remote one, in data/.
  const dataDir = dir ?? resolve(root, 'data');
  await migrateDatabase(db, root);
  await importBankFromDir(db, resolve(root, env.QUESTIONS_DIR ?? 'questions'), Date.now(), log);

  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? '127.0.0.1';
  const settings: Settings = {
    ...defaultSettings,
    publicUrl: publicUrlFrom(env.PUBLIC_URL),
    // Plain http on localhost cannot carry Secure cookies in every browser; anywhere else it must.
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES !== '0' : Boolean(env.PUBLIC_URL?.startsWith('https:')),
    emailWebhookUrl: env.EMAIL_WEBHOOK_URL,
    passwordIterations: passwordIterationsFrom(env.PASSWORD_ITERATIONS),
    trustProxyHops: trustProxyHopsFrom(env.TRUST_PROXY),
    maxInFlight: limitFrom(env.MAX_IN_FLIGHT, defaultSettings.maxInFlight, 1),
    maxInFlightSaves: limitFrom(env.MAX_IN_FLIGHT_SAVES, defaultSettings.maxInFlightSaves, 1),
    maxLoopLagMs: limitFrom(env.MAX_LOOP_LAG_MS, defaultSettings.maxLoopLagMs, 0),
    webhookAllowPrivate: env.WEBHOOK_ALLOW_PRIVATE === '1',
  };
  // Code and SQL answers are graded in worker threads, never on this event loop.
  const grading = createGradingPool({ size: Number(env.GRADING_THREADS) || 2 });
  const deps = {
    db,
    clock: Date.now,
    keys: loadSigningKeys(dataDir, env),
    settings,
    log,
    clientAddress: (c: Parameters<typeof getConnInfo>[0]) => getConnInfo(c).remote.address,
    webhookTransport: nodeTransport({ allowPrivate: settings.webhookAllowPrivate }),
    grade: grading.grade,
  };
  const app = createApp(deps);
  // The same jobs the Workers cron runs; every instance may run them, finalizing is idempotent.
  const runJobs = () => {
    runScheduledJobs(deps).catch((error) =>
      log({ level: 'error', msg: 'scheduled jobs failed', error: String(error) }),
    );
  };
  const jobs = setInterval(runJobs, 30_000);
  jobs.unref();
  // Once at start too: after a crash, what waited (webhooks, expired attempts) goes out now.
  runJobs();

  // Static files carry the app's security headers (nosniff above all); on Workers, public/_headers
  // does the same. Every other request, and a static file that does not exist, is the app's: its
  // not-found page included, which a sub-app mounted with route() would not get.
  const server = new Hono();
  // Static files keep their names across releases, so browsers revalidate each time (a 304 costs
  // a round trip and no body) rather than keeping a stale script; compressed, as Workers Assets
  // serves them. The ETag is weak because the gzip and plain bodies share it.
  server.use(
    '/static/*',
    securityHeaders(),
    compress(),
    etag({ weak: true }),
    async (c, next) => {
      await next();
      if (c.res.status === 200 || c.res.status === 304) c.header('Cache-Control', 'no-cache');
    },
    serveStatic({ root: resolve(root, 'public') }),
  );
  server.all('*', (c) => app.fetch(c.req.raw, c.env));

  const url = settings.publicUrl ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  const firstRun = (await countUsers(db)) === 0;
  // While the event loop runs late, saves are refused before they reach Hono (refuse-when-behind.ts).
  const lag = settings.maxLoopLagMs > 0 ? loopLag() : null;
  const logRefused = (refused: number) =>
    log({ level: 'warn', msg: 'refused saves while the event loop ran late', refused });
  const createServerShedding: typeof createServer = ((options: ServerOptions, listener: RequestListener) =>
    createServer(
      options,
      lag ? refuseWhenBehind(listener, () => lag.over(settings.maxLoopLagMs), logRefused) : listener,
    )) as typeof createServer;
  const httpServer = serve({ fetch: server.fetch, port, hostname: host, createServer: createServerShedding }, () => {
    log({ level: 'info', msg: 'listening', url, database: shownUrl(databaseUrl) });
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
    void grading.close();
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
