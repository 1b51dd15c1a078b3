import { and, eq } from 'drizzle-orm';
import type { Db } from './client';
import { invitations } from './schema';

/**
 * The invitation an applicant tracking system's request already made: Greenhouse sends one `url`
 * per test it sends, so a send_test retried after a lost answer finds its first invitation.
 */
export async function invitationByCallbackUrl(db: Db, orgId: string, url: string) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), eq(invitations.partnerCallbackUrl, url)));
  return row ?? null;
}
