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

/** The frozen items of a new attempt: each drawn question at the exact version the pool held. */
export function attemptItemsFromDraw(
  pool: readonly PoolItem[],
  drawn: readonly { questionId: string; optionOrder: string[] | null }[],
) {
  const byId = new Map(pool.map((p) => [p.id, p]));
  return drawn.map((d) => {
    const item = byId.get(d.questionId);
    if (!item) throw new Error(`drawn question ${d.questionId} is not in the pool`);
    return {
      questionId: d.questionId,
      version: item.version,
      contentHash: item.contentHash,
      optionOrder: d.optionOrder,
    };
  });
}
