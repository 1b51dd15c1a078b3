import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from './client';
import { questions, questionVersions, skillAreas } from './schema';

export interface AreaSummary {
  id: string;
  title: string;
  summary: string;
  questionCount: number;
}

/** Every public skill area with its number of active questions, in catalog order (private collections are not areas of the catalog). */
export async function listAreas(db: Db): Promise<AreaSummary[]> {
  return db
    .select({
      id: skillAreas.id,
      title: skillAreas.title,
      summary: skillAreas.summary,
      // Written out: Drizzle leaves outer columns unqualified inside a subquery, which would bind to the inner table.
      questionCount: sql<number>`(select count(*) from questions q where q.area_id = skill_areas.id and q.status = 'active')`,
    })
    .from(skillAreas)
    .where(isNull(skillAreas.orgId))
    .orderBy(asc(skillAreas.position), asc(skillAreas.title));
}

/** A public skill area; null for an unknown id or an organization's private collection. */
export async function getArea(db: Db, id: string) {
  const [area] = await db
    .select()
    .from(skillAreas)
    .where(and(eq(skillAreas.id, id), isNull(skillAreas.orgId)));
  return area ?? null;
}

export interface TopicSpread {
  topic: string;
  difficulty: number;
  type: string;
  count: number;
}

/** Counts of active questions by topic, difficulty and type: what an area page shows, no content. */
export async function areaSpread(db: Db, areaId: string): Promise<TopicSpread[]> {
  return db
    .select({
      topic: questions.topic,
      difficulty: questionVersions.difficulty,
      type: questionVersions.type,
      count: sql<number>`count(*)`,
    })
    .from(questions)
    .innerJoin(
      questionVersions,
      and(eq(questionVersions.questionId, questions.id), eq(questionVersions.version, questions.currentVersion)),
    )
    .where(and(eq(questions.areaId, areaId), eq(questions.status, 'active')))
    .groupBy(questions.topic, questionVersions.difficulty, questionVersions.type);
}
