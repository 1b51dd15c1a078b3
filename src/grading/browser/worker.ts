/**
 * The test page's "Run visible tests", in a Web Worker (built by scripts/assets.mjs into
 * public/static/vendor/grader-worker.js): the same grader and WebAssembly engines as the
 * server, fed only what the page already shows (the examples, the schema and its example rows).
 * The page terminates this worker when a run overruns its limit.
 */
import { enginesFrom } from '../engines';
import { gradeWith } from '../grade';
import type { GradingTask } from '../types';

const compile = (url: string) => WebAssembly.compileStreaming(fetch(url));
const engines = Promise.all([compile('/static/vendor/quickjs.wasm'), compile('/static/vendor/sql-wasm.wasm')]).then(
  ([quickjs, sqlite]) => enginesFrom({ quickjs, sqlite }),
);

self.onmessage = async (event: MessageEvent<GradingTask>) => {
  self.postMessage(await gradeWith(await engines, event.data, () => performance.now()));
};
