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

/** Forms and answer saves are small; CSV uploads of candidate lists are the largest input. */
const maxBodyBytes = 1024 * 1024;

/**
 * An app serving the routes `mount` adds, behind the middleware every request passes (request id, log, load
 * shedding, security headers, page renderer, CSRF, body limits) and our error pages. The whole
 * app (src/app.ts) and the candidate's part of it (src/candidate-app.ts) are both built here,
 * so a request is handled the same whichever of the two serves it.
 */
export function appServing(deps: AppDeps, mount: (app: Hono<AppEnv>) => void) {
  const app = new Hono<AppEnv>();

  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use(requestId({ limitLength: 64 }));
  app.use(requestLog());
  app.use(shedLoad(deps.settings));
  app.use(securityHeaders());
  app.use(pageRenderer());
  app.use(csrfProtection());
  app.use(bodySizeLimit(maxBodyBytes));
  app.use(multipartBody());

  mount(app);

  app.onError(onError);
  app.notFound(onNotFound);
  return app;
}
