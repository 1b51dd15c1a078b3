import { and, eq, inArray } from 'drizzle-orm';
import type { DrawItem } from '../engine/draw';
import type { QuestionType } from '../engine/question';
import type { Db } from './client';
import { questions, questionVersions } from './schema';

export interface PoolItem extends DrawItem {
  version: number;
  contentHash: string;
  irtA: number;
  irtB: number;
}

/** Active questions of these areas at their current version: what a draw or an adaptive test chooses from. */
export async function activePool(db: Db, areaIds: string[]): Promise<PoolItem[]> {
  if (areaIds.length === 0) return [];
  const rows = await db
    .select({
      id: questions.id,
      area: questions.areaId,
      topic: questions.topic,
      version: questions.currentVersion,
      irtA: questions.irtA,
      irtB: questions.irtB,
      type: questionVersions.type,
      difficulty: questionVersions.difficulty,
      contentHash: questionVersions.contentHash,
      options: questionVersions.options,
    })
    .from(questions)
    .innerJoin(
      questionVersions,
      and(eq(questionVersions.questionId, questions.id), eq(questionVersions.version, questions.currentVersion)),
    )
    .where(and(inArray(questions.areaId, areaIds), eq(questions.status, 'active')));
  return rows.map(({ options, ...row }) => ({
    ...row,
    type: row.type as QuestionType,
    difficulty: row.difficulty as DrawItem['difficulty'],
    optionIds: options.map((o) => o.id),
  }));
}

/** Active question counts per area, for validating blueprints as they are edited. */
export async function poolCounts(db: Db, areaIds: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const item of await activePool(db, areaIds)) counts[item.area] = (counts[item.area] ?? 0) + 1;
  return counts;
}
