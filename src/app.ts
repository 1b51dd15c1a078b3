import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { AppDeps } from './deps';
import type { AppEnv } from './env';
import { bodySizeLimit } from './middleware/body-size';
import { onError, onNotFound } from './middleware/errors';
import { requestLog } from './middleware/logger';
import { multipartBody } from './middleware/multipart';
import { pageRenderer } from './middleware/renderer';
import { csrfProtection, securityHeaders } from './middleware/security';
import { shedLoad } from './middleware/shed-load';
import { accountRoutes } from './routes/account';
import { apiRoutes } from './routes/api';
import { attemptRoutes } from './routes/attempt';
import { inviteRoutes } from './routes/invite';
import { joinRoutes } from './routes/join';
import { manageRoutes } from './routes/manage';
import { passwordResetRoutes } from './routes/password-reset';
import { practiceRoutes } from './routes/practice';
import { publicRoutes } from './routes/public';
import { resultsRoutes } from './routes/results';

/** Forms and answer saves are small; CSV uploads of candidate lists are the largest input. */
const maxBodyBytes = 1024 * 1024;

/**
 * Builds the whole application from its dependencies. No runtime imports, no process.env:
 * src/node.ts and src/worker.ts construct `deps` and serve the returned app.
 */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use(requestId({ limitLength: 64 }));
  app.use(requestLog());
  app.use(shedLoad(deps.settings.maxInFlight));
  app.use(securityHeaders());
  app.use(pageRenderer());
  app.use(csrfProtection());
  app.use(bodySizeLimit(maxBodyBytes));
  app.use(multipartBody());

  app.route('/', publicRoutes);
  app.route('/', apiRoutes);
  app.route('/', accountRoutes);
  app.route('/', passwordResetRoutes);
  app.route('/', inviteRoutes);
  app.route('/', joinRoutes);
  app.route('/', manageRoutes);
  app.route('/', practiceRoutes);
  app.route('/', resultsRoutes);
  app.route('/', attemptRoutes);

  app.onError(onError);
  app.notFound(onNotFound);
  return app;
}

export type App = ReturnType<typeof createApp>;
