// Copies the pinned htmx build into public/static/vendor so it is served from our own origin
// (CSP script-src 'self'), with the graders' WebAssembly and the Web Worker that runs a candidate's
// visible tests in the browser (src/grading/browser/worker.ts) and the code editor
// (src/browser/code-editor.ts), both bundled here. Run by start, dev,
// build:worker and the test setup; the copies are not committed.
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
mkdirSync(`${root}public/static/vendor`, { recursive: true });
copyFileSync(`${root}node_modules/htmx.org/dist/htmx.min.js`, `${root}public/static/vendor/htmx.min.js`);
copyFileSync(
  `${root}node_modules/@jitl/quickjs-wasmfile-release-sync/dist/emscripten-module.wasm`,
  `${root}public/static/vendor/quickjs.wasm`,
);
copyFileSync(`${root}node_modules/sql.js/dist/sql-wasm.wasm`, `${root}public/static/vendor/sql-wasm.wasm`);
for (const [entry, out] of [
  ['src/grading/browser/worker.ts', 'grader-worker.js'],
  ['src/browser/code-editor.ts', 'code-editor.js'],
]) {
  buildSync({
    entryPoints: [`${root}${entry}`],
    outfile: `${root}public/static/vendor/${out}`,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'warning',
  });
}
