import type { Context } from 'hono';
import type { AppEnv } from '../env';

/**
 * The client's address, for sign-in throttling and integrity signals alike. Without trusted
 * proxies it is the peer the runtime saw (the socket on Node, CF-Connecting-IP on Workers).
 *
 * Behind `hops` proxies we run, X-Forwarded-For is read from the right: each proxy appends the
 * address it received from, so the entry `hops` from the end was written by our outermost proxy,
 * and everything left of it came from the client, who can write anything there. This is Express's
 * numeric "trust proxy": addresses [peer, ...entries right to left], pick index `hops`, capped.
 */
export function clientAddressFrom(
  peer: string | undefined,
  forwardedFor: string | undefined,
  hops: number,
): string | null {
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [peer ?? null, ...entries.reverse()];
  return chain[Math.min(hops, chain.length - 1)] ?? null;
}

export function clientAddressOf<E extends AppEnv>(c: Context<E>): string | null {
  const deps = c.get('deps');
  return clientAddressFrom(deps.clientAddress?.(c), c.req.header('X-Forwarded-For'), deps.settings.trustProxyHops);
}
