import type { Context, MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { secureHeaders } from 'hono/secure-headers';
import { newId } from '../db/ids';
import type { AppEnv } from '../env';
import { PublicError } from '../http/public-error';
import { publicOrigin } from '../http/public-origin';
import { isApi } from '../http/request-kind';

/** Values every response carries whatever it is (the refusal sent before the app uses them too). */
export const fixedSecurityHeaders = {
  strictTransportSecurity: 'max-age=31536000; includeSubDomains',
  xFrameOptions: 'DENY',
  referrerPolicy: 'same-origin',
  crossOriginResourcePolicy: 'same-origin',
} as const;

/**
 * This request's script and style nonce, made once and kept where pages read it (as Hono's own
 * NONCE does), from our pooled random bytes: base64url is a valid CSP nonce, and Hono's draws
 * Web Crypto for every request.
 */
const nonce = (c: Context) => {
  let value: string | undefined = c.get('secureHeadersNonce');
  if (value === undefined) {
    value = newId();
    c.set('secureHeadersNonce', value);
  }
  return `'nonce-${value}'`;
};

/**
 * Headers for every response. Scripts run only from our origin or with this request's nonce;
 * styles only from our origin (SVG charts use presentation attributes, not style attributes).
 * HSTS for a year (ASVS 3.4.1 asks at least that; Hono's default is 180 days).
 */
export const securityHeaders = (): MiddlewareHandler<AppEnv> =>
  secureHeaders({
    ...fixedSecurityHeaders,
    crossOriginOpenerPolicy: 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      // wasm-unsafe-eval: the test page runs a candidate's visible tests with WebAssembly engines
      // (public/static/vendor/grader-worker.js); it allows compiling WebAssembly, not eval().
      scriptSrc: ["'self'", nonce, "'wasm-unsafe-eval'"],
      // The nonce: the code editor (src/browser/code-editor.ts) writes its theme into <style nonce>.
      styleSrc: ["'self'", nonce],
      // Style attributes only (they cannot load anything): the browser's own editing in the code
      // editor sets them on the lines it touches, and the editor sizes its gutters with them.
      styleSrcAttr: ["'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
  });

/**
 * Refuses cross-site form posts by Origin or Sec-Fetch-Site (htmx's fetch sends both). The JSON
 * API and the partner endpoints are for servers, which send neither header and authenticate with
 * a key in Authorization. A browser does attach Basic credentials it once cached (someone who
 * opened a partner URL and typed the key into the prompt), so a change a browser sends from
 * another site is refused there too.
 */
export const csrfProtection = (): MiddlewareHandler<AppEnv> => {
  const check = csrf({ origin: (origin, c) => origin === publicOrigin(c) });
  return async (c, next) => {
    if (!isApi(c)) return check(c, next);
    const site = c.req.header('Sec-Fetch-Site');
    const origin = c.req.header('Origin');
    const fromAnotherSite =
      site === 'cross-site' || site === 'same-site' || (origin !== undefined && origin !== publicOrigin(c));
    if (!/^(GET|HEAD|OPTIONS)$/.test(c.req.method) && fromAnotherSite)
      throw new PublicError(
        403,
        'A browser on another site sent this request, so it was refused. Call the API from your server.',
      );
    return next();
  };
};
