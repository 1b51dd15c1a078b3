import { appServing } from './app-shell';
import type { AppDeps } from './deps';
import { accountRoutes } from './routes/account';
import { apiRoutes } from './routes/api';
import { attemptResultRoutes } from './routes/attempt-result';
import { candidateRoutes } from './routes/candidate';
import { joinRoutes } from './routes/join';
import { manageRoutes } from './routes/manage';
import { passwordResetRoutes } from './routes/password-reset';
import { practiceRoutes } from './routes/practice';
import { publicRoutes } from './routes/public';
import { resultsRoutes } from './routes/results';

/**
 * Builds the whole application from its dependencies. No runtime imports, no process.env:
 * src/node.ts and src/worker-app.ts construct `deps` and serve the returned app.
 */
export function createApp(deps: AppDeps) {
  return appServing(deps, (app) => {
    app.route('/', publicRoutes);
    app.route('/', apiRoutes);
    app.route('/', accountRoutes);
    app.route('/', passwordResetRoutes);
    app.route('/', joinRoutes);
    app.route('/', manageRoutes);
    app.route('/', practiceRoutes);
    app.route('/', resultsRoutes);
    app.route('/', attemptResultRoutes);
    app.route('/', candidateRoutes);
  });
}

export type App = ReturnType<typeof createApp>;
