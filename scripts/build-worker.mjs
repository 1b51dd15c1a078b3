// Builds both deployable Workers without an account (wrangler deploy --dry-run) and prints their
// sizes, raw and gzipped, as recorded in the README: the candidate Worker (wrangler.toml) into
// <outdir>/candidate, the app Worker (wrangler.app.toml) into <outdir>/app.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import './assets.mjs';

const outdir = process.argv[2] ?? 'dist/worker';
const workers = [
  ['candidate', 'wrangler.toml'],
  ['app', 'wrangler.app.toml'],
];
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
for (const [name, config] of workers) {
  const dir = join(outdir, name);
  execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--minify', '-c', config, '--outdir', dir], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const path = join(dir, file);
    console.log(`${path}: ${kib(statSync(path).size)}, ${kib(gzipSync(readFileSync(path)).length)} gzip`);
  }
}
