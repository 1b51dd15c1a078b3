/**
 * The roles of a member of an organization. What each may do is src/auth/permissions.ts; the
 * roles themselves are named here, below every layer that stores or shows them.
 */
export const roles = ['owner', 'admin', 'reviewer'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
