import { type Context, Hono } from 'hono';
import { JoinPage, type JoinState, type JoinView } from '../../views/pages/join';
import { sessionUser } from '../auth/session';
import { signToken, verifyToken } from '../auth/tokens';
import { normalizeEmail } from '../db/accounts';
import { acceptTeamInvite, teamInviteById, teamMember } from '../db/team';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { rememberOrg } from '../middleware/auth';

/**
 * Joining a team by link: /team/join/<token>. The token is a signed 'team-invite' token naming the
 * team_invites row; the row decides (pending, accepted, revoked, expired), the token only proves
 * the link came from us. A GET never accepts anything (mail scanners open links); accepting is a
 * POST by the signed-in user the invitation was addressed to.
 */
export const joinRoutes = new Hono<AppEnv>();

/** Team invitations are valid for 7 days. */
export const teamInviteTtlMs = 7 * 24 * 3600 * 1000;

/**
 * The token outlives the invitation by 30 days, as candidate links do (src/candidate/
 * invitation-token.ts): an expired link can then say "expired, ask for a new one" instead of
 * "not valid". The database's expiry is the one that counts.
 */
const afterlifeSeconds = 30 * 24 * 3600;

export async function teamInviteToken(deps: AppDeps, inviteId: string, expiresAt: number): Promise<string> {
  const now = deps.clock();
  const ttl = Math.max(60, Math.ceil((expiresAt - now) / 1000)) + afterlifeSeconds;
  return signToken(deps.keys, 'team-invite', { sub: inviteId }, now, ttl);
}

export function teamInvitePath(token: string): string {
  return `/team/join/${token}`;
}

async function inviteIdFromToken(deps: AppDeps, token: string): Promise<string | null> {
  if (token.length > 2000) return null;
  return (await verifyToken(deps.keys, 'team-invite', token, deps.clock()))?.sub ?? null;
}

/** Everything the page and the POST decide from: the invitation, the visitor, and the resulting state. */
async function load(c: Context<AppEnv>): Promise<JoinView> {
  const deps = c.get('deps');
  const token = c.req.param('token') ?? '';
  const id = await inviteIdFromToken(deps, token);
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
  return c.html(<JoinPage view={view} nonce={c.get('secureHeadersNonce')} />, statusOf[view.state]);
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
