/** The invitations sent: counts by status, and a row per candidate with its link and actions. */
import type { InvitationStatus } from '../../../src/engine/invitation-state';
import { formatDateTime, formatMinutes, plural } from '../../components/format';
import { TableWrap } from '../../components/table-wrap';
import type { InvitationItem, InvitationsView } from './types';

const statusLabels: Record<InvitationStatus, { label: string; badge: string }> = {
  invited: { label: 'Invited', badge: 'badge' },
  opened: { label: 'Opened', badge: 'badge' },
  started: { label: 'Started', badge: 'badge warn' },
  completed: { label: 'Completed', badge: 'badge ok' },
  expired: { label: 'Expired', badge: 'badge bad' },
  revoked: { label: 'Revoked', badge: 'badge bad' },
};

const pending = (s: InvitationStatus) => s === 'invited' || s === 'opened' || s === 'expired';

export function StatusCounts({ items }: { items: InvitationItem[] }) {
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

export function InvitationTable({ view }: { view: InvitationsView }) {
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
