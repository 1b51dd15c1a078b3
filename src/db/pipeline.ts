import { and, desc, eq, gte, lt, or, sql } from 'drizzle-orm';
import type { Db } from './client';
import { assessments } from './schema';

export interface AssessmentSummary {
  id: string;
  title: string;
  status: 'active' | 'archived';
  version: number;
  timeLimitSeconds: number;
  passMark: number;
  invited: number;
  completed: number;
  passed: number;
  updatedAt: number;
}

/** The organization's assessments with their pipeline counts, newest first. */
export async function assessmentSummaries(db: Db, orgId: string): Promise<AssessmentSummary[]> {
  return db
    .select({
      id: assessments.id,
      title: assessments.title,
      status: assessments.status,
      version: assessments.version,
      timeLimitSeconds: assessments.timeLimitSeconds,
      passMark: assessments.passMark,
      // Written out: Drizzle leaves outer columns unqualified inside a subquery, which would bind to the inner table.
      invited: sql<number>`(select count(*) from invitations i where i.assessment_id = assessments.id)`,
      completed: sql<number>`(select count(*) from attempts a where a.assessment_id = assessments.id and a.state != 'in_progress')`,
      passed: sql<number>`(select count(*) from attempts a where a.assessment_id = assessments.id and a.passed = 1)`,
      updatedAt: assessments.updatedAt,
    })
    .from(assessments)
    .where(and(eq(assessments.orgId, orgId)))
    .orderBy(desc(assessments.updatedAt));
}

export const assessmentWindows = ['scheduled', 'open', 'closed'] as const;
/** Whether candidates can take it now: before its opening date, between the dates, or after closing. */
export type AssessmentWindow = (typeof assessmentWindows)[number];

export interface AssessmentPageQuery {
  window?: AssessmentWindow;
  archived?: boolean;
  updatedSince?: number;
  /** The last row of the previous page: rows come newest first by creation, then by id. */
  after?: { createdAt: number; id: string };
  limit: number;
  now: number;
}

/**
 * One page of the organization's assessments with their pipeline counts, for the API. Ordered by
 * creation (newest first) and id, which never change, so paging never skips or repeats a row
 * while others are edited.
 */
export async function assessmentPage(db: Db, orgId: string, q: AssessmentPageQuery) {
  const scheduled = sql`(${assessments.opensAt} is not null and ${assessments.opensAt} > ${q.now})`;
  const closed = sql`(${assessments.closesAt} is not null and ${assessments.closesAt} <= ${q.now})`;
  const windowCondition =
    q.window === 'scheduled'
      ? scheduled
      : q.window === 'closed'
        ? sql`(not ${scheduled} and ${closed})`
        : q.window === 'open'
          ? sql`(not ${scheduled} and not ${closed})`
          : undefined;
  return db
    .select({
      id: assessments.id,
      title: assessments.title,
      status: assessments.status,
      version: assessments.version,
      timeLimitSeconds: assessments.timeLimitSeconds,
      passMark: assessments.passMark,
      opensAt: assessments.opensAt,
      closesAt: assessments.closesAt,
      invited: sql<number>`(select count(*) from invitations i where i.assessment_id = assessments.id)`,
      completed: sql<number>`(select count(*) from attempts a where a.assessment_id = assessments.id and a.state != 'in_progress')`,
      passed: sql<number>`(select count(*) from attempts a where a.assessment_id = assessments.id and a.passed = 1)`,
      createdAt: assessments.createdAt,
      updatedAt: assessments.updatedAt,
    })
    .from(assessments)
    .where(
      and(
        eq(assessments.orgId, orgId),
        windowCondition,
        q.archived === undefined ? undefined : eq(assessments.status, q.archived ? 'archived' : 'active'),
        q.updatedSince === undefined ? undefined : gte(assessments.updatedAt, q.updatedSince),
        q.after
          ? or(
              lt(assessments.createdAt, q.after.createdAt),
              and(eq(assessments.createdAt, q.after.createdAt), lt(assessments.id, q.after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(assessments.createdAt), desc(assessments.id))
    .limit(q.limit);
}
