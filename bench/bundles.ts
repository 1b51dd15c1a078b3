/**
 * The last part: the deployable Workers' sizes, as `npm run build:worker` builds and prints them
 * (wrangler's own --dry-run --minify build): JavaScript and gzip per Worker. The issue's target
 * is the candidate Worker's gzip, at or under 100 KiB.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface WorkerBundle {
  worker: string;
  kib: number;
  gzipKib: number;
}

export function workerBundles(outdir: string): WorkerBundle[] {
  const printed = execFileSync(process.execPath, ['scripts/build-worker.mjs', join(outdir, 'workers')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // build-worker prints one line per bundle: "<dir>/<worker>/<file>.js: 315.3 KiB, 97.6 KiB gzip".
  return [...printed.matchAll(/\/(\w+)\/[\w-]+\.js: ([\d.]+) KiB, ([\d.]+) KiB gzip/g)].map((m) => ({
    worker: m[1] ?? '',
    kib: Number(m[2]),
    gzipKib: Number(m[3]),
  }));
}
