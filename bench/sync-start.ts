/**
 * Part 2: a synchronized start. Every candidate presses "Start" within the same second, each from
 * its own browser (a connection of its own); afterwards the database must hold exactly one
 * attempt per invitation.
 *
 * With `warmStarts`, other invitations are started first, a few at a time on connections of their
 * own, as on a server that was up before a scheduled start. A freshly started process runs its
 * first requests in V8's interpreter before the compilers catch up (its first start takes about
 * 30 ms against 4-5 ms later), so the run on a fresh process alone cannot say how much of the
 * tail is that warm-up and how much is the burst itself. Both are reported.
 */
import { createClient } from '@libsql/client';
import { Pool } from 'undici';
import { startAttempt, startAttempts } from './candidate';
import { type Bench, copyDb, removeDb, startSkillcheck } from './proc';
import { sleep, summarize } from './stats';

export async function syncStart(bench: Bench, count = 500, { spreadMs = 1000, warmStarts = 0 } = {}) {
  const dbFile = copyDb(bench.template);
  const server = await startSkillcheck(dbFile, bench.seed.signingKeys);
  if (warmStarts > 0) {
    const warmPool = new Pool(server.origin, { connections: 8 });
    const warmTokens = bench.seed.tokens.slice(count, count + warmStarts);
    if (warmTokens.length < warmStarts)
      throw new Error(`the seed has too few invitations for ${warmStarts} warm starts`);
    await startAttempts(warmPool, server.origin, warmTokens);
    await warmPool.close();
    await sleep(500);
  }
  const pool = new Pool(server.origin, { connections: count, keepAliveTimeout: 30_000 });
  const tokens = bench.seed.tokens.slice(0, count);
  let rss = 0;
  const sampler = setInterval(() => {
    rss = Math.max(rss, server.rssMb());
  }, 250);
  const mainCpuBefore = server.mainThreadCpuMs();
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
  const mainCpuMs = server.mainThreadCpuMs() - mainCpuBefore;
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
    /** The server's event loop thread's CPU time from the first start to the last answer, per start (10 ms ticks). */
    mainThreadCpuMsPerStart: Math.round((mainCpuMs / count) * 100) / 100,
    inDb,
    warmStarts,
    exact: inDb.attempts === count + warmStarts && new Set(ok.map((r) => r.attemptId)).size === count,
  };
}
