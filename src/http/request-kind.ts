import type { Context } from 'hono';

/**
 * htmx 4 sends `HX-Request-Type: partial` for swaps and `full` for history restores and boosted
 * navigations, which need a whole page. Plain browser requests send neither.
 */
export function wantsFragment(c: Context): boolean {
  return c.req.header('HX-Request-Type') === 'partial';
}

/** The JSON API and the endpoints partners such as Greenhouse call: machines, answered in JSON. */
export function isApi(c: Context): boolean {
  return c.req.path.startsWith('/api/') || c.req.path.startsWith('/partners/');
}
