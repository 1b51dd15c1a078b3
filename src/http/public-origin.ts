import type { Context } from 'hono';
import type { AppEnv } from '../env';

/**
 * Where links we hand out point: the configured public origin behind a proxy (PUBLIC_URL), else
 * this request's own; both without a trailing slash (publicUrlFrom in src/deps.ts trims PUBLIC_URL).
 */
export function publicOrigin<E extends AppEnv>(c: Context<E>): string {
  return c.get('deps').settings.publicUrl ?? new URL(c.req.url).origin;
}
