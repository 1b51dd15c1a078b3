// Bundles the Node server into one file: it starts faster and idles at far less memory than the
// unbundled ESM graph, which Node 24's loader keeps at about 210-240 MB RSS (importing drizzle-orm
// alone adds 80 MB; bench/README.md has the bundle's figures). Native and platform-specific
// packages stay external.
import { build } from 'esbuild';
import './assets.mjs';

await build({
  // The grading thread (src/grading/node/pool.ts) and the database thread (src/db/embedded-client.ts)
  // are loaded from beside dist/node.js.
  entryPoints: {
    node: 'src/node.ts',
    'grading-thread': 'src/grading/node/thread.ts',
    'db-thread': 'src/db/embedded-thread.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  sourcemap: true,
  // The grading engines load their WebAssembly from node_modules at run time.
  external: ['@libsql/*', 'libsql', '@hono/node-server', '@jitl/*', 'quickjs-emscripten-core', 'sql.js'],
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
