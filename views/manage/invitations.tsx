import type { RecipientProblem } from '../../src/email/recipients';
import type { InvitationStatus } from '../../src/engine/invitation-state';
import { Breadcrumbs } from '../components/breadcrumbs';
import { Field, FormError, type FormErrors, TextArea } from '../components/form';
import { formatDateTime, formatMinutes, plural } from '../components/format';
import { TableWrap } from '../components/table-wrap';

export interface InvitationItem {
  id: string;
  name: string;
  email: string;
  status: InvitationStatus;
  createdAt: number;
  sentAt: number | null;
  expiresAt: number;
  extraSeconds: number;
  /** The candidate's link, for invitations that can still be opened; null otherwise. */
  link: string | null;
}

export interface InvitationsView {
  assessment: {
    id: string;
    title: string;
    version: number;
    timeLimitSeconds: number;
    questionCount: number;
    /** Why no one can be invited now (archived, replaced, closed), or null. */
    closedReason: string | null;
  };
  /** Other versions of this assessment that have invitations, to find people invited before an edit. */
  otherVersions: { id: string; version: number; invitations: number }[];
  items: InvitationItem[];
  canEdit: boolean;
  emailMode: 'webhook' | 'log';
  defaultExpiryDays: number;
  notice?: { kind: 'ok' | 'warn' | 'error'; text: string };
  single: { values: Record<string, string>; errors: FormErrors };
  bulk: { values: Record<string, string>; errors: FormErrors; problems: RecipientProblem[]; summary?: string };
}

const statusLabels: Record<InvitationStatus, { label: string; badge: string }> = {
  invited: { label: 'Invited', badge: 'badge' },
  opened: { label: 'Opened', badge: 'badge' },
  started: { label: 'Started', badge: 'badge warn' },
  completed: { label: 'Completed', badge: 'badge ok' },
  expired: { label: 'Expired', badge: 'badge bad' },
  revoked: { label: 'Revoked', badge: 'badge bad' },
};

const pending = (s: InvitationStatus) => s === 'invited' || s === 'opened' || s === 'expired';

function StatusCounts({ items }: { items: InvitationItem[] }) {
  const counts = new Map<InvitationStatus, number>();
  for (const item of items) counts.set(item.status, (counts.get(item.status) ?? 0) + 1);
  if (items.length === 0) return null;
  return (
    <p class="status-counts">
      <span class="sr-only">By status: </span>
      {[...counts.entries()].map(([status, n]) => (
        <span class={statusLabels[status].badge}>
          {n} {statusLabels[status].label.toLowerCase()}
        </span>
      ))}
    </p>
  );
}

/** Expiry and extra time; both invite forms have them, so ids carry the form's name to stay unique. */
function Terms(p: {
  form: string;
  values: Record<string, string>;
  errors: FormErrors;
  days: number;
  expiryLabel: string;
  extraHint: string;
}) {
  const input = (name: string, label: string, value: string, min: number, max: number, hint: string) => (
    <Field
      name={name}
      id={`${p.form}-${name}`}
      label={label}
      hint={hint}
      type="number"
      inputmode="numeric"
      min={min}
      max={max}
      value={value}
      error={p.errors[name]}
    />
  );
  return (
    <div class="form-row">
      {input('expiryDays', p.expiryLabel, p.values.expiryDays ?? String(p.days), 1, 90, 'From 1 to 90 days.')}
      {input('extraMinutes', 'Extra time (minutes)', p.values.extraMinutes ?? '0', 0, 600, p.extraHint)}
    </div>
  );
}

function InviteOneForm({ view }: { view: InvitationsView }) {
  const { values, errors } = view.single;
  return (
    <section class="panel" aria-labelledby="invite-one">
      <h2 id="invite-one">Invite one candidate</h2>
      <form method="post" action={`/app/assessments/${view.assessment.id}/invitations`} class="stack" novalidate>
        <FormError error={errors.form} />
        <Field required name="name" label="Name" value={values.name} error={errors.name} autocomplete="off" />
        <Field
          required
          name="email"
          label="Email"
          type="email"
          value={values.email}
          error={errors.email}
          autocomplete="off"
        />
        <Terms
          form="one"
          values={values}
          errors={errors}
          days={view.defaultExpiryDays}
          expiryLabel="Link valid for (days)"
          extraHint="An accommodation for this candidate only."
        />
        <div>
          <button type="submit">{view.emailMode === 'webhook' ? 'Send invitation' : 'Create invitation link'}</button>
        </div>
      </form>
    </section>
  );
}

function InviteManyForm({ view }: { view: InvitationsView }) {
  const { values, errors, problems, summary } = view.bulk;
  return (
    <section class="panel" aria-labelledby="invite-many">
      <h2 id="invite-many">Invite many at once</h2>
      {summary ? (
        <div class="alert alert-warn" role="alert">
          <p>
            <strong>{summary}</strong> Nothing was created for the lines below; fix them and send them again.
          </p>
          <ul class="problems">
            {problems.map((p) => (
              <li>
                <strong>{p.where}</strong>: {p.message} <code>{p.raw}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form
        method="post"
        action={`/app/assessments/${view.assessment.id}/invitations/bulk`}
        enctype="multipart/form-data"
        class="stack"
        novalidate
      >
        <FormError error={errors.form} />
        <TextArea
          name="lines"
          label="Paste a list"
          hint={
            <>
              One person per line: <code>Ada Lovelace, ada@example.com</code> or{' '}
              <code>Ada Lovelace &lt;ada@example.com&gt;</code>. Rows copied from a spreadsheet work too.
            </>
          }
          rows={6}
          spellcheck={false}
          value={values.lines}
        />
        <div>
          <label for="f-csv">Or upload a CSV file</label>
          <span class="hint" id="f-csv-hint">
            Columns <code>name,email</code> and optionally <code>extra_minutes</code>, with or without a header row. Up
            to 500 people per upload.
          </span>
          <input id="f-csv" name="csv" type="file" accept=".csv,text/csv,text/plain" aria-describedby="f-csv-hint" />
        </div>
        <Terms
          form="many"
          values={values}
          errors={errors}
          days={view.defaultExpiryDays}
          expiryLabel="Links valid for (days)"
          extraHint="For everyone without an extra_minutes column."
        />
        <div>
          <button type="submit">{view.emailMode === 'webhook' ? 'Send invitations' : 'Create invitation links'}</button>
        </div>
      </form>
    </section>
  );
}

function RowActions({ item, canEdit, days }: { item: InvitationItem; canEdit: boolean; days: number }) {
  const linkId = `link-${item.id}`;
  return (
    <details class="row-actions">
      <summary>
        Actions<span class="sr-only"> for {item.name}</span>
      </summary>
      <div class="row-actions-body">
        {item.link ? (
          <div class="copy-link">
            <label for={linkId} class="small">
              Invitation link
            </label>
            <div class="copy-row">
              <input id={linkId} type="text" readonly value={item.link} class="mono" />
              <button
                type="button"
                class="small secondary"
                data-copy={item.link}
                aria-label={`Copy link for ${item.name}`}
              >
                Copy link
              </button>
            </div>
          </div>
        ) : null}
        {canEdit && pending(item.status) ? (
          <>
            <form method="post" action={`/app/invitations/${item.id}/resend`} class="inline-form">
              <label class="check small">
                <input type="checkbox" name="extend" value="1" checked={item.status === 'expired'} /> Extend the expiry
                to {plural(days, 'day')} from now
              </label>
              <button type="submit" class="small secondary">
                Resend
              </button>
            </form>
            <form method="post" action={`/app/invitations/${item.id}/extra-time`} class="inline-form">
              <label for={`extra-${item.id}`} class="small">
                Extra time (minutes)
              </label>
              <input
                id={`extra-${item.id}`}
                name="extraMinutes"
                type="number"
                min="0"
                max="600"
                value={String(Math.round(item.extraSeconds / 60))}
                class="short"
              />
              <button type="submit" class="small secondary">
                Save extra time
              </button>
            </form>
            <form method="post" action={`/app/invitations/${item.id}/revoke`} class="inline-form">
              <button type="submit" class="small danger">
                Revoke invitation
              </button>
              <span class="hint">The link stops working; the candidate sees that it was withdrawn.</span>
            </form>
          </>
        ) : null}
        {!pending(item.status) && canEdit ? (
          <p class="small muted">
            {item.status === 'revoked'
              ? 'Revoked. Invite this person again to send a new link.'
              : 'The candidate has started: the invitation can no longer change.'}
          </p>
        ) : null}
      </div>
    </details>
  );
}

function InvitationTable({ view }: { view: InvitationsView }) {
  if (view.items.length === 0) {
    return (
      <div class="panel empty">
        <p>Nobody is invited to version {view.assessment.version} yet.</p>
      </div>
    );
  }
  return (
    <TableWrap class="panel invitations-wrap" label={`Invitations to ${view.assessment.title}`}>
      <table class="invitations">
        <caption class="sr-only">Invitations to {view.assessment.title}</caption>
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col">Status</th>
            <th scope="col">Sent</th>
            <th scope="col">Expires</th>
            <th scope="col">Extra time</th>
            <th scope="col">
              <span class="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {view.items.map((item) => (
            <tr id={`inv-${item.id}`}>
              <td>
                {item.name}
                <span class="hint">{item.email}</span>
              </td>
              <td data-label="Status">
                <span class={statusLabels[item.status].badge}>{statusLabels[item.status].label}</span>
              </td>
              <td class="small" data-label="Sent">
                {item.sentAt ? formatDateTime(item.sentAt) : <span class="badge bad">Not sent</span>}
              </td>
              <td class="small" data-label="Expires">
                {formatDateTime(item.expiresAt)}
              </td>
              <td class="small" data-label="Extra time">
                {item.extraSeconds > 0 ? `+${formatMinutes(item.extraSeconds)}` : '—'}
              </td>
              <td>
                <RowActions item={item} canEdit={view.canEdit} days={view.defaultExpiryDays} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function InvitationsPage({ view }: { view: InvitationsView }) {
  const a = view.assessment;
  const open = view.canEdit && a.closedReason === null;
  return (
    <>
      <Breadcrumbs
        trail={[
          { label: 'Assessments', href: '/app' },
          { label: a.title, href: `/app/assessments/${a.id}` },
        ]}
      />
      <div class="page-head">
        <h1>
          Invitations <span class="muted small">version {a.version}</span>
        </h1>
        <a class="button secondary" href={`/app/assessments/${a.id}/preview`}>
          Preview as a candidate
        </a>
      </div>
      <p class="muted">
        {a.title}: {plural(a.questionCount, 'question')}, {formatMinutes(a.timeLimitSeconds)}.
      </p>
      {view.notice ? (
        <p class={`alert alert-${view.notice.kind}`} role="status">
          {view.notice.text}
        </p>
      ) : null}
      {a.closedReason ? (
        <p class="alert alert-warn" role="note">
          {a.closedReason}
        </p>
      ) : null}
      {view.emailMode === 'log' && open ? (
        <p class="alert alert-warn" role="note">
          Email is not set up on this server, so invitations are not emailed: copy each candidate's link from the list
          and send it yourself. (An administrator can set <code>EMAIL_WEBHOOK_URL</code> to send them.)
        </p>
      ) : null}
      {view.otherVersions.length > 0 ? (
        <p class="small">
          Other versions:{' '}
          {view.otherVersions.map((v, i) => (
            <>
              {i > 0 ? ', ' : ''}
              <a href={`/app/assessments/${v.id}/invitations`}>
                version {v.version} ({plural(v.invitations, 'invitation')})
              </a>
            </>
          ))}
        </p>
      ) : null}
      {open ? (
        <div class="grid-2">
          <InviteOneForm view={view} />
          <InviteManyForm view={view} />
        </div>
      ) : !view.canEdit ? (
        <p class="muted">You can view invitations; inviting and changing them needs the admin role.</p>
      ) : null}
      <h2>Invited</h2>
      <StatusCounts items={view.items} />
      <InvitationTable view={view} />
    </>
  );
}
