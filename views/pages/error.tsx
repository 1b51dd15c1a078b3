import { Layout, type NavUser } from '../layout';

export interface ErrorInfo {
  status: number;
  title: string;
  message: string;
  requestId?: string;
}

/**
 * A whole error page. The way back fits who is looking: a member goes back to their workspace, a
 * signed-in user without one to the start page, and a visitor who was refused can sign in.
 */
export function ErrorPage({
  info,
  nonce,
  viewer,
  details,
}: {
  info: ErrorInfo;
  nonce?: string;
  viewer?: NavUser | null;
  /** Points that go with the message, one item each (settings a deployment lacks...). */
  details?: string[];
}) {
  return (
    <Layout title={info.title} nonce={nonce} user={viewer}>
      <section class="panel narrow">
        <h1>{info.title}</h1>
        <p>{info.message}</p>
        {details && details.length > 0 ? (
          <ul>
            {details.map((d) => (
              <li>{d}</li>
            ))}
          </ul>
        ) : null}
        {info.requestId ? (
          <p class="muted small">
            Reference: <code>{info.requestId}</code>
          </p>
        ) : null}
        <p>
          <WayBack viewer={viewer} refused={info.status === 401 || info.status === 403} />
        </p>
      </section>
    </Layout>
  );
}

function WayBack({ viewer, refused }: { viewer?: NavUser | null; refused: boolean }) {
  if (viewer?.orgName) return <a href="/app">Back to your workspace</a>;
  if (viewer || !refused) return <a href="/">Back to the start page</a>;
  return (
    <>
      <a href="/login">Sign in</a>, or go <a href="/">back to the start page</a>
    </>
  );
}

/** What an htmx request gets instead of a page: one alert, announced to screen readers. */
export function ErrorFragment({ info }: { info: ErrorInfo }) {
  return (
    <div class="alert alert-error" role="alert">
      <strong>{info.title}.</strong> {info.message}
    </div>
  );
}
