/**
 * Part 2: a synchronized start. Every candidate presses "Start" within the same second, each from
 * its own browser (a connection of its own); afterwards the database must hold exactly one
 * attempt per invitation.
 */
import { createClient } from '@libsql/client';
import { Pool } from 'undici';
import { startAttempt } from './candidate';
import { type Bench, copyDb, removeDb, startSkillcheck } from './proc';
import { sleep, summarize } from './stats';

export async function syncStart(bench: Bench, count = 500, spreadMs = 1000) {
  const dbFile = copyDb(bench.template);
  const server = await startSkillcheck(dbFile, bench.seed.signingKeys);
  const pool = new Pool(server.origin, { connections: count, keepAliveTimeout: 30_000 });
  const tokens = bench.seed.tokens.slice(0, count);
  let rss = 0;
  const sampler = setInterval(() => {
    rss = Math.max(rss, server.rssMb());
  }, 250);
  const t0 = performance.now() + 100;
  const fired: number[] = [];
  const results = await Promise.all(
    tokens.map(async (token) => {
      const at = t0 + Math.random() * spreadMs;
      await sleep(at - performance.now());
      fired.push(performance.now());
      const res = await startAttempt(pool, server.origin, token).catch(() => ({ status: 0, attemptId: null }));
      return { ...res, ms: performance.now() - at };
    }),
  );
  clearInterval(sampler);
  await pool.close();
  await server.kill();

  const client = createClient({ url: `file:${dbFile}` });
  const count1 = async (sql: string) => Number((await client.execute(sql)).rows[0]?.[0] ?? 0);
  const inDb = {
    attempts: await count1('select count(*) from attempts'),
    items: await count1('select count(*) from attempt_items'),
    startedEvents: await count1("select count(*) from attempt_events where type = 'started'"),
    startedInvitations: await count1("select count(*) from invitations where status = 'started'"),
  };
  client.close();
  removeDb(dbFile);
  const ok = results.filter((r) => r.status === 303 && r.attemptId);
  return {
    candidates: count,
    firedWithinMs: Math.round(Math.max(...fired) - Math.min(...fired)),
    latency: summarize(results.map((r) => r.ms)),
    errors: results.length - ok.length,
    distinctAttempts: new Set(ok.map((r) => r.attemptId)).size,
    serverRssMb: Math.round(rss),
    inDb,
    exact: inDb.attempts === count && new Set(ok.map((r) => r.attemptId)).size === count,
  };
}
