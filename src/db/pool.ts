import { and, eq, inArray, isNull, notInArray, or, type SQL } from 'drizzle-orm';
import type { Blueprint } from '../engine/blueprint';
import type { DrawItem } from '../engine/draw';
import type { QuestionType } from '../engine/question';
import type { Db } from './client';
import { questionExposure, questions, questionVersions } from './schema';

export interface PoolItem extends DrawItem {
  version: number;
  contentHash: string;
  irtA: number;
  irtB: number;
}

/**
 * Active public questions of these areas at their current version: what a practice test chooses
 * from. Code and SQL questions are left out: they are graded by running them at the finish, and
 * an adaptive test needs each answer's credit as soon as it is saved.
 */
export async function activePool(db: Db, areaIds: string[]): Promise<PoolItem[]> {
  if (areaIds.length === 0) return [];
  return activeQuestions(
    db,
    null,
    and(inArray(questions.areaId, areaIds), notInArray(questionVersions.type, ['code', 'sql'])) as SQL,
  );
}

/**
 * What an assessment of this organization draws from: the active questions of the blueprint's
 * sources and its pinned questions, from the public bank and the organization's own bank only
 * (another organization's collection or question is simply not there, so validation names it),
 * each with how often the organization's draws took it already.
 */
export async function blueprintPool(db: Db, orgId: string, blueprint: Blueprint): Promise<PoolItem[]> {
  const wanted = blueprintQuestions(blueprint);
  return wanted ? activeQuestions(db, orgId, wanted) : [];
}

/** The questions a blueprint names: those of its sources and its pinned ones (null when it names none). */
export function blueprintQuestions(blueprint: Blueprint): SQL | null {
  const areaIds = blueprint.sections.map((s) => s.area);
  const pinned = blueprint.pinned ?? [];
  if (areaIds.length === 0 && pinned.length === 0) return null;
  return or(
    areaIds.length > 0 ? inArray(questions.areaId, areaIds) : undefined,
    pinned.length > 0 ? inArray(questions.id, pinned) : undefined,
  ) as SQL;
}

/** The questions a draw of this organization may use: active, and public or its own (`null`: public only). */
export function drawableBy(orgId: string | null): SQL {
  return and(
    eq(questions.status, 'active'),
    orgId === null ? isNull(questions.orgId) : or(isNull(questions.orgId), eq(questions.orgId, orgId)),
  ) as SQL;
}

async function activeQuestions(db: Db, orgId: string | null, wanted: SQL): Promise<PoolItem[]> {
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
      exposure: questionExposure.drawn,
    })
    .from(questions)
    .innerJoin(
      questionVersions,
      and(eq(questionVersions.questionId, questions.id), eq(questionVersions.version, questions.currentVersion)),
    )
    .leftJoin(
      questionExposure,
      and(eq(questionExposure.questionId, questions.id), eq(questionExposure.orgId, orgId ?? '')),
    )
    .where(and(wanted, drawableBy(orgId)));
  return rows.map(({ options, exposure, ...row }) => ({
    ...row,
    type: row.type as QuestionType,
    difficulty: row.difficulty as DrawItem['difficulty'],
    optionIds: options.map((o) => o.id),
    exposure: exposure ?? 0,
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
