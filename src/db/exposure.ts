import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { questionExposure } from './schema';

/**
 * One upsert per drawn question, adding 1 to the organization's count: statements for the batch
 * that starts the attempt, so a start that rolls back counts nothing. Query builder only (raw SQL
 * inside a batch crashes on D1), one row per statement (D1 binds at most 100 parameters).
 */
export function countExposure(db: Db, orgId: string, questionIds: readonly string[]) {
  return questionIds.map((questionId) =>
    db
      .insert(questionExposure)
      .values({ orgId, questionId, drawn: 1 })
      .onConflictDoUpdate({
        target: [questionExposure.orgId, questionExposure.questionId],
        set: { drawn: sql`${questionExposure.drawn} + 1` },
      }),
  );
}
