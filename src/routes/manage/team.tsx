/**
 * The team of an organization: members, roles, invitations by link.
 *
 * Who may do what is the team.* and signIn.unlock capabilities of src/auth/permissions.ts:
 * - reviewers see the team page (members, roles, pending invitations) and change nothing;
 * - admins also invite reviewers and admins, copy those invitations' links and revoke them, and
 *   unlock a member's sign-in after failed attempts (it only clears counters: no access changes);
 * - owners do everything: invite owners too, change anyone's role, remove members, revoke any
 *   invitation.
 * Nobody can demote or remove the last owner (the database guard in src/db/team.ts holds even
 * when two owners act at once): an organization always has someone who can manage it. An owner
 * may demote or remove themselves while another owner remains.
 */
import { type Context, Hono } from 'hono';
import type { FormErrors } from '../../../views/components/form';
import { formatDateTime } from '../../../views/components/format';
import type { SignInLock } from '../../../views/manage/sign-in-locks';
import { type InviteRow, roleSummaries, TeamPage, type TeamPageProps } from '../../../views/manage/team';
import { can } from '../../auth/permissions';
import { accountBucketKey, limits } from '../../auth/throttle';
import { escapeHtml } from '../../candidate/describe';
import { normalizeEmail } from '../../db/accounts';
import {
  changeMemberRole,
  createTeamInvite,
  isMemberByEmail,
  pendingInviteFor,
  pendingTeamInvites,
  removeMember,
  revokeTeamInvite,
  type TeamMember,
  teamInviteOf,
  teamMember,
  teamMembers,
} from '../../db/team';
import { clearAccountThrottle, liveFailures } from '../../db/throttle';
import { isEmailAddress } from '../../email/address';
import { type EmailMessage, emailSenderFor } from '../../email/sender';
import { isRole, type Role } from '../../engine/roles';
import { field, readForm } from '../../http/form';
import { PublicError } from '../../http/public-error';
import { publicOrigin } from '../../http/public-origin';
import { teamInvitePath, teamInviteToken, teamInviteTtlMs } from '../../manage/team-invite-token';
import { type ManageEnv, type Member, requireCapability } from '../../middleware/auth';

export const teamRoutes = new Hono<ManageEnv>();

/** The roles a member may hand out by invitation (and revoke invitations for). */
export function invitableRoles(member: Member): Role[] {
  if (!can(member, 'team.invite')) return [];
  return can(member, 'team.assignOwner') ? ['reviewer', 'admin', 'owner'] : ['reviewer', 'admin'];
}

const missingMember = 'There is no such member in this organization.';

/** The member the path's `:userId` names, in this organization (else a 404). */
async function requireTeamMember(c: Context<ManageEnv>): Promise<TeamMember> {
  const target = await teamMember(c.get('deps').db, c.get('member').orgId, c.req.param('userId') ?? '');
  if (!target) throw new PublicError(404, missingMember);
  return target;
}

async function inviteLink(c: Context<ManageEnv>, id: string, expiresAt: number): Promise<string> {
  return `${publicOrigin(c)}${teamInvitePath(await teamInviteToken(c.get('deps'), id, expiresAt))}`;
}

/** The team page, with whatever the request adds (form errors, the invitation just created, a notice). */
async function renderTeam(c: Context<ManageEnv>, extra: Partial<TeamPageProps> = {}, status: 200 | 409 | 422 = 200) {
  const { db, clock } = c.get('deps');
  const member = c.get('member');
  const mayInvite = invitableRoles(member);
  const [members, pending] = await Promise.all([
    teamMembers(db, member.orgId),
    pendingTeamInvites(db, member.orgId, clock()),
  ]);
  // Links are re-signed for each view (tokens are stateless; the row decides), so an invitation's
  // link can be copied again later. Only people who could have created the invitation see it.
  const invites: InviteRow[] = await Promise.all(
    pending.map(async (i) => {
      const mine = mayInvite.includes(i.role);
      return { ...i, link: mine ? await inviteLink(c, i.id, i.expiresAt) : null, canRevoke: mine };
    }),
  );
  const signInLocks = can(member, 'signIn.unlock') ? await signInLocksOf(c, members) : [];
  c.header('Cache-Control', 'no-store');
  c.status(status);
  return c.render(
    <TeamPage
      orgName={member.orgName}
      viewerId={member.user.id}
      members={members}
      invites={invites}
      invitableRoles={mayInvite}
      canManageMembers={can(member, 'team.manage')}
      signInLocks={signInLocks}
      {...extra}
    />,
    { title: 'Team', workspace: 'team' },
  );
}

/** Members with failed sign-ins counted against their account this hour (auth/throttle.ts). */
async function signInLocksOf(c: Context<ManageEnv>, members: TeamMember[]): Promise<SignInLock[]> {
  const { db, clock } = c.get('deps');
  const keys = members.map((m) => accountBucketKey(m.email));
  const counts = await liveFailures(db, keys, limits.account.windowMs, clock());
  return members.flatMap((m) => {
    const count = counts.get(accountBucketKey(m.email));
    if (!count) return [];
    const locked = count.failures >= limits.account.max;
    const lockedUntil = locked ? count.windowStart + limits.account.windowMs : null;
    return [{ userId: m.userId, name: m.name, email: m.email, failures: count.failures, lockedUntil }];
  });
}

/** The mail a colleague gets: who invites them where, as what, until when, and the link. */
function teamInviteEmail(p: {
  to: string;
  inviterName: string;
  orgName: string;
  role: Role;
  expiresAt: number;
  link: string;
}): EmailMessage {
  const subject = `${p.inviterName} invites you to ${p.orgName} on Skillcheck`;
  const lines = [
    `${p.inviterName} invites you to join ${p.orgName} on Skillcheck as ${p.role}.`,
    roleSummaries[p.role],
    `Sign in or create an account with ${p.to} to accept. The link works once, until ${formatDateTime(p.expiresAt)}.`,
  ];
  const text = ['Hello,', '', ...lines, '', `Accept here: ${p.link}`].join('\n');
  const e = escapeHtml;
  const html = [
    '<p>Hello,</p>',
    ...lines.map((line) => `<p>${e(line)}</p>`),
    `<p><a href="${e(p.link)}">Accept the invitation</a></p>`,
    `<p>If the link does not open, copy this address into your browser:<br>${e(p.link)}</p>`,
  ].join('\n');
  return { to: p.to, subject, text, html };
}

const notices: Record<string, string> = {
  revoked: 'Invitation revoked: its link no longer works.',
  role: 'Role changed.',
  removed: 'Member removed. They no longer have access to this organization.',
  unlocked: 'Sign-in unlocked: their failed attempts are cleared and they can sign in now.',
};

teamRoutes.get('/app/team', requireCapability('team.view'), async (c) => {
  const member = c.get('member');
  const { db, clock } = c.get('deps');
  const createdId = c.req.query('invited');
  let created: TeamPageProps['created'];
  if (createdId) {
    const invite = await teamInviteOf(db, member.orgId, createdId);
    const live = invite && invite.acceptedAt === null && invite.revokedAt === null && invite.expiresAt > clock();
    // The same rule as the pending list: only someone who could have created it sees its link.
    if (live && invitableRoles(member).includes(invite.role)) {
      const link = await inviteLink(c, invite.id, invite.expiresAt);
      const mail = c.req.query('mail');
      created = {
        email: invite.email,
        role: invite.role,
        link,
        mail: mail === 'sent' || mail === 'failed' ? mail : 'off',
      };
    }
  }
  return renderTeam(c, { created, notice: notices[c.req.query('done') ?? ''] });
});

const mayInvite = requireCapability('team.invite', () => 'Only owners and admins can invite colleagues.');

teamRoutes.post('/app/team/invites', mayInvite, async (c) => {
  const member = c.get('member');
  const allowed = invitableRoles(member);
  const { db, clock, log } = c.get('deps');
  const form = await readForm(c);
  const email = normalizeEmail(field(form, 'email') ?? '');
  const role = field(form, 'role') ?? '';
  const errors: FormErrors = {};
  const now = clock();
  if (!isEmailAddress(email)) errors.email = 'Enter an email address like name@example.com.';
  if (!isRole(role)) errors.role = 'Choose a role.';
  else if (!allowed.includes(role as Role)) errors.role = `Only owners can invite ${role}s.`;
  if (!errors.email && (await isMemberByEmail(db, member.orgId, email))) {
    errors.email = `${email} is already a member of ${member.orgName}.`;
  } else if (!errors.email && (await pendingInviteFor(db, member.orgId, email, now))) {
    errors.email = `${email} already has a pending invitation: copy its link below, or revoke it to send a new one.`;
  }
  if (Object.values(errors).some(Boolean)) return renderTeam(c, { values: { email, role }, errors }, 422);

  const expiresAt = now + teamInviteTtlMs;
  const id = await createTeamInvite(db, {
    orgId: member.orgId,
    email,
    role: role as Role,
    createdBy: member.user.id,
    now,
    expiresAt,
  });
  const link = await inviteLink(c, id, expiresAt);
  // With an email webhook configured the link is mailed; without one the sender logs it. Either
  // way the page shows it to copy, since a mail can be lost and chat is often quicker.
  const sender = emailSenderFor(c.get('deps'));
  const sent = await sender.send(
    teamInviteEmail({
      to: email,
      inviterName: member.user.name,
      orgName: member.orgName,
      role: role as Role,
      expiresAt,
      link,
    }),
  );
  log({ level: 'info', msg: 'team invitation created', org: member.orgId, email, role, mail: sender.mode });
  const mail = sender.mode === 'log' ? 'off' : sent.ok ? 'sent' : 'failed';
  return c.redirect(`/app/team?invited=${id}&mail=${mail}`, 303);
});

const mayRevokeInvites = requireCapability('team.invite', () => 'Only owners and admins can revoke invitations.');

teamRoutes.post('/app/team/invites/:id/revoke', mayRevokeInvites, async (c) => {
  const member = c.get('member');
  const { db, clock } = c.get('deps');
  const invite = await teamInviteOf(db, member.orgId, c.req.param('id'));
  if (!invite) throw new PublicError(404, 'There is no such invitation in this organization.');
  if (!invitableRoles(member).includes(invite.role))
    throw new PublicError(403, 'Only owners can revoke invitations for owners.');
  if (!(await revokeTeamInvite(db, member.orgId, invite.id, clock()))) {
    return renderTeam(c, { error: `The invitation for ${invite.email} was already accepted or revoked.` }, 409);
  }
  return c.redirect('/app/team?done=revoked', 303);
});

const mayChangeRoles = requireCapability('team.manage', () => 'Only owners can change roles.');

teamRoutes.post('/app/team/members/:userId/role', mayChangeRoles, async (c) => {
  const member = c.get('member');
  const { db } = c.get('deps');
  const target = await requireTeamMember(c);
  const role = field(await readForm(c), 'role') ?? '';
  if (!isRole(role)) return renderTeam(c, { error: 'Choose reviewer, admin or owner.' }, 422);
  const outcome = await changeMemberRole(db, member.orgId, target.userId, role);
  if (outcome === 'not-found') throw new PublicError(404, missingMember);
  if (outcome === 'last-owner') {
    return renderTeam(
      c,
      { error: `${target.name} is the only owner. Make someone else owner first, then change this role.` },
      409,
    );
  }
  // Demoting yourself ends your owner rights at once: the team page still opens, read-only.
  return c.redirect('/app/team?done=role', 303);
});

const mayRemove = requireCapability('team.manage', () => 'Only owners can remove members.');

teamRoutes.post('/app/team/members/:userId/remove', mayRemove, async (c) => {
  const member = c.get('member');
  const { db } = c.get('deps');
  const target = await requireTeamMember(c);
  const outcome = await removeMember(db, member.orgId, target.userId);
  if (outcome === 'not-found') throw new PublicError(404, missingMember);
  if (outcome === 'last-owner') {
    return renderTeam(c, { error: `${target.name} is the only owner and cannot be removed.` }, 409);
  }
  // Removing yourself leaves the organization: back to wherever you still belong.
  return c.redirect(target.userId === member.user.id ? '/app' : '/app/team?done=removed', 303);
});

const mayUnlock = requireCapability('signIn.unlock', () => 'Only owners and admins can unlock sign-ins.');

teamRoutes.post('/app/team/members/:userId/unlock', mayUnlock, async (c) => {
  const member = c.get('member');
  const { db, log } = c.get('deps');
  const target = await requireTeamMember(c);
  const cleared = await clearAccountThrottle(db, normalizeEmail(target.email));
  log({ level: 'info', msg: 'sign-in unlocked', org: member.orgId, user: target.userId, by: member.user.id, cleared });
  return c.redirect('/app/team?done=unlocked', 303);
});
