import type { Role } from '../../src/engine/roles';
import { formatDateTime } from '../components/format';
import { roleLabels, roleSummaries } from '../manage/team';

export type JoinState =
  | 'invalid'
  | 'revoked'
  | 'used'
  | 'expired'
  | 'signed-out'
  | 'wrong-account'
  | 'ready'
  /** The visitor already belongs to the organization. */
  | 'member';

export interface JoinView {
  state: JoinState;
  token: string;
  user: { name: string; email: string } | null;
  orgName?: string;
  inviterName?: string;
  email?: string;
  role?: Role;
  expiresAt?: number;
  memberRole?: Role;
  inviteId?: string;
  orgId?: string;
  userId?: string;
}

const dead: Partial<Record<JoinState, { title: string; body: string }>> = {
  invalid: {
    title: 'This invitation link is not valid',
    body: 'Check that you copied the whole link. If it still does not work, ask the person who invited you for a new one.',
  },
  revoked: {
    title: 'This invitation was withdrawn',
    body: 'Someone in the organization withdrew this invitation. If you think this is a mistake, ask them for a new one.',
  },
  used: {
    title: 'This invitation has already been used',
    body: 'Each invitation link works once. If you accepted it, sign in with that account; otherwise ask for a new invitation.',
  },
  expired: {
    title: 'This invitation has expired',
    body: 'Invitations are valid for 7 days. Ask the person who invited you to send a new one.',
  },
};

/** The page's title: what happened to the invitation, or the team it joins. */
export function joinTitle(view: JoinView): string {
  return dead[view.state]?.title ?? `Join ${view.orgName ?? 'the team'}`;
}

export function JoinPage({ view }: { view: JoinView }) {
  const gone = dead[view.state];
  // Sign-in and sign-up come back here, with the invited address filled in.
  const query = `next=${encodeURIComponent(`/team/join/${view.token}`)}&email=${encodeURIComponent(view.email ?? '')}`;
  return (
    <section class="panel narrow">
      {gone ? (
        <>
          <h1>{gone.title}</h1>
          <p>{gone.body}</p>
          {view.orgName ? (
            <p class="muted">
              {view.orgName}
              {view.inviterName ? ` · invited by ${view.inviterName}` : ''}
            </p>
          ) : null}
        </>
      ) : (
        <>
          <p class="muted">Team invitation</p>
          <h1>Join {view.orgName}</h1>
          <p>
            <strong>{view.inviterName}</strong> invites <strong>{view.email}</strong> to join{' '}
            <strong>{view.orgName}</strong> on Skillcheck as <strong>{view.role ? roleLabels[view.role] : ''}</strong>.
          </p>
          {view.role ? <p class="muted">{roleSummaries[view.role]}</p> : null}
          {view.expiresAt && view.state !== 'member' ? (
            <p class="muted small">Valid until {formatDateTime(view.expiresAt)}.</p>
          ) : null}
          <JoinAction view={view} query={query} />
        </>
      )}
    </section>
  );
}

function JoinAction({ view, query }: { view: JoinView; query: string }) {
  switch (view.state) {
    case 'ready':
      return (
        <form method="post" action={`/team/join/${view.token}`} class="stack">
          <p>
            You are signed in as {view.user?.name} ({view.user?.email}).
          </p>
          <div class="actions">
            <button type="submit">Accept and join {view.orgName}</button>
          </div>
        </form>
      );
    case 'member':
      return (
        <>
          <p class="alert alert-ok" role="status">
            You are already a member of {view.orgName} as {view.memberRole ? roleLabels[view.memberRole] : ''}.
          </p>
          <form method="post" action={`/team/join/${view.token}`}>
            <button type="submit">Open {view.orgName}</button>
          </form>
        </>
      );
    case 'wrong-account':
      return (
        <div class="alert alert-warn" role="alert">
          <p>
            This invitation was sent to <strong>{view.email}</strong>, but you are signed in as{' '}
            <strong>{view.user?.email}</strong>.
          </p>
          <p>
            <a href={`/login?${query}`}>Sign in as {view.email}</a> or{' '}
            <a href={`/signup?${query}`}>create an account for {view.email}</a>. If you want to join with this account
            instead, ask {view.inviterName ?? 'the person who invited you'} to invite {view.user?.email}.
          </p>
        </div>
      );
    default:
      return (
        <>
          <p>To accept, sign in with {view.email}, or create an account with that address. You will come back here.</p>
          <div class="actions">
            <a class="button" href={`/login?${query}`}>
              Sign in
            </a>
            <a class="button secondary" href={`/signup?${query}`}>
              Create an account
            </a>
          </div>
        </>
      );
  }
}
