import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { type SessionUser, sessionUser } from '../auth/session';
import { type Membership, membershipsOf } from '../db/accounts';
import type { Role } from '../db/schema';
import type { AppEnv } from '../env';
import { wantsFragment } from '../http/request-kind';
import { errorResponse } from './errors';

export interface Member {
  user: SessionUser;
  orgId: string;
  orgName: string;
  role: Role;
  memberships: Membership[];
}

const orgCookie = 'sc_org';
const rank: Record<Role, number> = { reviewer: 1, admin: 2, owner: 3 };

export function hasRole(member: Member, least: Role): boolean {
  return rank[member.role] >= rank[least];
}

/** The current organization: the one chosen in this browser if the user belongs to it, else their first. */
export function chooseOrg<E extends AppEnv>(c: Context<E>, memberships: Membership[]): Membership | undefined {
  const chosen = getCookie(c, orgCookie);
  return memberships.find((m) => m.orgId === chosen) ?? memberships[0];
}

export function rememberOrg<E extends AppEnv>(c: Context<E>, orgId: string) {
  setCookie(c, orgCookie, orgId, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('deps').settings.secureCookies,
    maxAge: 365 * 24 * 3600,
  });
}

/**
 * Routes of the manager workspace. Signed out: to the login page (or 401 for htmx). Every query
 * below uses `member.orgId`, so another organization's data is never within reach.
 */
export const requireMember =
  (least: Role = 'reviewer'): MiddlewareHandler<AppEnv & { Variables: { member: Member } }> =>
  async (c, next) => {
    const user = await sessionUser(c);
    if (!user) {
      if (wantsFragment(c)) return errorResponse(c, 401, 'Your session ended. Sign in again to continue.');
      const back = c.req.method === 'GET' ? `?next=${encodeURIComponent(c.req.path)}` : '';
      return c.redirect(`/login${back}`, 303);
    }
    const memberships = await membershipsOf(c.get('deps').db, user.id);
    const current = chooseOrg(c, memberships);
    if (!current)
      return errorResponse(
        c,
        403,
        'You are not a member of any organization yet. Ask for an invitation, or sign up to create one.',
      );
    const member: Member = { user, orgId: current.orgId, orgName: current.orgName, role: current.role, memberships };
    if (!hasRole(member, least)) {
      return errorResponse(c, 403, `This needs the ${least} role in ${current.orgName}. Ask an owner if you need it.`);
    }
    c.set('member', member);
    await next();
  };

export type ManageEnv = AppEnv & { Variables: { member: Member } };
