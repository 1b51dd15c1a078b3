import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from './client';
import { invitations } from './schema';
import { isoTime, queueInvitationEvent } from './webhook-events';

// Written out, not bound: SQLite uses the partial index invitations_unstarted_expiry only when
// the query repeats its condition literally.
const unstarted = sql`${invitations.status} in ('invited', 'opened')`;

/**
 * Records that invitations nobody started have expired: their status becomes 'expired' (which
 * reads the same as before, see src/engine/invitation-state.ts, and goes back when a manager
 * extends the invitation) with the invitation.expired event, in one batch. Run by the periodic
 * jobs; returns how many it recorded, at most `limit` a run.
 */
export async function recordExpiredInvitations(db: Db, now: number, limit = 100): Promise<number> {
  const passed = and(unstarted, lt(invitations.expiresAt, now));
  const due = await db
    .select({ id: invitations.id, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(passed)
    .limit(limit);
  const statements = due.flatMap((row) => [
    // Before the update, under the same condition: a start or an extension that got in first wins.
    queueInvitationEvent(db, {
      type: 'invitation.expired',
      at: now,
      invitationId: row.id,
      data: { expires_at: isoTime(row.expiresAt) },
      when: sql`i.status in ('invited', 'opened') and i.expires_at < ${now}`,
    }),
    db
      .update(invitations)
      .set({ status: 'expired' })
      .where(and(eq(invitations.id, row.id), passed)),
  ]);
  if (statements.length > 0) await db.batch(statements as unknown as Parameters<Db['batch']>[0]);
  return due.length;
}
