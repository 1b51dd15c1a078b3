/** An assessment's invitations: who is invited, the forms to invite more, and each link's actions. */
import { Breadcrumbs } from '../../components/breadcrumbs';
import { formatMinutes, plural } from '../../components/format';
import { InviteManyForm, InviteOneForm } from './forms';
import { InvitationTable, StatusCounts } from './table';
import type { InvitationsView } from './types';

export type { InvitationItem, InvitationsView } from './types';

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
