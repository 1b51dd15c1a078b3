import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { isResendable } from '../http/request-kind';
import { errorResponse } from './errors';
import { fixedSecurityHeaders } from './security';

const busyMessage = 'The service is busy right now. Your answer is kept and will be sent again in a moment.';

/** How many requests may be in flight before a new one is refused. */
export interface InFlightLimits {
  /** Any request (health checks excepted). */
  maxInFlight: number;
  /** A request the test page resends by itself (src/http/request-kind.ts `isResendable`): a save, above all. */
  maxInFlightSaves: number;
}

/**
 * Past a number of requests in flight, answer at once with 503 and Retry-After instead of
 * queueing: a queue past capacity only grows until clients time out. The test page's save queue
 * keeps the answer and retries with backoff, which lowers the offered load instead of piling onto
 * it, so saves are refused first, at a lower count, and pages and starts only at the higher one.
 * Health checks are never shed. The counter belongs to this app instance (a process or an
 * isolate), not to any request.
 *
 * On Node the embedded database runs on a thread of its own and a request waits for it in
 * flight, so the count sees the queue (bench/README.md, "Runs 21-23"). At 1.5 times capacity, saves
 * refused past 64 or 128 in flight were answered at p50 8-29 ms with no timeout, where past 256
 * or 1,024 they waited 2-3 s and thousands timed out. But a pause of a few tens of milliseconds
 * (a collection, a checkpoint) also lifts the count, and at 8,000 candidates, a load the server
 * carries at p99 45 ms, 64 refused 565 saves and 128 refused 7: hence 128. Refusing only once the
 * count had held for 100 ms spared the pauses and lost the overload (the count falls below the
 * limit again and again while the queue waits in sockets). That queue, in sockets the event loop
 * has not read yet, is the loop lag's to see (src/http/refuse-when-behind.ts).
 */
export const shedLoad = ({ maxInFlight, maxInFlightSaves }: InFlightLimits): MiddlewareHandler<AppEnv> => {
  let inFlight = 0;
  return async (c, next) => {
    const resendable = isResendable(c.req.method, c.req.header('hx-request-type'), c.req.path);
    const limit = resendable ? Math.min(maxInFlightSaves, maxInFlight) : maxInFlight;
    if (inFlight >= limit && c.req.path !== '/healthz') {
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
