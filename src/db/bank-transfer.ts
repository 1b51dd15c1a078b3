import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from './client';
import { questions, questionVersions, skillAreas } from './schema';

/**
 * The organization's questions that are not retired, at their current version, with their
 * collection: what an export writes (every status but retired, so drafts travel too) and what an
 * import compares against to skip a question the collection already holds. Only this
 * organization's collections and questions.
 */
export async function bankQuestionsForTransfer(db: Db, orgId: string, collectionId?: string) {
  return db
    .select({
      id: questions.id,
      collectionId: questions.areaId,
      topic: questions.topic,
      status: questions.status,
      sourceText: questionVersions.sourceText,
    })
    .from(questions)
    .innerJoin(
      questionVersions,
      and(eq(questionVersions.questionId, questions.id), eq(questionVersions.version, questions.currentVersion)),
    )
    .innerJoin(skillAreas, and(eq(skillAreas.id, questions.areaId), eq(skillAreas.orgId, orgId)))
    .where(
      and(
        eq(questions.orgId, orgId),
        ne(questions.status, 'retired'),
        collectionId === undefined ? undefined : eq(questions.areaId, collectionId),
      ),
    )
    .orderBy(asc(questions.areaId), asc(questions.topic), asc(questions.createdAt), asc(questions.id));
}
