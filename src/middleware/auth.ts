import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { type Capability, can, leastRoleFor, type Permissions, permissionsOf } from '../auth/permissions';
import { type SessionUser, sessionUser } from '../auth/session';
import { type Membership, membershipsOf } from '../db/accounts';
import type { Role } from '../engine/roles';
import type { AppEnv } from '../env';
import { PublicError } from '../http/public-error';
import { wantsFragment } from '../http/request-kind';
import { errorResponse } from './errors';

export interface Member {
  user: SessionUser;
  orgId: string;
  orgName: string;
  /** Shown (and compared with other members' roles); decisions go through `can` or `permissions`. */
  role: Role;
  /** What this member may do, resolved from src/auth/permissions.ts once per request: for views. */
  permissions: Permissions;
  memberships: Membership[];
}

const orgCookie = 'sc_org';

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
 * below uses `member.orgId`, so another organization's data is never within reach. What a member
 * may do there is each route's requireCapability.
 */
export const requireMember = (): MiddlewareHandler<ManageEnv> => async (c, next) => {
  const user = await sessionUser(c);
  if (!user) {
    if (wantsFragment(c)) return errorResponse(c, 401, 'Your session ended. Sign in again to continue.');
    const back = c.req.method === 'GET' ? `?next=${encodeURIComponent(c.req.path)}` : '';
    return c.redirect(`/login${back}`, 303);
  }
  const memberships = await membershipsOf(c.get('deps').db, user.id);
  const current = chooseOrg(c, memberships);
  if (!current)
    throw new PublicError(
      403,
      'You are not a member of any organization yet. Ask for an invitation, or sign up to create one.',
    );
  const { orgId, orgName, role } = current;
  c.set('member', { user, orgId, orgName, role, permissions: permissionsOf(role), memberships });
  await next();
};

/** A requireCapability middleware names its capability, so tests can read what each route needs. */
export type CapabilityCheck = MiddlewareHandler<ManageEnv> & { capability: Capability };

/**
 * Refuses (403) a member whose role lacks the capability (src/auth/permissions.ts), with the
 * route's own words for what was refused, or else the role to ask an owner for.
 */
export function requireCapability(capability: Capability, refusal?: (member: Member) => string): CapabilityCheck {
  const check: MiddlewareHandler<ManageEnv> = async (c, next) => {
    const member = c.get('member');
    if (!can(member, capability)) {
      throw new PublicError(
        403,
        refusal?.(member) ??
          `This needs the ${leastRoleFor(capability)} role in ${member.orgName}. Ask an owner if you need it.`,
      );
    }
    await next();
  };
  return Object.assign(check, { capability });
}

export type ManageEnv = AppEnv & { Variables: { member: Member } };
