import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { wantsFragment } from '../http/request-kind';
import { errorResponse } from './errors';

/**
 * Past a number of requests in flight, answer at once with 503 and Retry-After instead of
 * queueing: the embedded database runs on the event loop, so a queue past capacity only grows
 * until clients time out. The test page's save queue keeps the answer and retries with backoff,
 * which lowers the offered load instead of piling onto it. Health checks are never shed.
 * The counter belongs to this app instance (a process or an isolate), not to any request.
 *
 * With the embedded database a request runs almost to its end without waiting, so the count
 * stays low while the queue forms before the app, in sockets the event loop has not read yet
 * (bench part 5: not one refusal at a limit of 64 while saves waited 12 s). `behind` is the
 * runtime's view of that queue: on Node, the event loop running late (src/http/loop-lag.ts).
 * Lag sheds only what htmx posts, above all the test page's saves, which resend themselves after
 * Retry-After: a person pressing Start or opening a page would get a busy page and have to try
 * again, and is better served by waiting (bench part 2: 29 of 500 synchronized starts refused).
 */
export const shedLoad = (maxInFlight: number, behind: () => boolean = () => false): MiddlewareHandler<AppEnv> => {
  let inFlight = 0;
  return async (c, next) => {
    const resent = c.req.method === 'POST' && wantsFragment(c);
    if ((inFlight >= maxInFlight || (resent && behind())) && c.req.path !== '/healthz') {
      c.header('Retry-After', '2');
      return errorResponse(
        c,
        503,
        'The service is busy right now. Your answer is kept and will be sent again in a moment.',
      );
    }
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
    }
  };
};
