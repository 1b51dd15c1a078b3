/**
 * Part 3: saturation throughput of the save path and the question page at a fixed concurrency,
 * each divided by a baseline measured in the same run (bench/baseline-server.tsx): what the app
 * keeps of what bare Hono + libSQL can do on this machine. The four runs are interleaved over
 * `rounds` rounds and the best round of each counts: on a shared machine the least disturbed
 * round is the closest to the real capacity (every round is kept in the JSON).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { getQuestion, nextSave, postSave, startCandidates } from './candidate';
import { type Bench, copyDb, cpuMeter, noShedding, type Proc, removeDb, startBaseline, startSkillcheck } from './proc';
import { closedLoop } from './stats';

type Run = Awaited<ReturnType<typeof closedLoop>> & { cpu: ReturnType<ReturnType<typeof cpuMeter>> };

export async function saturation(
  bench: Bench,
  { connections = 50, warmupMs = 1000, windowMs = 5000, rounds = 2 } = {},
) {
  const dbFile = copyDb(bench.template);
  // Capacity, not shedding (part 5 measures that).
  const app = await startSkillcheck(dbFile, bench.seed.signingKeys, undefined, noShedding);
  const appPool = new Pool(app.origin, { connections, keepAliveTimeout: 30_000 });
  const candidates = await startCandidates(appPool, app.origin, dbFile, bench.seed.tokens.slice(0, connections));
  const first = candidates[0];
  if (!first) throw new Error('no candidate started');
  const sizes: number[] = [];
  for (let q = 0; q < first.items.length; q++) sizes.push((await getQuestion(appPool, first, q)).bytes);
  const pageBytes = Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length);

  const baseDb = join(mkdtempSync(join(tmpdir(), 'skillcheck-baseline-')), 'db.sqlite');
  const baseline = await startBaseline(baseDb, pageBytes);
  const basePool = new Pool(baseline.origin, { connections, keepAliveTimeout: 30_000 });
  const basePageBytes = Number(/page of (\d+) bytes/.exec(baseline.output())?.[1] ?? 0);

  const at = (w: number) => candidates[w % candidates.length] ?? first;
  let n = 0;
  const routes: Record<string, { server: Proc; send: (w: number) => Promise<boolean> }> = {
    appSave: {
      server: app,
      send: async (w) => (await postSave(appPool, app.origin, at(w), nextSave(at(w)).body)) === 200,
    },
    baselineInsert: {
      server: baseline,
      send: async (w) => {
        const res = await basePool.request({
          method: 'POST',
          path: '/insert',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `a=attempt-${w}&q=question-${n % 20}&seq=${++n}&choice=2&elapsed=1000`,
        });
        await res.body.dump();
        return res.statusCode === 200;
      },
    },
    appPage: {
      server: app,
      send: async (w) => {
        const c = at(w);
        c.next = (c.next + 1) % c.items.length;
        return (await getQuestion(appPool, c, c.next)).status === 200;
      },
    },
    baselinePage: {
      server: baseline,
      send: async () => {
        const res = await basePool.request({ method: 'GET', path: '/page' });
        await res.body.dump();
        return res.statusCode === 200;
      },
    },
  };
  const all: Record<string, Run[]> = Object.fromEntries(Object.keys(routes).map((name) => [name, []]));
  try {
    for (let round = 0; round < rounds; round++) {
      for (const [name, { server, send }] of Object.entries(routes)) {
        const meter = cpuMeter(server);
        const result = await closedLoop(connections, warmupMs, windowMs, send);
        all[name]?.push({ ...result, cpu: meter() });
      }
    }
  } finally {
    await appPool.close();
    await basePool.close();
    await app.kill();
    await baseline.kill();
    removeDb(dbFile);
    removeDb(baseDb);
  }
  const best = (name: string) => (all[name] ?? []).reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
  const ratio = (a: Run, b: Run) => Math.round((a.perSecond / b.perSecond) * 1000) / 1000;
  const [appSave, baselineInsert, appPage, baselinePage] = [
    best('appSave'),
    best('baselineInsert'),
    best('appPage'),
    best('baselinePage'),
  ];
  return {
    connections,
    windowMs,
    rounds,
    save: { app: appSave, baseline: baselineInsert, ratio: ratio(appSave, baselineInsert) },
    page: {
      app: appPage,
      baseline: baselinePage,
      ratio: ratio(appPage, baselinePage),
      appBytes: pageBytes,
      baselineBytes: basePageBytes,
    },
    all,
  };
}
