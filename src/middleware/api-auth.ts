import type { MiddlewareHandler } from 'hono';
import { hashApiKey } from '../auth/api-key';
import { organizationOfKey, touchApiKey, touchIntervalMs } from '../db/api-keys';
import type { ApiScope } from '../db/schema';
import type { AppEnv } from '../env';
import { ProblemError } from '../http/problem';

export interface ApiCaller {
  /** The api_keys row's id. */
  id: string;
  orgName: string;
  scopes: ApiScope[];
  /** The key itself, for the few places that must authenticate to a partner with it (Greenhouse). */
  secret: string;
}

export type ApiEnv = AppEnv & { Variables: { apiOrgId: string; apiKey: ApiCaller } };

/**
 * The key in an Authorization header: `Bearer <key>`, or HTTP Basic with the key as the username
 * and no password (RFC 7617), which is how Greenhouse and many HTTP tools send a key.
 */
export function keyFromAuthorization(header: string | undefined): string | null {
  const bearer = /^Bearer\s+(\S{10,200})$/i.exec(header ?? '');
  if (bearer?.[1]) return bearer[1];
  const basic = /^Basic\s+([A-Za-z0-9+/=]{4,400})$/i.exec(header ?? '');
  if (!basic?.[1]) return null;
  let decoded: string;
  try {
    decoded = atob(basic[1]);
  } catch {
    return null;
  }
  const username = decoded.split(':')[0] ?? '';
  return username.length >= 10 && username.length <= 200 ? username : null;
}

/**
 * API keys for /api/v1 and the partner endpoints: the key decides the organization every query is
 * scoped to and what the request may do (see requireScope). `challenge` is the scheme a 401 asks
 * for: Bearer for the API, Basic where the partner's documentation says so.
 */
export const requireApiKey =
  (challenge: 'Bearer' | 'Basic' = 'Bearer'): MiddlewareHandler<ApiEnv> =>
  async (c, next) => {
    const secret = keyFromAuthorization(c.req.header('Authorization'));
    const realm = `${challenge} realm="skillcheck"`;
    if (!secret) {
      c.header('WWW-Authenticate', realm);
      throw new ProblemError({
        status: 401,
        detail:
          challenge === 'Bearer'
            ? 'Send an API key as "Authorization: Bearer <key>". Keys are created under Settings > API keys.'
            : 'Send the API key as the username of HTTP Basic authentication, with an empty password. Keys are created under Settings > API keys.',
      });
    }
    const { db, clock } = c.get('deps');
    const key = await organizationOfKey(db, await hashApiKey(secret));
    if (!key) {
      c.header('WWW-Authenticate', challenge === 'Bearer' ? `${realm}, error="invalid_token"` : realm);
      throw new ProblemError({ status: 401, detail: 'This API key is not valid or was revoked.' });
    }
    const now = clock();
    if (key.lastUsedAt === null || key.lastUsedAt <= now - touchIntervalMs) await touchApiKey(db, key.id, now);
    c.set('apiOrgId', key.orgId);
    c.set('apiKey', { id: key.id, orgName: key.orgName, scopes: key.scopes, secret });
    await next();
  };

/** Refuses (403) a key that lacks `scope`; every change needs `write`. */
export const requireScope =
  (scope: ApiScope): MiddlewareHandler<ApiEnv> =>
  async (c, next) => {
    if (!c.get('apiKey').scopes.includes(scope))
      throw new ProblemError({
        status: 403,
        type: 'insufficient-scope',
        detail: `This API key has the scopes ${c
          .get('apiKey')
          .scopes.join(
            ', ',
          )}; this operation needs "${scope}". An admin can create a key with the ${scope} scope under Settings > API keys.`,
      });
    await next();
  };
