import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';

/** One structured line per request, with the request id that error pages show to users. */
export const requestLog = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const started = performance.now();
  await next();
  const deps = c.get('deps');
  deps.log({
    level: c.res.status >= 500 ? 'error' : 'info',
    msg: 'request',
    id: c.get('requestId'),
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    ms: Math.round((performance.now() - started) * 10) / 10,
  });
};
