import type { Role } from '../../src/engine/roles';
import { Field, FieldError, FormError, type FormErrors, Notice } from '../components/form';
import { formatDateTime } from '../components/format';
import { TableWrap } from '../components/table-wrap';
import { type SignInLock, SignInLocks } from './sign-in-locks';

/** A role's name as people read it: in tables, choices and sentences. */
export const roleLabels: Record<Role, string> = { owner: 'Owner', admin: 'Admin', reviewer: 'Reviewer' };

/** One line per role, shown where people choose a role and on the join page. */
export const roleSummaries: Record<Role, string> = {
  owner: 'Owners can do everything, including managing the team: inviting owners, changing roles, removing members.',
  admin: 'Admins create and edit assessments, invite candidates and decide on them, and invite reviewers and admins.',
  reviewer: 'Reviewers read every assessment and candidate report and add notes. They change nothing else.',
};

export interface TeamMember {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: number;
}

export interface InviteRow {
  id: string;
  email: string;
  role: Role;
  invitedBy: string;
  createdAt: number;
  expiresAt: number;
  /** The link to copy; null for people who may not invite (reviewers never see live links). */
  link: string | null;
  canRevoke: boolean;
}

export interface TeamPageProps {
  orgName: string;
  /** The member looking at the page, marked "you" in the list. */
  viewerId: string;
  members: TeamMember[];
  invites: InviteRow[];
  /** Roles this member may invite; empty means no invite form. */
  invitableRoles: Role[];
  canManageMembers: boolean;
  /** For owners and admins: members with failed sign-ins, to unlock. */
  signInLocks?: SignInLock[];
  values?: { email?: string; role?: string };
  errors?: FormErrors;
  /** The invitation just created, with its link shown to copy. */
  created?: { email: string; role: Role; link: string; mail: 'sent' | 'failed' | 'off' };
  notice?: string;
  error?: string;
}

export function TeamPage(p: TeamPageProps) {
  const owners = p.members.filter((m) => m.role === 'owner').length;
  return (
    <>
      <div class="page-head">
        <h1>Team</h1>
        <span class="muted">
          {p.orgName} · {p.members.length === 1 ? '1 member' : `${p.members.length} members`}
        </span>
      </div>
      <Notice text={p.notice} />
      <FormError error={p.error} />
      {p.created ? <CreatedInvite created={p.created} /> : null}

      <section class="panel" aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        <TableWrap labelledBy="members-heading">
          <table>
            <caption class="sr-only">Members of {p.orgName}, their roles and join dates</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Joined</th>
                {p.canManageMembers ? <th scope="col">Manage</th> : null}
              </tr>
            </thead>
            <tbody>
              {p.members.map((m) => (
                <tr>
                  <th scope="row">
                    {m.name}
                    {m.userId === p.viewerId ? <span class="badge team-you">you</span> : null}
                  </th>
                  <td>{m.email}</td>
                  <td>{roleLabels[m.role]}</td>
                  <td>{formatDateTime(m.joinedAt)}</td>
                  {p.canManageMembers ? (
                    <td>
                      <MemberActions m={m} orgName={p.orgName} lastOwner={m.role === 'owner' && owners <= 1} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>

      <SignInLocks locks={p.signInLocks ?? []} />

      <section class="panel" aria-labelledby="invites-heading">
        <h2 id="invites-heading">Pending invitations</h2>
        {p.invites.length === 0 ? (
          <p class="muted">No pending invitations.</p>
        ) : (
          <TableWrap labelledBy="invites-heading">
            <table>
              <caption class="sr-only">Invitations not yet accepted</caption>
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Invited by</th>
                  <th scope="col">Expires</th>
                  {p.invitableRoles.length > 0 ? <th scope="col">Link</th> : null}
                </tr>
              </thead>
              <tbody>
                {p.invites.map((i) => (
                  <tr>
                    <th scope="row">{i.email}</th>
                    <td>{roleLabels[i.role]}</td>
                    <td>
                      {i.invitedBy}, {formatDateTime(i.createdAt)}
                    </td>
                    <td>{formatDateTime(i.expiresAt)}</td>
                    {p.invitableRoles.length > 0 ? (
                      <td>
                        <div class="team-actions">
                          {i.link ? (
                            <>
                              <button
                                type="button"
                                class="small secondary"
                                data-copy={i.link}
                                aria-label={`Copy link for ${i.email}`}
                              >
                                Copy link
                              </button>
                              {/* Without JavaScript (or clipboard access) the link is one click away. */}
                              <a href={`/app/team?invited=${i.id}`} class="small">
                                Show<span class="sr-only"> the invitation link for {i.email}</span>
                              </a>
                            </>
                          ) : null}
                          {i.canRevoke ? (
                            <form method="post" action={`/app/team/invites/${i.id}/revoke`}>
                              <button
                                type="submit"
                                class="small secondary"
                                aria-label={`Revoke the invitation for ${i.email}`}
                              >
                                Revoke
                              </button>
                            </form>
                          ) : null}
                        </div>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>

      {p.invitableRoles.length > 0 ? (
        <InviteForm roles={p.invitableRoles} values={p.values ?? {}} errors={p.errors ?? {}} />
      ) : (
        <p class="muted">Only owners and admins can invite colleagues. {roleSummaries.reviewer}</p>
      )}
    </>
  );
}

function CreatedInvite({ created }: { created: NonNullable<TeamPageProps['created']> }) {
  return (
    <section class="panel alert-ok" aria-labelledby="created-heading" role="status">
      <h2 id="created-heading">Invitation ready for {created.email}</h2>
      <p>
        {created.mail === 'sent'
          ? `We emailed this link to ${created.email}. You can also send it yourself:`
          : created.mail === 'failed'
            ? `We could not email ${created.email} just now. Send them this link yourself:`
            : `Send this link to ${created.email} (by email or chat).`}{' '}
        It works once, for that address, for 7 days.
      </p>
      <div class="team-link">
        <label for="created-link" class="sr-only">
          Invitation link for {created.email}
        </label>
        <input id="created-link" type="text" readonly value={created.link} />
        <button type="button" class="secondary" data-copy={created.link}>
          Copy link
        </button>
      </div>
    </section>
  );
}

function InviteForm(p: { roles: Role[]; values: { email?: string; role?: string }; errors: FormErrors }) {
  const chosen = p.values.role ?? 'reviewer';
  return (
    <section class="panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite a colleague</h2>
      <p class="muted">
        You get a link to send them. They sign in (or create an account) with this email address and join.
      </p>
      <form method="post" action="/app/team/invites" class="stack" novalidate>
        <Field required name="email" label="Email" type="email" value={p.values.email} error={p.errors.email} />
        <fieldset aria-describedby={p.errors.role ? 'f-role-error' : undefined}>
          <legend>Role</legend>
          {p.roles.map((role) => (
            <label class="team-role-choice">
              <input type="radio" name="role" value={role} checked={role === chosen} />
              <span>
                {roleLabels[role]}
                <span class="hint">{roleSummaries[role]}</span>
              </span>
            </label>
          ))}
          <FieldError id="f-role-error" error={p.errors.role} />
        </fieldset>
        <div>
          <button type="submit">Create invitation link</button>
        </div>
      </form>
    </section>
  );
}

function MemberActions({ m, orgName, lastOwner }: { m: TeamMember; orgName: string; lastOwner: boolean }) {
  if (lastOwner) {
    return <span class="muted small">The only owner: make someone else owner first.</span>;
  }
  const id = `role-${m.userId}`;
  return (
    <div class="team-actions">
      <form method="post" action={`/app/team/members/${m.userId}/role`} class="team-role-form">
        <label for={id} class="sr-only">
          Role of {m.name}
        </label>
        <select id={id} name="role">
          {(['reviewer', 'admin', 'owner'] as const).map((role) => (
            <option value={role} selected={role === m.role}>
              {roleLabels[role]}
            </option>
          ))}
        </select>
        <button type="submit" class="small secondary" aria-label={`Change the role of ${m.name}`}>
          Change
        </button>
      </form>
      <details class="team-remove">
        <summary>Remove…</summary>
        <form method="post" action={`/app/team/members/${m.userId}/remove`}>
          <p class="small">
            {m.name} loses access to {orgName}. Their account, notes and decisions stay.
          </p>
          <button type="submit" class="small danger">
            Remove {m.name}
          </button>
        </form>
      </details>
    </div>
  );
}
