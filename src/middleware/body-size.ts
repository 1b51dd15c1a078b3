import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../env';
import { errorResponse } from './errors';

/**
 * Refuses bodies over `maxBytes` with 413. A request that declares its length (every form a
 * browser posts) is judged by that header, and one without a body (GET, HEAD) passes untouched;
 * only a chunked body is counted as it streams, by Hono's bodyLimit.
 *
 * Why not bodyLimit alone: its first step reads `c.req.raw.body`, which on Node makes
 * @hono/node-server build a full Web Request with a stream over the socket for every request,
 * pages included, and sends the form read down the stream path instead of its direct one. That was
 * about a sixth of a save's CPU (undici's Request and Headers, web streams) in the profile.
 */
export const bodySizeLimit = (maxBytes: number): MiddlewareHandler<AppEnv> => {
  const streamed = bodyLimit({ maxSize: maxBytes, onError: (c) => errorResponse(c, 413) });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const declared = c.req.header('Content-Length');
    if (declared !== undefined && c.req.header('Transfer-Encoding') === undefined) {
      return Number(declared) > maxBytes ? errorResponse(c, 413) : next();
    }
    return streamed(c, next);
  };
};
