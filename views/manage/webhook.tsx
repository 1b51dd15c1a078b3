import type { WebhookEventType } from '../../src/engine/webhook-events';
import { FormError, type FormErrors, Notice } from '../components/form';
import { TableWrap } from '../components/table-wrap';
import { Time } from '../components/time';
import { SecretOnce, WebhookFields, type WebhookFormValues, WebhookStatus } from './webhooks';

export interface WebhookDetail {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  disabledAt: number | null;
  createdAt: number;
  previousSecretExpiresAt: number | null;
}

export interface DeliveryRow {
  id: number;
  messageId: string;
  event: string;
  tryNumber: number;
  at: number;
  statusCode: number | null;
  latencyMs: number | null;
  responseExcerpt: string | null;
  error: string | null;
}

export interface FailedMessageRow {
  id: string;
  event: string;
  tries: number;
  createdAt: number;
  failedAt: number | null;
  lastError: string | null;
}

export interface WebhookView {
  webhook: WebhookDetail;
  pending: number;
  deliveries: DeliveryRow[];
  failed: FailedMessageRow[];
  values: WebhookFormValues;
  errors: FormErrors;
  notice?: string;
  problem?: string;
  /** A new secret, right after a rotation: the one response that shows it. */
  secret?: string;
  now: number;
}

export function WebhookPage(p: { view: WebhookView }) {
  const { webhook: w, now } = p.view;
  const base = `/app/settings/webhooks/${w.id}`;
  const overlapping = w.previousSecretExpiresAt !== null && w.previousSecretExpiresAt > now;
  return (
    <>
      <p>
        <a href="/app/settings/webhooks">All webhooks</a>
      </p>
      <div class="page-head">
        <h1>{w.url}</h1>
        <span>
          <WebhookStatus disabled={w.disabledAt !== null} pending={p.view.pending} failed={p.view.failed.length} />
        </span>
      </div>
      {w.description ? <p class="muted">{w.description}</p> : null}
      {p.view.secret ? <SecretOnce secret={p.view.secret} title="New signing secret." /> : null}
      <Notice text={p.view.notice} />
      {p.view.problem ? (
        <p class="alert alert-error" role="alert">
          {p.view.problem}
        </p>
      ) : null}
      <section class="panel stack">
        <h2>Actions</h2>
        <div class="actions">
          <form method="post" action={`${base}/test`} class="inline-form">
            <button type="submit" class="secondary" disabled={w.disabledAt !== null}>
              Send test event
            </button>
          </form>
          {w.disabledAt === null ? (
            <form method="post" action={`${base}/disable`} class="inline-form">
              <button type="submit" class="secondary">
                Disable
              </button>
            </form>
          ) : (
            <form method="post" action={`${base}/enable`} class="inline-form">
              <button type="submit" class="secondary">
                Enable
              </button>
            </form>
          )}
          <form method="post" action={`${base}/rotate`} class="inline-form">
            <button type="submit" class="secondary">
              Rotate signing secret
            </button>
          </form>
        </div>
        <p class="hint">
          The test event (<code>webhook.test</code>) is sent once, now, and not retried. A disabled endpoint gets no new
          events; what was waiting is sent when it is enabled again. After a rotation the old secret keeps signing
          alongside the new one for 24 hours (two signatures in <code>webhook-signature</code>), so you can switch your
          receiver without losing events.
          {overlapping && w.previousSecretExpiresAt !== null ? (
            <>
              {' '}
              The previous secret signs until <Time at={w.previousSecretExpiresAt} />.
            </>
          ) : null}
        </p>
      </section>
      <FailedMessages base={base} rows={p.view.failed} />
      <DeliveryLog rows={p.view.deliveries} />
      <section class="panel">
        <h2>Edit</h2>
        <form method="post" action={base} class="stack" novalidate>
          <FormError error={p.view.errors.form} />
          <WebhookFields values={p.view.values} errors={p.view.errors} />
          <button type="submit">Save</button>
        </form>
      </section>
    </>
  );
}

function FailedMessages(p: { base: string; rows: FailedMessageRow[] }) {
  if (p.rows.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="failed-heading">
      <h2 id="failed-heading">Failed messages</h2>
      <p class="hint">Given up after every retry. Retry sends one of them once more, now.</p>
      <TableWrap labelledBy="failed-heading">
        <table>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Message id</th>
              <th scope="col">Written</th>
              <th scope="col">Tries</th>
              <th scope="col">Last error</th>
              <th scope="col">
                <span class="sr-only">Retry</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((m) => (
              <tr>
                <td>
                  <code>{m.event}</code>
                </td>
                <td>
                  <code>{m.id}</code>
                </td>
                <td>
                  <Time at={m.createdAt} />
                </td>
                <td>{m.tries}</td>
                <td>{m.lastError ?? ''}</td>
                <td>
                  <form method="post" action={`${p.base}/messages/${m.id}/retry`}>
                    <button type="submit" class="small secondary" aria-label={`Retry message ${m.id}`}>
                      Retry
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function DeliveryLog(p: { rows: DeliveryRow[] }) {
  return (
    <section class="panel" aria-labelledby="log-heading">
      <h2 id="log-heading">Delivery log</h2>
      {p.rows.length === 0 ? (
        <p class="muted">Nothing sent yet.</p>
      ) : (
        <TableWrap labelledBy="log-heading">
          <table>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Event</th>
                <th scope="col">Message id</th>
                <th scope="col">Try</th>
                <th scope="col">Status</th>
                <th scope="col">Latency</th>
                <th scope="col">Response</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((d) => (
                <tr>
                  <td>
                    <Time at={d.at} />
                  </td>
                  <td>
                    <code>{d.event}</code>
                  </td>
                  <td>
                    <code>{d.messageId}</code>
                  </td>
                  <td>{d.tryNumber}</td>
                  <td>
                    {d.statusCode === null ? (
                      <span class="badge bad">no response</span>
                    ) : (
                      <span class={d.statusCode >= 200 && d.statusCode < 300 ? 'badge ok' : 'badge bad'}>
                        {d.statusCode}
                      </span>
                    )}
                  </td>
                  <td>{d.latencyMs === null ? '' : `${d.latencyMs} ms`}</td>
                  <td>
                    {d.error && d.statusCode === null ? d.error : null}
                    {d.responseExcerpt ? (
                      <details>
                        <summary>Body</summary>
                        <pre>{d.responseExcerpt}</pre>
                      </details>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
