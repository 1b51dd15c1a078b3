import { Hono } from 'hono';
import { ErrorPage } from '../../views/pages/error';
import type { LogEntry } from '../deps';
import type { AppEnv } from '../env';
import { securityHeaders } from '../middleware/security';
import { problemBody, problemMediaType } from './problem';
import { isApi } from './request-kind';

/**
 * What a deployment answers while a setting it cannot run without is missing or unusable, instead
 * of an empty 500 from a thrown error: /healthz names the problems for whoever checks it, every
 * other request gets a 503 page (or problem details for the API) naming them, and every request logs them.
 * Problems name settings and how to set them, never their values.
 */
export function unconfiguredApp(problems: string[], log: (entry: LogEntry) => void) {
  const app = new Hono<AppEnv>();
  app.use(securityHeaders());
  app.use(async (c, next) => {
    log({ level: 'error', msg: 'not configured: every request fails until this is fixed', problems, path: c.req.path });
    c.header('Cache-Control', 'no-store');
    await next();
  });
  app.get('/healthz', (c) => c.json({ status: 'unconfigured', problems }, 503));
  app.all('*', (c) => {
    const message = 'This Skillcheck is not set up yet. Whoever runs it needs to fix this:';
    if (isApi(c)) {
      const body = { ...problemBody({ status: 503, detail: message }), problems };
      return c.body(JSON.stringify(body), 503, { 'Content-Type': problemMediaType });
    }
    return c.html(
      <ErrorPage
        info={{ status: 503, title: 'Not set up yet', message }}
        details={problems}
        nonce={c.get('secureHeadersNonce')}
      />,
      503,
    );
  });
  return app;
}
