import { and, eq, type SQL } from 'drizzle-orm';
import { attemptItems, questionVersions } from './schema';

/**
 * Joins an attempt item to the question version it drew: the version the candidate saw and is
 * scored against, which an edit after the start leaves as it was (not the question's current one).
 */
export const versionOfItem = and(
  eq(questionVersions.questionId, attemptItems.questionId),
  eq(questionVersions.version, attemptItems.questionVersion),
) as SQL;
