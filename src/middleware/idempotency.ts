import type { MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  claimIdempotencyKey,
  type IdempotencyScope,
  releaseIdempotencyKey,
  storeIdempotentResponse,
} from '../db/idempotency';
import { ProblemError, problemMediaType } from '../http/problem';
import type { ApiEnv } from './api-auth';

/** What a client may send as a key: printable ASCII, as the IETF draft's examples (UUIDs, random strings). */
const keyPattern = /^[\x21-\x7e]{1,255}$/;

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * `Idempotency-Key` (draft-ietf-httpapi-idempotency-key-header) for a change: a client that lost
 * the answer retries with the same key and gets the first answer, never a second invitation. The
 * key belongs to the API key that sent it, for 24 hours. The same key with another method, path
 * or body is refused (422); while the first request still runs, a repeat gets 409. Answers of ours
 * that a retry should not see again (5xx, 429) are not kept, so the retry runs anew.
 */
export const idempotent = (): MiddlewareHandler<ApiEnv> => async (c, next) => {
  const key = c.req.header('Idempotency-Key');
  if (key === undefined) return next();
  if (!keyPattern.test(key))
    throw new ProblemError({
      status: 400,
      detail: 'Idempotency-Key must be 1 to 255 printable ASCII characters, such as a UUID.',
    });
  const { db, clock } = c.get('deps');
  const scope: IdempotencyScope = { orgId: c.get('apiOrgId'), apiKeyId: c.get('apiKey').id, key };
  const fingerprint = await sha256Hex(`${c.req.method} ${c.req.path}\n${await c.req.text()}`);
  const claim = await claimIdempotencyKey(db, scope, fingerprint, clock());
  if (claim.kind === 'mismatch')
    throw new ProblemError({
      status: 422,
      type: 'idempotency-key-reused',
      detail: `The Idempotency-Key "${key}" was sent with a different request in the last 24 hours. Use a new key for a new request.`,
    });
  if (claim.kind === 'in-progress')
    throw new ProblemError({
      status: 409,
      type: 'idempotency-key-in-use',
      detail: `The first request with the Idempotency-Key "${key}" is still being processed. Retry in a few seconds.`,
    });
  if (claim.kind === 'replay') {
    c.header('Idempotent-Replayed', 'true');
    c.header('Cache-Control', 'no-store');
    const type = claim.status >= 400 ? problemMediaType : 'application/json';
    return c.body(claim.body, claim.status as ContentfulStatusCode, { 'Content-Type': type });
  }
  await next();
  const status = c.res.status;
  if (status >= 500 || status === 429) await releaseIdempotencyKey(db, scope);
  else await storeIdempotentResponse(db, scope, status, await c.res.clone().text());
};
