import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { errorResponse } from './errors';
import { fixedSecurityHeaders } from './security';

const busyMessage = 'The service is busy right now. Your answer is kept and will be sent again in a moment.';

/**
 * Past a number of requests in flight, answer at once with 503 and Retry-After instead of
 * queueing: the embedded database runs on the event loop, so a queue past capacity only grows
 * until clients time out. The test page's save queue keeps the answer and retries with backoff,
 * which lowers the offered load instead of piling onto it. Health checks are never shed.
 * The counter belongs to this app instance (a process or an isolate), not to any request.
 *
 * With the embedded database a request runs almost to its end without waiting, so the count
 * stays low while the queue forms before the app, in sockets the event loop has not read yet
 * (bench part 5: not one refusal at a limit of 64 while saves waited 12 s), which is why the
 * Node server also refuses while its event loop runs late (src/http/refuse-when-behind.ts).
 */
export const shedLoad = (maxInFlight: number): MiddlewareHandler<AppEnv> => {
  let inFlight = 0;
  return async (c, next) => {
    if (inFlight >= maxInFlight && c.req.path !== '/healthz') {
      c.header('Retry-After', '2');
      return errorResponse(c, 503, busyMessage);
    }
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
    }
  };
};

/**
 * The refusal the Node server sends while its event loop runs late (src/http/refuse-when-behind.ts),
 * prepared once: the fragment errorResponse would render, and what securityHeaders would send for a
 * fragment that loads nothing.
 */
export const busyRefusal = {
  body: `<div class="alert alert-error" role="alert"><strong>Unavailable.</strong> ${busyMessage}</div>`,
  headers: {
    'Content-Type': 'text/html; charset=UTF-8',
    'Retry-After': '2',
    'Cache-Control': 'no-store',
    Vary: 'HX-Request-Type',
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    'Strict-Transport-Security': fixedSecurityHeaders.strictTransportSecurity,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': fixedSecurityHeaders.xFrameOptions,
    'Referrer-Policy': fixedSecurityHeaders.referrerPolicy,
    'Cross-Origin-Resource-Policy': fixedSecurityHeaders.crossOriginResourcePolicy,
  },
};
