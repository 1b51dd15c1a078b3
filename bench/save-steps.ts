/**
 * Part 1: the save path under N candidates, each saving one answer every 2 seconds, N stepped up.
 * Open loop: every save has a scheduled time and its latency is measured from that time, so a
 * stalled server shows as latency instead of silently lowering the offered load.
 */
import { type Dispatcher, Pool } from 'undici';
import { type Candidate, nextSave, postSave, startCandidates } from './candidate';
import { type Bench, copyDb, cpuMeter, type Proc, removeDb, startSkillcheck } from './proc';
import { type Latency, summarize } from './stats';

export interface StepResult {
  candidates: number;
  latency: Latency;
  savesPerSecond: number;
  errors: number;
  statuses: Record<string, number>;
  serverRssMb: number;
  /** CPU in % of one core during the window: server, load generator, anything else on the machine. */
  cpu: { server: number; load: number; other: number };
  held: boolean;
  startsPerSecond: number;
}

const defaultIntervalMs = 2000;

/**
 * One open-loop window. `through(c)` is the connection pool a candidate's saves go through: one
 * shared pool, or a socket of its own as a browser has.
 */
export async function step(
  through: (c: Candidate) => Dispatcher,
  server: Proc,
  candidates: Candidate[],
  warmupMs: number,
  windowMs: number,
  intervalMs = defaultIntervalMs,
) {
  const t0 = performance.now() + 20;
  const from = t0 + warmupMs;
  const end = from + windowMs;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let outstanding = 0;
  let settled = () => {};
  const done = new Promise<void>((r) => {
    settled = r;
  });

  const schedule = (c: Candidate, at: number) => {
    if (at >= end) return;
    outstanding++;
    setTimeout(
      async () => {
        schedule(c, at + intervalMs);
        const status = await postSave(through(c), server.origin, c, nextSave(c).body);
        if (at >= from) {
          if (status === 200) latencies.push(performance.now() - at);
          else statuses[status] = (statuses[status] ?? 0) + 1;
        }
        if (--outstanding === 0) settled();
      },
      Math.max(0, at - performance.now()),
    );
  };
  for (const c of candidates) schedule(c, t0 + Math.random() * intervalMs);

  let rss = 0;
  const sampler = setInterval(() => {
    rss = Math.max(rss, server.rssMb());
  }, 500);
  let meter = cpuMeter(server);
  setTimeout(() => {
    meter = cpuMeter(server);
  }, from - performance.now());
  await new Promise((r) => setTimeout(r, end - performance.now()));
  const cpu = meter();
  await done;
  clearInterval(sampler);

  const latency = summarize(latencies);
  const errors = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    latency,
    savesPerSecond: Math.round(latencies.length / (windowMs / 1000)),
    errors,
    statuses,
    serverRssMb: Math.round(rss),
    cpu,
    held: latency.p99 <= 100 && errors === 0,
  };
}

/**
 * The next step is worth running: this one held, or it met the latency bound and lost under 0.1%
 * of its saves to refusals (which the page resends). Since the in-flight limit on saves (run 23),
 * a short pause can refuse a save or two at a load the server carries.
 */
function worthGoingOn(r: StepResult | undefined, windowMs: number): boolean {
  if (!r) return false;
  const saves = (r.savesPerSecond * windowMs) / 1000;
  return r.held || (r.latency.p99 <= 100 && r.errors < saves / 1000);
}

/** Runs the steps in order on one server; a step past `always` runs only when the one before held, or nearly. */
export async function saveSteps(
  bench: Bench,
  { steps = [200, 500, 1000, 2000, 4000, 6000, 8000, 10000], always = 4, warmupMs = 3000, windowMs = 20_000 } = {},
  log: (line: string) => void = () => {},
) {
  const dbFile = copyDb(bench.template);
  const server = await startSkillcheck(dbFile, bench.seed.signingKeys);
  const pool = new Pool(server.origin, { connections: 1024, keepAliveTimeout: 30_000 });
  const candidates: Candidate[] = [];
  const results: StepResult[] = [];
  try {
    for (const [i, n] of steps.entries()) {
      if (i >= always && !worthGoingOn(results.at(-1), windowMs)) break;
      // Starting the attempts happens before the timed window.
      const t = performance.now();
      const tokens = bench.seed.tokens.slice(candidates.length, n);
      candidates.push(...(await startCandidates(pool, server.origin, dbFile, tokens)));
      const startsPerSecond = Math.round(tokens.length / ((performance.now() - t) / 1000));
      const result = {
        candidates: n,
        startsPerSecond,
        ...(await step(() => pool, server, candidates, warmupMs, windowMs)),
      };
      log(
        `  N=${n}: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.savesPerSecond} saves/s, ${result.errors} errors, RSS ${result.serverRssMb} MB`,
      );
      results.push(result);
    }
  } finally {
    await pool.close();
    await server.kill();
    removeDb(dbFile);
  }
  const held = results.filter((r) => r.held).at(-1)?.candidates ?? 0;
  return { steps: results, largestHeld: held, intervalMs: defaultIntervalMs, warmupMs, windowMs };
}
