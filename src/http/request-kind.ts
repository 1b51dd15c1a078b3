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

/**
 * An htmx background post: above all the test page's saves, flags and events, which
 * `public/static/attempt.js` keeps and sends again after a 503 with Retry-After. Under load these
 * are refused first: that loses nothing, where refusing a page or a start leaves a person in front
 * of an error (a manager's htmx post shows the busy message in place, to send again). Takes the
 * request's parts, so Node's listener can ask before a Hono context exists.
 */
export function isResendable(method: string, requestType: string | undefined, path: string): boolean {
  return method === 'POST' && requestType === 'partial' && path !== '/healthz';
}
