import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * An error whose message is written for the person who made the request: "there is no assessment
 * at this address", not a stack. Loaders and checks throw it; the app's error handler
 * (src/middleware/errors.tsx) answers it as a page, an htmx fragment or JSON. It is the only
 * error whose message reaches the client: any other HTTPException gets its status's generic text.
 */
export class PublicError extends HTTPException {
  constructor(status: ContentfulStatusCode, message: string, options: { cause?: unknown } = {}) {
    super(status, { message, cause: options.cause });
    this.name = 'PublicError';
  }
}
