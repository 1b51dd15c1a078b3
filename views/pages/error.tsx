import { Layout } from '../layout';

export interface ErrorInfo {
  status: number;
  title: string;
  message: string;
  requestId?: string;
}

export function ErrorPage({ info, nonce }: { info: ErrorInfo; nonce?: string }) {
  return (
    <Layout title={info.title} nonce={nonce}>
      <section class="panel narrow">
        <h1>{info.title}</h1>
        <p>{info.message}</p>
        {info.requestId ? (
          <p class="muted small">
            Reference: <code>{info.requestId}</code>
          </p>
        ) : null}
        <p>
          <a href="/">Back to the start page</a>
        </p>
      </section>
    </Layout>
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
