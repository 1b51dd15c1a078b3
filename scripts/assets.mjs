// Copies the pinned htmx build into public/static/vendor so it is served from our own origin
// (CSP script-src 'self'). Run by start, dev, build:worker and the test setup; the copy is not committed.
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
mkdirSync(`${root}public/static/vendor`, { recursive: true });
copyFileSync(`${root}node_modules/htmx.org/dist/htmx.min.js`, `${root}public/static/vendor/htmx.min.js`);
