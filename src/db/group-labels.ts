/**
 * Group labels a team gives its candidates (invitations.group_label) and the pass counts per label
 * the adverse-impact view reads. Every query takes the organization id.
 */
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from './client';
import { lineageIds } from './item-statistics';
import { attempts, invitations } from './schema';

/** The organization's invitation with its label, assessment and attempt (null when there is none); null when it is not the organization's. */
export async function labelledInvitation(db: Db, orgId: string, invitationId: string) {
  const [row] = await db
    .select({ assessmentId: invitations.assessmentId, label: invitations.groupLabel, attemptId: attempts.id })
    .from(invitations)
    .leftJoin(attempts, eq(attempts.invitationId, invitations.id))
    .where(and(eq(invitations.id, invitationId), eq(invitations.orgId, orgId)));
  return row ?? null;
}

/** Sets (or, with null, clears) an invitation's label; the invitation as labelledInvitation reads it, or null when it is not the organization's. */
export async function setGroupLabel(db: Db, orgId: string, invitationId: string, label: string | null) {
  const [row] = await db
    .update(invitations)
    .set({ groupLabel: label })
    .where(and(eq(invitations.id, invitationId), eq(invitations.orgId, orgId)))
    .returning({ id: invitations.id });
  return row ? labelledInvitation(db, orgId, invitationId) : null;
}

/** The labels the organization uses already, for the form's suggestions. */
export async function groupLabelsInUse(db: Db, orgId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ label: invitations.groupLabel })
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), isNotNull(invitations.groupLabel)))
    .orderBy(invitations.groupLabel);
  return rows.flatMap((r) => (r.label ? [r.label] : []));
}

/**
 * Finished attempts with a pass/fail result per label over every version of the assessment
 * (one lineage); `label` null collects the unlabelled.
 */
export async function passCountsByLabel(db: Db, orgId: string, assessmentId: string) {
  const lineage = await lineageIds(db, orgId, assessmentId);
  if (lineage.length === 0) return [];
  const rows = await db
    .select({
      label: invitations.groupLabel,
      total: sql<number>`count(*)`,
      passed: sql<number>`sum(case when ${attempts.passed} then 1 else 0 end)`,
    })
    .from(attempts)
    .innerJoin(invitations, eq(invitations.id, attempts.invitationId))
    .where(
      and(
        eq(attempts.orgId, orgId),
        inArray(attempts.assessmentId, lineage),
        inArray(attempts.state, ['submitted', 'expired']),
        isNotNull(attempts.passed),
      ),
    )
    .groupBy(invitations.groupLabel);
  return rows.map((r) => ({ label: r.label, total: Number(r.total), passed: Number(r.passed ?? 0) }));
}
