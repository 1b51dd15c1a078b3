import type { AppDeps } from './deps';

/** Hono's environment for every route: the dependencies plus per-request values. */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    secureHeadersNonce?: string;
  };
}
