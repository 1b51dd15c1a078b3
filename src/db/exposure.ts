import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { questionExposure } from './schema';

/**
 * An upsert adding 1 to the organization's count of each drawn question: a statement for the
 * batch that starts the attempt, so a start that rolls back counts nothing. The ids go in as one
 * JSON array, so the SQL text is the same for any number of questions (one prepared statement,
 * two parameters, far under D1's 100). An insert of the query builder with a select of its own:
 * a raw statement inside a batch crashes on D1. `where true` is SQLite's rule for an upsert
 * whose rows come from a select.
 */
export function countExposure(db: Db, orgId: string, questionIds: readonly string[]) {
  return db
    .insert(questionExposure)
    .select(sql`select ${orgId}, value, 1 from json_each(${JSON.stringify(questionIds)}) where true`)
    .onConflictDoUpdate({
      target: [questionExposure.orgId, questionExposure.questionId],
      set: { drawn: sql`${questionExposure.drawn} + 1` },
    });
}
