import type { Context } from 'hono';
import type { SigningKeys } from './auth/keys';
import type { verifyPassword } from './auth/password';
import type { Db } from './db/client';
import type { Grade } from './grading/types';
import type { Transport } from './webhooks/transport';

export interface Settings {
  /** The public origin (https://tests.example.com) when behind a proxy; else the request's own. */
  publicUrl?: string;
  /** Send cookies with Secure. Off only for plain-http local development and tests. */
  secureCookies: boolean;
  /** How late after the deadline a save is still accepted (network latency), in ms. */
  saveGraceMs: number;
  /** Where outbound email goes; without it, links are shown to copy and logged. */
  emailWebhookUrl?: string;
  /** PBKDF2 iterations per call; Workers refuse more than 100,000. */
  passwordIterations: number;
  /** Requests in flight past which new ones get 503 + Retry-After instead of a queue. */
  maxInFlight: number;
  /** The same for requests the test page resends by itself (saves): refused first. */
  maxInFlightSaves: number;
  /** How late (ms) the event loop may run before new requests get 503 + Retry-After (Node; 0: never). */
  maxLoopLagMs: number;
  /** Proxies we run in front of the app; their X-Forwarded-For entries name the client (src/http/client-address.ts). */
  trustProxyHops: number;
  /** Let webhooks reach private, loopback and link-local addresses (self-hosted networks). */
  webhookAllowPrivate: boolean;
}

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  msg: string;
  [field: string]: unknown;
}

/** Everything the app needs from its runtime, passed in so the app itself imports no runtime. */
export interface AppDeps {
  db: Db;
  /** Epoch milliseconds. The server clock is the only clock. */
  clock: () => number;
  keys: SigningKeys;
  settings: Settings;
  log: (entry: LogEntry) => void;
  /** The peer's address as the runtime sees it (socket on Node, CF-Connecting-IP on Workers). */
  clientAddress?: (c: Context) => string | undefined;
  /** The password check of sign-ins; PBKDF2 (src/auth/password.ts) unless a test counts the calls. */
  verifyPassword?: typeof verifyPassword;
  /** How webhooks leave: the runtime's own (src/webhooks/transport.ts); fetch when not given. */
  webhookTransport?: Transport;
  /**
   * Runs a code or SQL answer against its tests in a sandbox: worker threads with a hard kill on
   * Node (src/grading/node/pool.ts), in the request on Workers. Without it, code and SQL answers
   * are not graded and earn nothing.
   */
  grade?: Grade;
}

export const defaultSettings: Settings = {
  secureCookies: true,
  saveGraceMs: 5000,
  passwordIterations: 100_000,
  maxInFlight: 1024,
  maxInFlightSaves: 128,
  maxLoopLagMs: 50,
  trustProxyHops: 0,
  webhookAllowPrivate: false,
};

/** PASSWORD_ITERATIONS from either runtime's environment: a whole number, at least 10,000. */
export function passwordIterationsFrom(text: string | undefined): number {
  if (text === undefined || text === '') return defaultSettings.passwordIterations;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 10_000)
    throw new Error('PASSWORD_ITERATIONS must be a whole number of at least 10000');
  return n;
}

/** MAX_IN_FLIGHT, MAX_IN_FLIGHT_SAVES and MAX_LOOP_LAG_MS: a whole number of at least `least`, else the default. */
export function limitFrom(text: string | undefined, fallback: number, least: number): number {
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  return Number.isInteger(n) && n >= least ? n : fallback;
}

/** TRUST_PROXY: how many proxies of ours stand in front of the app (0 or unset: none). */
export function trustProxyHopsFrom(text: string | undefined): number {
  if (text === undefined || text === '') return 0;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 10)
    throw new Error('TRUST_PROXY must be the number of proxies in front of the app, from 0 to 10');
  return n;
}

/**
 * PUBLIC_URL: the http(s) origin people reach the service at, kept as an origin (no trailing
 * slash) so every link built from it (pages, emails, webhooks) joins with one slash and the
 * CSRF check compares it with browsers' Origin header as it is. The app serves from the root, so
 * a path would break both: it is refused in words.
 */
export function publicUrlFrom(text: string | undefined): string | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Error('PUBLIC_URL must be a full address such as https://tests.example.com');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error('PUBLIC_URL must start with https:// (or http:// on a local network)');
  if (!/^\/*$/.test(url.pathname) || url.search || url.hash)
    throw new Error(
      'PUBLIC_URL must be an origin without a path, such as https://tests.example.com (the app serves from the root)',
    );
  return url.origin;
}
