/**
 * The whole app as a Cloudflare Worker (wrangler.app.toml), over remote libSQL (DATABASE_URL
 * secret) or a D1 binding (DB). It is reached through the candidate Worker (src/worker.ts), which
 * hands it every request that is not a candidate's and asks its Grader to grade code answers;
 * deployed alone, it serves everything. It also runs the cron jobs.
 */
import { WorkerEntrypoint } from 'cloudflare:workers';
import sqlite from 'sql.js/dist/sql-wasm.wasm';
// The grading engines' WebAssembly, compiled by wrangler as modules. QuickJS's by path: its package
// exports it only as "./wasm", a name wrangler's .wasm rule does not match.
import quickjs from '../node_modules/@jitl/quickjs-wasmfile-release-sync/dist/emscripten-module.wasm';
import { createApp } from './app';
import { inRequestGrader } from './grading/in-request';
import type { GradingTask } from './grading/types';
import { unconfiguredApp } from './http/unconfigured';
import { runScheduledJobs } from './jobs';
import { depsFor, log, oncePerEnv, type WorkerEnv } from './worker-deps';

// The engines are instantiated per grading; this only keeps the compiled modules at hand.
const grade = inRequestGrader({ quickjs, sqlite });

const appFor = oncePerEnv(async (env: WorkerEnv) => {
  const deps = await depsFor(env, grade);
  return 'problems' in deps ? unconfiguredApp(deps.problems, log) : createApp(deps);
});

/**
 * Grades code and SQL answers for the candidate Worker, through its GRADER service binding (RPC),
 * so that the graders' glue stays out of the candidate's bundle.
 */
export class Grader extends WorkerEntrypoint<WorkerEnv> {
  grade(task: GradingTask) {
    return grade(task);
  }
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    const app = await appFor(env);
    return app.fetch(request, env, ctx);
  },

  async scheduled(_controller: ScheduledController, env: WorkerEnv, ctx: ExecutionContext): Promise<void> {
    const deps = await depsFor(env, grade);
    if ('problems' in deps) {
      log({ level: 'error', msg: 'not configured: scheduled jobs skipped', problems: deps.problems });
      return;
    }
    ctx.waitUntil(runScheduledJobs(deps));
  },
} satisfies ExportedHandler<WorkerEnv>;
