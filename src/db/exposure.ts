import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { questionExposure } from './schema';
import { rowsPerStatement } from './statement-rows';

/**
 * Upserts adding 1 to the organization's count of each drawn question: statements for the batch
 * that starts the attempt, so a start that rolls back counts nothing. Query builder only (raw SQL
 * inside a batch crashes on D1), many rows per statement within D1's 100 parameters (3 a row).
 */
export function countExposure(db: Db, orgId: string, questionIds: readonly string[]) {
  return rowsPerStatement(questionIds, 3).map((ids) =>
    db
      .insert(questionExposure)
      .values(ids.map((questionId) => ({ orgId, questionId, drawn: 1 })))
      .onConflictDoUpdate({
        target: [questionExposure.orgId, questionExposure.questionId],
        set: { drawn: sql`${questionExposure.drawn} + 1` },
      }),
  );
}
