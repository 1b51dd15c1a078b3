import type { Context } from 'hono';
import type { SigningKeys } from './auth/keys';
import type { Db } from './db/client';

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
  /** The client's address as the runtime sees it (socket on Node, CF-Connecting-IP on Workers). */
  clientAddress?: (c: Context) => string | undefined;
}

export const defaultSettings: Settings = {
  secureCookies: true,
  saveGraceMs: 5000,
  passwordIterations: 100_000,
  maxInFlight: 1024,
};

/** PASSWORD_ITERATIONS from either runtime's environment: a whole number, at least 10,000. */
export function passwordIterationsFrom(text: string | undefined): number {
  if (text === undefined || text === '') return defaultSettings.passwordIterations;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 10_000)
    throw new Error('PASSWORD_ITERATIONS must be a whole number of at least 10000');
  return n;
}
