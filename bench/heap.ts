/**
 * Part 6: what the server's memory is made of with N candidates saving. A V8 heap snapshot is
 * taken in the server (Node's --heapsnapshot-signal, so no debugging endpoint exists in the app)
 * after a window of saves, and summarized by what holds the bytes; /proc gives the resident set
 * split into anonymous memory (heaps, native allocations such as SQLite's page cache) and mapped
 * files (the node binary and shared libraries).
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'undici';
import { startCandidates } from './candidate';
import { type Bench, copyDb, removeDb, startSkillcheck } from './proc';
import { step } from './save-steps';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** Self size by what a node is: objects by constructor name, everything else by V8's node type. */
export function heapSummary(snapshotJson: string, top = 12) {
  const { snapshot, nodes, strings } = JSON.parse(snapshotJson) as Snapshot;
  const fields = snapshot.meta.node_fields;
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const types = snapshot.meta.node_types[0];
  const groups = new Map<string, { bytes: number; count: number }>();
  let total = 0;
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + typeAt] ?? 0] ?? 'unknown';
    const size = nodes[i + sizeAt] ?? 0;
    const key = type === 'object' ? `${strings[nodes[i + nameAt] ?? 0] ?? '?'}` : `(${type})`;
    const group = groups.get(key) ?? { bytes: 0, count: 0 };
    group.bytes += size;
    group.count++;
    groups.set(key, group);
    total += size;
  }
  const mb = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;
  const rows = [...groups.entries()]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .slice(0, top)
    .map(([name, g]) => ({ name, mb: mb(g.bytes), count: g.count }));
  return { totalMb: mb(total), rows };
}

function procMemory(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  const mb = (k: number) => Math.round(k / 102.4) / 10;
  return { rssMb: mb(kb('VmRSS')), anonMb: mb(kb('RssAnon')), fileMb: mb(kb('RssFile')) };
}

export async function memoryAtLoad(bench: Bench, { candidates: n = 2000, warmupMs = 3000, windowMs = 15_000 } = {}) {
  const dbFile = copyDb(bench.template);
  const dir = join(dbFile, '..');
  const server = await startSkillcheck(dbFile, bench.seed.signingKeys, undefined, {
    NODE_OPTIONS: `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${dir}`,
  });
  const pool = new Pool(server.origin, { connections: 1024, keepAliveTimeout: 30_000 });
  try {
    const ready = procMemory(server.pid);
    const candidates = await startCandidates(pool, server.origin, dbFile, bench.seed.tokens.slice(0, n));
    const saves = await step(() => pool, server, candidates, warmupMs, windowMs);
    const loaded = procMemory(server.pid);
    server.child.kill('SIGUSR2');
    let file = '';
    for (let waited = 0; !file && waited < 120_000; waited += 500) {
      await new Promise((r) => setTimeout(r, 500));
      const name = readdirSync(dir).find((f) => f.endsWith('.heapsnapshot'));
      // The file is complete once its size stops changing.
      if (name) {
        const path = join(dir, name);
        const size = readFileSync(path).length;
        await new Promise((r) => setTimeout(r, 1000));
        if (readFileSync(path).length === size && size > 0) file = path;
      }
    }
    if (!file) throw new Error('no heap snapshot was written');
    const heap = heapSummary(readFileSync(file, 'utf8'));
    rmSync(file);
    return { candidates: n, ready, loaded, heap, savesP99: saves.latency.p99 };
  } finally {
    await pool.close();
    await server.kill();
    removeDb(dbFile);
  }
}
