import { type Context, Hono } from 'hono';
import { JoinPage, type JoinState, type JoinView, joinTitle } from '../../views/pages/join';
import { sessionUser } from '../auth/session';
import { normalizeEmail } from '../db/accounts';
import { acceptTeamInvite, teamInviteById, teamMember } from '../db/team';
import type { AppEnv } from '../env';
import { teamInviteIdFromToken, teamInvitePath } from '../manage/team-invite-token';
import { rememberOrg } from '../middleware/auth';

/**
 * Joining a team by link: /team/join/<token> (src/manage/team-invite-token.ts). The row the token
 * names decides (pending, accepted, revoked, expired). A GET never accepts anything (mail
 * scanners open links); accepting is a POST by the signed-in user the invitation was addressed to.
 */
export const joinRoutes = new Hono<AppEnv>();

/** Everything the page and the POST decide from: the invitation, the visitor, and the resulting state. */
async function load(c: Context<AppEnv>): Promise<JoinView> {
  const deps = c.get('deps');
  const token = c.req.param('token') ?? '';
  const id = await teamInviteIdFromToken(deps, token);
  const row = id ? await teamInviteById(deps.db, id) : null;
  const user = await sessionUser(c);
  const base = { token, user: user ? { name: user.name, email: user.email } : null };
  if (!row) return { ...base, state: 'invalid' };
  const { invite } = row;
  const view = {
    ...base,
    orgName: row.orgName,
    inviterName: row.inviterName,
    email: invite.email,
    role: invite.role,
    expiresAt: invite.expiresAt,
  };
  const membership = user ? await teamMember(deps.db, invite.orgId, user.id) : null;
  const state = ((): JoinState => {
    if (membership) return 'member';
    if (invite.revokedAt !== null) return 'revoked';
    if (invite.acceptedAt !== null) return 'used';
    if (deps.clock() >= invite.expiresAt) return 'expired';
    if (!user) return 'signed-out';
    if (normalizeEmail(user.email) !== normalizeEmail(invite.email)) return 'wrong-account';
    return 'ready';
  })();
  return { ...view, state, memberRole: membership?.role, inviteId: invite.id, orgId: invite.orgId, userId: user?.id };
}

const statusOf: Record<JoinState, 200 | 403 | 404 | 410> = {
  invalid: 404,
  revoked: 410,
  used: 410,
  expired: 410,
  'wrong-account': 403,
  'signed-out': 200,
  ready: 200,
  member: 200,
};

function render(c: Context<AppEnv>, view: JoinView) {
  // The token is a credential: keep it out of caches and out of Referer headers to other sites.
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  c.status(statusOf[view.state]);
  return c.render(<JoinPage view={view} />, { title: joinTitle(view), user: view.user });
}

joinRoutes.get('/team/join/:token', async (c) => render(c, await load(c)));

joinRoutes.post('/team/join/:token', async (c) => {
  const view = await load(c);
  if (view.state === 'signed-out') {
    return c.redirect(`/login?next=${encodeURIComponent(teamInvitePath(view.token))}`, 303);
  }
  if (view.state === 'member' && view.orgId) {
    rememberOrg(c, view.orgId);
    return c.redirect('/app', 303);
  }
  if (view.state !== 'ready' || !view.inviteId || !view.userId || !view.orgId) return render(c, view);
  const deps = c.get('deps');
  const accepted = await acceptTeamInvite(deps.db, view.inviteId, view.userId, deps.clock());
  // Lost a race (another tab accepted, an owner revoked it a moment ago): show what is true now.
  if (!accepted) return render(c, await load(c));
  deps.log({ level: 'info', msg: 'team invite accepted', org: view.orgId, user: view.userId, role: view.role });
  rememberOrg(c, view.orgId);
  return c.redirect('/app', 303);
});
