// Builds the deployable Workers bundle without an account (wrangler deploy --dry-run) and prints
// its size, raw and gzipped, as recorded in the README.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import './assets.mjs';

const outdir = process.argv[2] ?? 'dist/worker';
execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--minify', '--outdir', outdir], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
for (const file of readdirSync(outdir).filter((f) => f.endsWith('.js'))) {
  const path = join(outdir, file);
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`${path}: ${kib(statSync(path).size)}, ${kib(gzipSync(readFileSync(path)).length)} gzip`);
}
