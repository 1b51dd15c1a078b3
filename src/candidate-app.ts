import { appServing } from './app-shell';
import type { AppDeps } from './deps';
import { candidateRoutes } from './routes/candidate';

/**
 * The candidate's part of the app (src/routes/candidate) with the same middleware and error
 * pages as the whole app: what the candidate Worker (src/worker.ts) serves, in a bundle without
 * the manager pages, the API, the result pages, the Markdown compiler or the graders.
 */
export function createCandidateApp(deps: AppDeps) {
  return appServing(deps, (app) => {
    app.route('/', candidateRoutes);
  });
}

/**
 * Whether the candidate routes answer this method and path (HEAD as GET, as Hono does). They
 * carry no middleware of their own, so any match is a route.
 */
export function isCandidateRequest(method: string, pathname: string): boolean {
  const [handlers] = candidateRoutes.router.match(method === 'HEAD' ? 'GET' : method, pathname);
  return handlers.length > 0;
}
