import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { PageProps } from './page';

export interface NavUser {
  name: string;
  orgName?: string;
}

export interface LayoutProps extends Omit<PageProps, 'workspace'> {
  /** This request's script nonce (the CSP allows only scripts that carry it). */
  nonce?: string;
  children?: Child;
}

// htmx reads its config from this meta tag. 204 and 304 are never swapped; every error response
// we send for a partial request is a fragment meant to be shown, so errors do swap.
const htmxConfig = JSON.stringify({ noSwap: [204, 304], defaultTimeout: 15000 });

/** The whole document around every page: head, site header, main and footer. */
export function Layout({ title, nonce, user, bare, scripts, children }: LayoutProps) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="color-scheme" content="light dark" />
          <meta name="htmx-config" content={htmxConfig} />
          <title>{title === 'Skillcheck' ? title : `${title} · Skillcheck`}</title>
          <link rel="stylesheet" href="/static/app.css" />
          <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
          <script src="/static/vendor/htmx.min.js" nonce={nonce} defer />
          <script src="/static/app.js" nonce={nonce} defer />
          {(scripts ?? []).map((src) => (
            <script type="module" src={src} nonce={nonce} />
          ))}
        </head>
        <body>
          <a class="skip-link" href="#main">
            Skip to content
          </a>
          <header class="site-header">
            <a class="brand" href="/" aria-label="Skillcheck home">
              <span aria-hidden="true" class="brand-mark">
                ✓
              </span>
              Skillcheck
            </a>
            {bare ? null : (
              <nav aria-label="Main">
                <ul>
                  <li>
                    <a href="/#practice">Practice</a>
                  </li>
                  {user ? (
                    <>
                      {user.orgName ? (
                        <li>
                          <a href="/app">{user.orgName}</a>
                        </li>
                      ) : null}
                      <li>
                        <a href="/me">My results</a>
                      </li>
                      <li>
                        <form method="post" action="/logout">
                          <button type="submit" class="link-button">
                            Sign out
                          </button>
                        </form>
                      </li>
                    </>
                  ) : (
                    <li>
                      <a href="/login">Sign in</a>
                    </li>
                  )}
                </ul>
              </nav>
            )}
          </header>
          <main id="main" tabindex={-1}>
            {children}
          </main>
          <footer class="site-footer">
            <p>
              Skillcheck: open-source skill assessments. <a href="/healthz">Status</a>
            </p>
          </footer>
        </body>
      </html>
    </>
  );
}
