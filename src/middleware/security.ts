import type { MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../env';

/**
 * Headers for every response. Scripts run only from our origin or with this request's nonce;
 * styles only from our origin (SVG charts use presentation attributes, not style attributes).
 * HSTS for a year (ASVS 3.4.1 asks at least that; Hono's default is 180 days).
 */
export const securityHeaders = (): MiddlewareHandler<AppEnv> =>
  secureHeaders({
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", NONCE],
      styleSrc: ["'self'"],
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
 * API is exempt: it authenticates with a bearer key, which a browser never attaches on its own.
 */
export const csrfProtection = (): MiddlewareHandler<AppEnv> => {
  const check = csrf({
    origin: (origin, c) => origin === (c.get('deps').settings.publicUrl ?? new URL(c.req.url).origin),
  });
  return async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    return check(c, next);
  };
};
