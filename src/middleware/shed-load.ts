import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { wantsFragment } from '../http/request-kind';
import { errorResponse } from './errors';

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
 * (bench part 5: not one refusal at a limit of 64 while saves waited 12 s). See `shedWhenBehind`.
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
 * While the runtime runs behind (on Node, the event loop running late: src/http/loop-lag.ts),
 * refuse what htmx posts, above all the test page's saves, which resend themselves after
 * Retry-After. A person pressing Start or opening a page would get a busy page and have to try
 * again, and is better served by waiting (bench part 2: 29 of 500 synchronized starts refused).
 *
 * This runs first, before the request id, the request log and the security headers, and answers
 * with the same prepared fragment each time: a refusal exists to save CPU, and at 1.5 times
 * capacity the refusals built like any other response kept the loop late by themselves (bench
 * part 5). Refusals are logged as a count, at most once per `summaryEveryMs`.
 */
export const shedWhenBehind = (
  behind: (() => boolean) | undefined,
  summaryEveryMs = 10_000,
): MiddlewareHandler<AppEnv> => {
  if (!behind) return (_c, next) => next();
  let refused = 0;
  let loggedAt = Number.NEGATIVE_INFINITY;
  return async (c, next) => {
    if (c.req.method !== 'POST' || !wantsFragment(c) || c.req.path === '/healthz' || !behind()) return next();
    refused++;
    const deps = c.get('deps');
    const now = deps.clock();
    if (now - loggedAt >= summaryEveryMs) {
      deps.log({ level: 'warn', msg: 'refused saves while the event loop ran late', refused });
      loggedAt = now;
      refused = 0;
    }
    return new Response(busyFragment, { status: 503, headers: busyHeaders });
  };
};

const busyFragment = `<div class="alert alert-error" role="alert"><strong>Unavailable.</strong> ${busyMessage}</div>`;

/** What securityHeaders would send, for a fragment that loads nothing. */
const busyHeaders = {
  'Content-Type': 'text/html; charset=UTF-8',
  'Retry-After': '2',
  'Cache-Control': 'no-store',
  Vary: 'HX-Request-Type',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
