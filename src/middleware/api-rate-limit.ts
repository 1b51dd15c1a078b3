import type { MiddlewareHandler } from 'hono';
import type { Bucket } from '../auth/throttle';
import { takeSlots } from '../db/throttle';
import { ProblemError } from '../http/problem';
import type { ApiEnv } from './api-auth';

/**
 * Changes per API key and minute. Every change may email candidates, so a leaked key or a runaway
 * integration loop is held to this pace; reads are not counted (they stay one database read).
 * A batch counts once: 120 batches of 500 invitations is plenty for any hiring team.
 */
export const apiWritesPerMinute = 120;

const bucketOf = (keyId: string): Bucket => ({
  key: `api-write:${keyId}`,
  account: null,
  limit: { max: apiWritesPerMinute, windowMs: 60_000 },
  clearedBySuccess: false,
});

/** Takes a slot for each change (any method but GET and HEAD), or answers 429 with Retry-After. */
export const limitApiWrites = (): MiddlewareHandler<ApiEnv> => async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
  const { db, clock } = c.get('deps');
  const outcome = await takeSlots(db, [bucketOf(c.get('apiKey').id)], clock());
  if (!outcome.ok) {
    const seconds = Math.ceil(outcome.retryAfterMs / 1000);
    c.header('Retry-After', String(seconds));
    throw new ProblemError({
      status: 429,
      detail: `This API key made ${apiWritesPerMinute} changes within a minute. Try again in ${seconds} seconds.`,
    });
  }
  await next();
};
