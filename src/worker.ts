/**
 * The candidate Worker (wrangler.toml), the one the public address reaches. It serves what a
 * person taking a test uses (src/routes/candidate) from a bundle without the rest of the app,
 * so an isolate starting cold for a candidate loads under a third of the code, and hands every
 * other request, unchanged, to the app Worker (src/worker-app.ts) through the APP service
 * binding. Code and SQL answers are graded by the app Worker's Grader (GRADER binding, RPC).
 * Static files are served by wrangler [assets] before either Worker runs.
 */
import { createCandidateApp, isCandidateRequest } from './candidate-app';
import type { Grade } from './grading/types';
import { unconfiguredApp } from './http/unconfigured';
import type { Grader } from './worker-app';
import { depsFor, log, oncePerEnv, type WorkerEnv } from './worker-deps';

export interface Env extends WorkerEnv {
  APP?: Fetcher;
  GRADER?: Service<Grader>;
}

const appMissing =
  'The APP service binding is missing: deploy the app Worker first (`npx wrangler deploy -c wrangler.app.toml`), and keep [[services]] APP and GRADER in wrangler.toml pointing at its name.';

const appFor = oncePerEnv(async (env: Env) => {
  const grader = env.GRADER;
  const grade: Grade | undefined = grader && ((task) => grader.grade(task));
  const deps = await depsFor(env, grade, env.APP && env.GRADER ? [] : [appMissing]);
  if ('problems' in deps) return { configured: false, app: unconfiguredApp(deps.problems, log) };
  return { configured: true, app: createCandidateApp(deps) };
});

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const { configured, app } = await appFor(env);
    // Unconfigured, this Worker answers everything itself: its page names what is missing here.
    if (configured && env.APP && !isCandidateRequest(request.method, new URL(request.url).pathname)) {
      return env.APP.fetch(request);
    }
    return app.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env>;
