/**
 * Where the server's CPU goes on one route: runs dist/node.js under `--cpu-prof`, drives one
 * route at 50 connections (8 for starts) for 8 s, and prints the server's CPU time per request
 * (user + system, profiler included: comparable between builds even when other work shares the
 * machine, unlike req/s) and self time by package and by function. Lines of the bundle are
 * attributed to the module esbuild names in its `// path` comments.
 *
 *   tsx bench/profile.ts save|page|questions|start [bundle]   (build first: node scripts/build-node.mjs;
 *                                                    bundle defaults to dist/node.js, give another
 *                                                    build's to compare before and after)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Pool } from 'undici';
import { getQuestion, getTemplates, nextSave, postSave, startAttempt, startCandidates } from './candidate';
import { copyDb, freePort, noShedding, type Seed, spawnNode, startFlags } from './proc';
import { closedLoop } from './stats';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const route = process.argv[2] ?? 'save';
const bundlePath = resolve(process.argv[3] ?? 'dist/node.js');
const dir = mkdtempSync(join(tmpdir(), 'skillcheck-profile-'));
execFileSync(process.execPath, [
  '--import',
  'tsx',
  'bench/seed.ts',
  join(dir, 't.sqlite'),
  join(dir, 's.json'),
  // Every start needs an invitation of its own: about 700 starts/s for 9 s (the database thread's rate).
  route === 'start' ? '12000' : '2000',
]);
const seed = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8')) as Seed;
const dbFile = copyDb(join(dir, 't.sqlite'));
const port = await freePort();
const server = await spawnNode(
  [...startFlags(), '--cpu-prof', `--cpu-prof-dir=${dir}`, bundlePath],
  {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `file:${dbFile}`,
    SIGNING_KEYS: seed.signingKeys,
    LOG_REQUESTS: '0',
    // Capacity is measured, so no load shedding.
    ...noShedding,
  },
  'Skillcheck is running at',
  port,
);
const pool = new Pool(server.origin, { connections: 50 });
let result: Awaited<ReturnType<typeof closedLoop>>;
let requests = 0;
let cpuFrom = 0;
const counted =
  (send: (worker: number) => Promise<boolean>) =>
  (worker: number): Promise<boolean> => {
    requests++;
    return send(worker);
  };
if (route === 'start') {
  let i = 0;
  cpuFrom = server.cpuMs();
  result = await closedLoop(8, 1000, 8000, async () => {
    const token = seed.tokens[i++];
    if (token === undefined) throw new Error('profile.ts ran out of invitations: seed more');
    requests++;
    return (await startAttempt(pool, server.origin, token)).status === 303;
  });
} else {
  const candidates = await startCandidates(pool, server.origin, dbFile, seed.tokens.slice(0, 50));
  cpuFrom = server.cpuMs();
  result = await closedLoop(
    50,
    1000,
    8000,
    counted(async (w) => {
      const c = candidates[w];
      if (!c) return false;
      if (route === 'save') return (await postSave(pool, server.origin, c, nextSave(c).body)) === 200;
      if (route === 'questions') return (await getTemplates(pool, c)) === 200;
      c.next = (c.next + 1) % c.items.length;
      return (await getQuestion(pool, c, c.next)).status === 200;
    }),
  );
}
const cpuPerRequest = (server.cpuMs() - cpuFrom) / requests;
await pool.close();
await server.kill('SIGINT'); // a clean exit writes the profile
console.log(`${route}: ${result.perSecond} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
console.log(`server CPU per request: ${cpuPerRequest.toFixed(2)} ms over ${requests} requests (${bundlePath})\n`);

const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile')) ?? '';
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
// The profiled bundle's own lines: another build's modules sit at other lines than dist/node.js's.
const bundle = readFileSync(bundlePath, 'utf8').split('\n');
const moduleAt: string[] = [];
let current = 'dist/node.js';
for (const [i, line] of bundle.entries()) {
  // A build in a git worktree with node_modules linked names them by their real path (`../../main/node_modules/...`).
  const m = /^\/\/ (?:(?:\.\.\/)+[^/]+\/)?((?:node_modules\/(?:@[^/]+\/)?[^/]+)|src\/[^/]+|views)/.exec(line);
  if (m?.[1]) current = m[1];
  moduleAt[i] = current;
}
const self = new Map<number, number>();
for (const [i, id] of profile.samples.entries()) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
const byPackage = new Map<string, number>();
const byFunction = new Map<string, number>();
let total = 0;
for (const node of profile.nodes) {
  const us = self.get(node.id) ?? 0;
  const { functionName, url, lineNumber } = node.callFrame;
  total += us;
  const where = url.endsWith(bundlePath)
    ? `bundle: ${moduleAt[lineNumber]}`
    : url.includes('node_modules/')
      ? url.replace(/.*node_modules\/((?:@[^/]+\/)?[^/]+).*/, '$1')
      : url.startsWith('node:')
        ? `node:${url.slice(5).split('/').slice(0, 2).join('/')}`
        : functionName;
  byPackage.set(where, (byPackage.get(where) ?? 0) + us);
  const name = `${functionName || '(anonymous)'}  ${where}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + us);
}
const top = (m: Map<string, number>, n: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, us]) => `${((us / total) * 100).toFixed(1).padStart(5)}%  ${k}`)
    .join('\n');
console.log(
  `Self time by package (${(total / 1e6).toFixed(1)} s of samples, start-up included):\n${top(byPackage, 14)}`,
);
console.log(`\nBy function:\n${top(byFunction, 20)}`);
rmSync(dir, { recursive: true, force: true });
rmSync(dirname(dbFile), { recursive: true, force: true });
