import { and, desc, eq, sql } from 'drizzle-orm';
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
