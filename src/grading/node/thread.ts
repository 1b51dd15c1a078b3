/**
 * The worker thread that grades on Node (src/grading/node/pool.ts starts it): compiles both
 * engines once, then grades each task it is sent, posting every test's result as it is known
 * and the whole grading at the end. The pool kills the thread when a test overruns its limit.
 */
import { parentPort } from 'node:worker_threads';
import { enginesFrom } from '../engines';
import { gradeWith } from '../grade';
import type { GradingTask } from '../types';
import { loadWasmModules } from './wasm-modules';

const port = parentPort;
if (!port) throw new Error('src/grading/node/thread.ts runs as a worker thread');
const engines = enginesFrom(await loadWasmModules());
const now = () => performance.now();

port.on('message', async (task: GradingTask) => {
  const grading = await gradeWith(engines, task, now, (result) => port.postMessage({ kind: 'test', result }));
  port.postMessage({ kind: 'done', grading });
});
port.postMessage({ kind: 'ready' });
