import type { WebhookEventType } from '../../src/engine/webhook-events';
import { Field, FieldError, FormError, type FormErrors, TextArea } from '../components/form';
import { TableWrap } from '../components/table-wrap';
import { Time } from '../components/time';

/** What each event means, in the order receivers see them happen. */
export const eventLabels: Record<WebhookEventType, string> = {
  'invitation.created': 'Invitation created',
  'invitation.opened': 'Invitation link opened (the first time)',
  'attempt.started': 'Test started',
  'attempt.completed': 'Test completed: score, margin of error, percentile, pass or fail, report link',
  'invitation.expired': 'Invitation expired unused',
  'invitation.revoked': 'Invitation withdrawn',
  'decision.recorded': 'Decision recorded (advance, hold or reject)',
  'attempt.regraded': 'Test regraded: a question was regraded and the score or pass/fail changed (before and after)',
};

export interface WebhookFormValues {
  url: string;
  description: string;
  events: WebhookEventType[];
}

export interface WebhookListRow {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  disabledAt: number | null;
  createdAt: number;
  createdBy: string | null;
  pending: number;
  failed: number;
}

/** The URL, description and events of an endpoint: the same fields to add one and to edit it. */
export function WebhookFields(p: { values: WebhookFormValues; errors: FormErrors }) {
  return (
    <>
      <Field
        required
        name="url"
        label="Endpoint URL"
        type="url"
        inputmode="url"
        maxlength={2000}
        hint="Where events are POSTed, e.g. https://ats.example.com/hooks/skillcheck. Redirects are not followed."
        value={p.values.url}
        error={p.errors.url}
      />
      <TextArea
        name="description"
        label="Description (optional)"
        rows={2}
        maxlength={200}
        value={p.values.description}
        error={p.errors.description}
      />
      <fieldset id="f-events" aria-describedby={p.errors.events ? 'f-events-error' : undefined}>
        <legend>Events</legend>
        {(Object.keys(eventLabels) as WebhookEventType[]).map((event) => (
          <label class="check">
            <input type="checkbox" name="events" value={event} checked={p.values.events.includes(event)} />{' '}
            <code>{event}</code> <span class="hint">{eventLabels[event]}</span>
          </label>
        ))}
        <FieldError id="f-events-error" error={p.errors.events} />
      </fieldset>
    </>
  );
}

/** A signing secret in the one response that shows it. */
export function SecretOnce(p: { secret: string; title: string }) {
  return (
    <div class="alert alert-ok" role="status">
      <p>
        <strong>{p.title}</strong> Copy the signing secret now: it is shown only once.
      </p>
      <p>
        <label for="webhook-secret" class="sr-only">
          Signing secret
        </label>
        <input id="webhook-secret" type="text" readonly value={p.secret} />{' '}
        <button type="button" class="small secondary" data-copy={p.secret}>
          Copy
        </button>
      </p>
    </div>
  );
}

export function WebhooksPage(p: {
  orgName: string;
  webhooks: WebhookListRow[];
  values: WebhookFormValues;
  errors: FormErrors;
  created?: { id: string; secret: string };
}) {
  return (
    <>
      <h1>Webhooks</h1>
      <p class="muted">
        Skillcheck POSTs a JSON event to your endpoints when something happens to a candidate of {p.orgName}. Each
        request is signed as the Standard Webhooks specification describes (headers <code>webhook-id</code>,{' '}
        <code>webhook-timestamp</code>, <code>webhook-signature</code>); a failed delivery is retried with growing
        pauses for at least 24 hours. Practice tests send no events.
      </p>
      {p.created ? <SecretOnce secret={p.created.secret} title="Endpoint added." /> : null}
      <section class="panel">
        <h2>New endpoint</h2>
        <form method="post" action="/app/settings/webhooks" class="stack" novalidate>
          <FormError error={p.errors.form} />
          <WebhookFields values={p.values} errors={p.errors} />
          <button type="submit">Add endpoint</button>
        </form>
      </section>
      <section class="panel" aria-labelledby="webhooks-heading">
        <h2 id="webhooks-heading">Endpoints</h2>
        {p.webhooks.length === 0 ? (
          <p class="muted">No endpoints yet.</p>
        ) : (
          <TableWrap labelledBy="webhooks-heading">
            <table>
              <caption class="sr-only">Webhook endpoints of {p.orgName}</caption>
              <thead>
                <tr>
                  <th scope="col">Endpoint</th>
                  <th scope="col">Events</th>
                  <th scope="col">Created</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {p.webhooks.map((w) => (
                  <tr>
                    <td>
                      <a href={`/app/settings/webhooks/${w.id}`}>{w.url}</a>
                      {w.description ? <div class="hint">{w.description}</div> : null}
                    </td>
                    <td>{w.events.length === 1 ? <code>{w.events[0]}</code> : `${w.events.length} events`}</td>
                    <td>
                      <Time at={w.createdAt} />
                      {w.createdBy ? ` by ${w.createdBy}` : ''}
                    </td>
                    <td>
                      <WebhookStatus disabled={w.disabledAt !== null} pending={w.pending} failed={w.failed} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </>
  );
}

export function WebhookStatus(p: { disabled: boolean; pending: number; failed: number }) {
  return (
    <>
      {p.disabled ? <span class="badge muted-badge">disabled</span> : <span class="badge ok">enabled</span>}
      {p.pending > 0 ? <span class="badge warn">{p.pending} waiting</span> : null}
      {p.failed > 0 ? <span class="badge bad">{p.failed} failed</span> : null}
    </>
  );
}
