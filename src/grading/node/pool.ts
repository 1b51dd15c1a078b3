/**
 * Grading on Node in worker threads, so a candidate's code never runs on the event loop that
 * answers saves. At most `size` threads grade at once; more tasks wait in a queue. Each test has
 * a hard wall-clock limit (its own limit plus `graceMs`): QuickJS's interrupt handler is not
 * reached inside one huge allocation (`new Array(1e8) + ''` ran 4-5 s past a 1 s limit), so an
 * overrunning thread is terminated, that test fails as "stopped", and the grading resumes with
 * the next test in a fresh thread. `resourceLimits` caps each thread's JavaScript heap.
 */
import { Worker } from 'node:worker_threads';
import { failedGrading, type Grade, type Grading, type GradingTask, type TestResult } from '../types';

export interface GradingPoolOptions {
  /** Threads grading at once (each busy with one task). */
  size?: number;
  /** Added to each test's limit before the thread is killed: thread start, engine load, the reference query. */
  graceMs?: number;
  /** V8 heap of a thread, in MB; the engines' WebAssembly memory is capped by QuickJS and the SQL row budget. */
  heapMb?: number;
}

export interface GradingPool {
  grade: Grade;
  close(): Promise<void>;
}

type Message = { kind: 'ready' } | { kind: 'test'; result: TestResult } | { kind: 'done'; grading: Grading };
type PartOutcome = { finished: true; error: string | null } | { finished: false; error: string };

// Under tsx and vitest this file is TypeScript; bundled (scripts/build-node.mjs) it sits in dist/ beside grading-thread.js.
const threadUrl = import.meta.url.endsWith('.ts')
  ? new URL('./thread.ts', import.meta.url)
  : new URL('./grading-thread.js', import.meta.url);
const threadArgv = import.meta.url.endsWith('.ts') ? ['--import', 'tsx'] : [];

export function createGradingPool(options: GradingPoolOptions = {}): GradingPool {
  const size = options.size ?? 2;
  const graceMs = options.graceMs ?? 1500;
  const heapMb = options.heapMb ?? 64;
  const queue: (() => void)[] = [];
  const running = new Set<Worker>();
  let busy = 0;
  let closed = false;

  const slot = () =>
    new Promise<void>((resolve) => {
      if (busy < size) {
        busy++;
        resolve();
      } else queue.push(resolve);
    });
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else busy--;
  };

  /** Runs the tests from `task.tests` on one thread until they are done or one overruns. */
  const runPart = (task: GradingTask, onResult: (r: TestResult) => void) =>
    new Promise<PartOutcome>((resolve) => {
      const worker = new Worker(threadUrl, {
        execArgv: threadArgv,
        resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 16 },
      });
      running.add(worker);
      // Per test: both queries for SQL, the candidate's run for code.
      const perTest = task.limits.timeMs * (task.kind === 'sql' ? 2 : 1) + graceMs;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let settled = false;
      const finish = (outcome: PartOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        running.delete(worker);
        void worker.terminate();
        resolve(outcome);
      };
      const arm = (ms: number) => {
        clearTimeout(timer);
        timer = setTimeout(
          () => finish({ finished: false, error: `stopped: over the time limit (${task.limits.timeMs} ms)` }),
          ms,
        );
      };
      arm(perTest + 5000); // thread start and the engines' compilation come first
      worker.on('message', (message: Message) => {
        if (message.kind === 'ready') {
          worker.postMessage(task);
          arm(perTest);
        } else if (message.kind === 'test') {
          onResult(message.result);
          arm(perTest);
        } else finish({ finished: true, error: message.grading.error });
      });
      worker.on('error', (e) =>
        finish({
          finished: false,
          error: /ERR_WORKER_OUT_OF_MEMORY|heap/i.test(`${(e as { code?: string }).code} ${e.message}`)
            ? 'stopped: memory limit exceeded'
            : `stopped: ${e.message}`,
        }),
      );
      worker.on('exit', () => finish({ finished: false, error: 'stopped: the grader exited' }));
    });

  const grade: Grade = async (task) => {
    if (closed) return failedGrading(task.tests, 'the grader is shut down');
    await slot();
    try {
      const results: TestResult[] = [];
      let error: string | null = null;
      while (results.length < task.tests.length) {
        const rest = task.tests.slice(results.length);
        const outcome = await runPart({ ...task, tests: rest } as GradingTask, (r) => results.push(r));
        if (outcome.finished) {
          error = outcome.error;
          break;
        }
        const stopped = task.tests[results.length];
        if (!stopped) break;
        results.push(...failedGrading([stopped], outcome.error).results);
      }
      const passed = results.filter((r) => r.passed).length;
      return { passed, total: task.tests.length, results, error };
    } finally {
      release();
    }
  };

  return {
    grade,
    async close() {
      closed = true;
      await Promise.all([...running].map((w) => w.terminate()));
    },
  };
}
