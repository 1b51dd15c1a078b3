/**
 * Part 4: connections as browsers make them, and more saves than the server can take.
 *
 * Sockets: N candidates, each saving through a socket of its own (an undici Client with one
 * connection, as one browser tab keeps one), every 2 s as in part 1. Part 1 lets a shared pool
 * reuse a few busy sockets; here the server holds N keep-alive connections at once.
 *
 * Shedding: the same candidates save faster than the save path's capacity (see run.ts) on four
 * servers: shedding as shipped (saves past `MAX_IN_FLIGHT_SAVES` in flight, or while the event
 * loop runs over `MAX_LOOP_LAG_MS` late), on the in-flight count alone, on the loop lag alone, and
 * not at all. What counts: accepted saves per second and their p99, how many were refused at once
 * (503) or never answered (timeouts, which a browser would see as a hung save), and whether
 * /healthz still answers promptly while it happens.
 */
import { Client, type Dispatcher, Pool } from 'undici';
import { type Candidate, startCandidates } from './candidate';
import { type Bench, copyDb, noShedding, removeDb, startSkillcheck } from './proc';
import { type StepResult, step } from './save-steps';
import { type Latency, summarize } from './stats';

export interface SocketsResult extends Omit<StepResult, 'startsPerSecond'> {
  sockets: number;
}

export async function socketPerCandidate(
  bench: Bench,
  { candidates: n = 1000, warmupMs = 3000, windowMs = 20_000 } = {},
): Promise<SocketsResult> {
  const dbFile = copyDb(bench.template);
  const server = await startSkillcheck(dbFile, bench.seed.signingKeys);
  const starter = new Pool(server.origin, { connections: 8 });
  const clients = new Map<string, Client>();
  try {
    const candidates = await startCandidates(starter, server.origin, dbFile, bench.seed.tokens.slice(0, n));
    for (const c of candidates) clients.set(c.attemptId, new Client(server.origin, { keepAliveTimeout: 30_000 }));
    const through = (c: Candidate): Dispatcher => clients.get(c.attemptId) ?? starter;
    const result = await step(through, server, candidates, warmupMs, windowMs);
    return { candidates: n, sockets: clients.size, ...result };
  } finally {
    await Promise.all([...clients.values()].map((client) => client.close()));
    await starter.close();
    await server.kill();
    removeDb(dbFile);
  }
}

export interface SheddingRun {
  name: string;
  offeredPerSecond: number;
  acceptedPerSecond: number;
  accepted: Latency;
  refused503: number;
  timeouts: number;
  otherErrors: number;
  health: Latency;
  serverRssMb: number;
  cpu: StepResult['cpu'];
}

/** One server with `maxInFlight`, offered `offeredPerSecond` saves from `n` candidates. */
export async function overloadRun(
  bench: Bench,
  name: string,
  limits: Record<string, string>,
  offeredPerSecond: number,
  n: number,
  warmupMs: number,
  windowMs: number,
): Promise<SheddingRun> {
  const dbFile = copyDb(bench.template);
  const server = await startSkillcheck(dbFile, bench.seed.signingKeys, undefined, limits);
  const pool = new Pool(server.origin, { connections: 4096, keepAliveTimeout: 30_000 });
  const probe = new Client(server.origin);
  try {
    const candidates = await startCandidates(pool, server.origin, dbFile, bench.seed.tokens.slice(0, n));
    const health: number[] = [];
    let probing = true;
    const prober = (async () => {
      await new Promise((r) => setTimeout(r, warmupMs));
      while (probing) {
        const at = performance.now();
        try {
          const res = await probe.request({ method: 'GET', path: '/healthz', headersTimeout: 10_000 });
          await res.body.dump();
          health.push(performance.now() - at);
        } catch {
          health.push(10_000);
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const intervalMs = (n / offeredPerSecond) * 1000;
    const result = await step(() => pool, server, candidates, warmupMs, windowMs, intervalMs);
    probing = false;
    await prober;
    const timeouts = Object.entries(result.statuses)
      .filter(([status]) => status.startsWith('UND_ERR'))
      .reduce((sum, [, count]) => sum + count, 0);
    const refused503 = result.statuses['503'] ?? 0;
    return {
      name,
      offeredPerSecond,
      acceptedPerSecond: result.savesPerSecond,
      accepted: result.latency,
      refused503,
      timeouts,
      otherErrors: result.errors - refused503 - timeouts,
      health: summarize(health),
      serverRssMb: result.serverRssMb,
      cpu: result.cpu,
    };
  } finally {
    await probe.close();
    await pool.close();
    await server.kill();
    removeDb(dbFile);
  }
}

const sheddingModes: [string, Record<string, string>][] = [
  ['as shipped (saves past 128 in flight, loop lag 50 ms)', {}],
  ['saves past 128 in flight alone', { MAX_LOOP_LAG_MS: '0' }],
  ['loop lag alone (as shipped until run 22)', { MAX_IN_FLIGHT_SAVES: '1024' }],
  ['none', noShedding],
];

/** Offers `overload` times the save capacity to each shedding mode in turn, on copies of the same database. */
export async function shedding(
  bench: Bench,
  capacityPerSecond: number,
  { overload = 1.5, candidates = 1000, warmupMs = 3000, windowMs = 15_000 } = {},
) {
  const offered = Math.round(capacityPerSecond * overload);
  const runs: SheddingRun[] = [];
  for (const [name, limits] of sheddingModes)
    runs.push(await overloadRun(bench, name, limits, offered, candidates, warmupMs, windowMs));
  return { overload, capacityPerSecond, runs };
}
