import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../env';
import { PublicError } from '../http/public-error';

const unreadable =
  'This form could not be read: the upload arrived incomplete or malformed. Reload the page and send it again.';

/**
 * Parses a multipart body once, before any route reads it: a malformed one (a bad boundary, a
 * truncated part) is then the client's 400 with a message, not a TypeError deep inside a handler
 * answered as our 500. Routes read the parsed form from Hono's body cache at no extra cost.
 * Url-encoded bodies need nothing here: any text is a valid one. A read that failed because the
 * client went away is left to the error handler, which knows that case.
 */
export const multipartBody = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const mediaType = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType === 'multipart/form-data' && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    try {
      await c.req.parseBody({ all: true });
    } catch (err) {
      if (c.req.raw.signal?.aborted || err instanceof HTTPException) throw err;
      throw new PublicError(400, unreadable, { cause: err });
    }
  }
  await next();
};
