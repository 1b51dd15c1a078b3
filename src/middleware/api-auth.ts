import type { MiddlewareHandler } from 'hono';
import { hashApiKey } from '../auth/api-key';
import { organizationOfKey, touchApiKey } from '../db/api-keys';
import type { AppEnv } from '../env';
import { errorResponse } from './errors';

export type ApiEnv = AppEnv & { Variables: { apiOrgId: string } };

/** Bearer API keys for /api/v1: the key decides the organization every query is scoped to. */
export const requireApiKey = (): MiddlewareHandler<ApiEnv> => async (c, next) => {
  const header = c.req.header('Authorization') ?? '';
  const match = /^Bearer\s+(\S{10,200})$/i.exec(header);
  if (!match?.[1]) {
    c.header('WWW-Authenticate', 'Bearer realm="skillcheck"');
    return errorResponse(
      c,
      401,
      'Send an API key as "Authorization: Bearer <key>". Keys are created under Settings > API keys.',
    );
  }
  const { db, clock } = c.get('deps');
  const key = await organizationOfKey(db, await hashApiKey(match[1]));
  if (!key) {
    c.header('WWW-Authenticate', 'Bearer realm="skillcheck", error="invalid_token"');
    return errorResponse(c, 401, 'This API key is not valid or was revoked.');
  }
  await touchApiKey(db, key.id, clock());
  c.set('apiOrgId', key.orgId);
  await next();
};
