/** Child processes for the benchmark: the real server and the baseline, on loopback, with /proc readings. */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** What bench/seed.ts writes: the keys the server must sign with, and one token per invitation. */
export interface Seed {
  signingKeys: string;
  assessmentId: string;
  tokens: string[];
}

/** The seeded template database and its tokens; every part copies the template. */
export interface Bench {
  template: string;
  seed: Seed;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

export interface Proc {
  child: ChildProcess;
  pid: number;
  origin: string;
  output: () => string;
  /** Resident set size in MB, from /proc/<pid>/status. */
  rssMb: () => number;
  /** CPU time (user + system) in ms so far, from /proc/<pid>/stat. */
  cpuMs: () => number;
  /** The same for the main thread alone (the event loop), from /proc/<pid>/task/<pid>/stat. */
  mainThreadCpuMs: () => number;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
}

/** Spawns `node <args>` with `env`, waits for `ready` in its output (30 s at most). */
export async function spawnNode(args: string[], env: Record<string, string>, ready: string, port: number) {
  let output = '';
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const deadline = Date.now() + 30_000;
  while (!output.includes(ready)) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited: ${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${args.join(' ')} did not start: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const pid = child.pid ?? 0;
  const proc: Proc = {
    child,
    pid,
    origin: `http://127.0.0.1:${port}`,
    output: () => output,
    rssMb: () => {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      return Number(kb ?? 0) / 1024;
    },
    cpuMs: () => cpuMsIn(`/proc/${pid}/stat`),
    mainThreadCpuMs: () => cpuMsIn(`/proc/${pid}/task/${pid}/stat`),
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
  };
  return proc;
}

/** User + system CPU time in ms from a /proc stat file (ticks of 10 ms). */
function cpuMsIn(statFile: string): number {
  // Fields after the ")" of the command name: utime and stime are the 12th and 13th.
  const stat = readFileSync(statFile, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU time the whole machine has spent busy (all cores, all processes), in ms, from /proc/stat. */
export function machineBusyMs(): number {
  const [user, nice, system, , , irq, softirq, steal] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) * 10;
}

/**
 * Waits (at most `maxWaitMs`) until the rest of the machine uses less than `thresholdPercent` of
 * one core over a second: other work on the two cores would otherwise be measured as our slowness.
 */
export async function waitForQuiet(maxWaitMs = 30_000, thresholdPercent = 30) {
  const start = performance.now();
  for (;;) {
    const before = machineBusyMs();
    await new Promise((r) => setTimeout(r, 1000));
    const busyPercent = Math.round((machineBusyMs() - before) / 10);
    const waitedMs = Math.round(performance.now() - start);
    if (busyPercent < thresholdPercent || waitedMs >= maxWaitMs) return { busyPercent, waitedMs };
  }
}

/**
 * CPU use over a stretch of time, in % of one core: the server, this process (the load
 * generator) and everything else on the machine (other work competing for the two cores).
 */
export function cpuMeter(server: Proc) {
  const from = { at: performance.now(), server: server.cpuMs(), load: process.cpuUsage(), machine: machineBusyMs() };
  return () => {
    const ms = performance.now() - from.at;
    const serverMs = server.cpuMs() - from.server;
    const load = process.cpuUsage(from.load);
    const loadMs = (load.user + load.system) / 1000;
    const pct = (x: number) => Math.round((x / ms) * 100);
    return {
      server: pct(serverMs),
      load: pct(loadMs),
      other: pct(Math.max(0, machineBusyMs() - from.machine - serverMs - loadMs)),
    };
  };
}

/** A private copy of the seeded database in a fresh directory. */
export function copyDb(template: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'skillcheck-bench-'));
  const file = join(dir, 'db.sqlite');
  copyFileSync(template, file);
  return file;
}

/** Removes a database made by copyDb (or any file alone in its temporary directory), with its WAL. */
export function removeDb(file: string) {
  rmSync(dirname(file), { recursive: true, force: true });
}

/**
 * The Node flags `npm start` gives dist/node.js (package.json is where they are set), or those of
 * `BENCH_NODE_FLAGS` (space-separated) to measure others.
 */
export function startFlags(): string[] {
  const override = process.env.BENCH_NODE_FLAGS;
  if (override !== undefined) return override.split(/\s+/).filter(Boolean);
  const start =
    (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.start ?? '';
  return /\bnode ((?:--\S+ )*)dist\/node\.js/.exec(start)?.[1]?.trim().split(/\s+/).filter(Boolean) ?? [];
}

/**
 * The server's settings with every kind of load shedding off: where capacity is measured, a closed
 * loop keeps the event loop late and the in-flight counts high, which would answer 503 to the
 * measured requests.
 */
export const noShedding: Record<string, string> = {
  MAX_LOOP_LAG_MS: '0',
  MAX_IN_FLIGHT: '1000000',
  MAX_IN_FLIGHT_SAVES: '1000000',
};

/** dist/node.js, as `npm start` runs it, on `dbFile` with the seed's signing keys and no request log. */
export async function startSkillcheck(
  dbFile: string,
  signingKeys: string,
  port?: number,
  env: Record<string, string> = {},
) {
  const p = port ?? (await freePort());
  return spawnNode(
    [...startFlags(), resolve(process.env.BENCH_BUNDLE ?? 'dist/node.js')],
    {
      PORT: String(p),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${dbFile}`,
      SIGNING_KEYS: signingKeys,
      LOG_REQUESTS: '0',
      ...env,
    },
    'Skillcheck is running at',
    p,
  );
}

/** bench/baseline-server.tsx: bare Hono, one INSERT or one 5-row read and a page of `pageBytes`. */
export async function startBaseline(dbFile: string, pageBytes: number) {
  const p = await freePort();
  return spawnNode(
    ['--import', 'tsx', resolve('bench/baseline-server.tsx')],
    { PORT: String(p), DATABASE_URL: `file:${dbFile}`, PAGE_BYTES: String(pageBytes) },
    'baseline listening',
    p,
  );
}
