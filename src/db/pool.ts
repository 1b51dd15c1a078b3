import { and, eq, inArray, isNull, notInArray, or, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { Blueprint } from '../engine/blueprint';
import type { DrawItem } from '../engine/draw';
import type { QuestionType } from '../engine/question';
import { boundedCache } from './bounded-cache';
import type { Db } from './client';
import { preparedPerDb } from './prepared';
import { bankGenerations, questionExposure, questions, questionVersions } from './schema';
import { variantParametersOf } from './variants';
import { cachedVersion, rememberVersion, type VersionForDraw } from './version-cache';

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
  return activeQuestions(db, null, { areaIds, pinned: [], executable: false });
}

/**
 * What an assessment of this organization draws from: the active questions of the blueprint's
 * sources and its pinned questions, from the public bank and the organization's own bank only
 * (another organization's collection or question is simply not there, so validation names it),
 * each with how often the organization's draws took it already.
 */
export async function blueprintPool(db: Db, orgId: string, blueprint: Blueprint): Promise<PoolItem[]> {
  const areaIds = blueprint.sections.map((s) => s.area);
  const pinned = blueprint.pinned ?? [];
  if (areaIds.length === 0 && pinned.length === 0) return [];
  return activeQuestions(db, orgId, { areaIds, pinned, executable: true });
}

/** Which questions a pool holds: those of these areas, the pinned ones, and code and SQL or not. */
interface PoolFilter {
  areaIds: string[];
  pinned: string[];
  /** False for practice, which leaves code and SQL questions out. */
  executable: boolean;
}

/** The filter as built SQL, for the full read (readPool). */
function wantedBy(filter: PoolFilter): SQL {
  return and(
    questionsNamed(filter.areaIds, filter.pinned),
    filter.executable ? undefined : notInArray(questionVersions.type, ['code', 'sql']),
  ) as SQL;
}

/** The questions a blueprint names: those of its sources and its pinned ones (null when it names none). */
export function blueprintQuestions(blueprint: Blueprint): SQL | null {
  const areaIds = blueprint.sections.map((s) => s.area);
  const pinned = blueprint.pinned ?? [];
  if (areaIds.length === 0 && pinned.length === 0) return null;
  return questionsNamed(areaIds, pinned);
}

function questionsNamed(areaIds: string[], pinned: string[]): SQL {
  return or(
    areaIds.length > 0 ? inArray(questions.areaId, areaIds) : undefined,
    pinned.length > 0 ? inArray(questions.id, pinned) : undefined,
  ) as SQL;
}

/**
 * The questions a draw of this organization may use: active, and public or its own (`null`:
 * public only). A placeholder is filled when a prepared query runs; '' there matches no
 * organization, so it also means public only.
 */
export function drawableBy(orgId: string | null | Placeholder): SQL {
  return and(
    eq(questions.status, 'active'),
    orgId === null ? isNull(questions.orgId) : or(isNull(questions.orgId), eq(questions.orgId, orgId)),
  ) as SQL;
}

/**
 * The pool from three parts. Which questions are drawable now (at which version, with their area,
 * topic and IRT parameters) changes only when a question is written, which raises the bank
 * generation of the organization and of the public bank (schema.ts `bankGenerations`): a process
 * keeps the pool it read under the generation it read it at, per database handle. What a version
 * holds (type, difficulty, options) comes from memory (version-cache.ts). Exposure changes with every start, so it is read on every call, in
 * the same statement as the generation. Reading the drawable set on every start was half of a
 * start's CPU. A version this process has not seen yet sends the whole pool through `readPool`,
 * which remembers every version it reads.
 */
async function activeQuestions(db: Db, orgId: string | null, filter: PoolFilter): Promise<PoolItem[]> {
  const key = JSON.stringify([orgId, filter.areaIds, filter.pinned, filter.executable]);
  const kept = keptPools(db).get(key);
  if (kept) {
    const [state] = await drawState(db).all({ orgId: orgId ?? '' });
    if (state?.generation === kept.generation) {
      const drawn = JSON.parse(state.exposure ?? '{}') as Record<string, number>;
      return kept.items.map((item) => ({ ...item, exposure: drawn[item.id] ?? 0 }));
    }
  }
  const { generation, rows } = await drawableNow(db, orgId, filter);
  const pool: PoolItem[] = [];
  for (const [id, version, contentHash, area, topic, irtA, irtB, exposure] of rows) {
    const held = cachedVersion({ questionId: id, version, contentHash });
    if (!held) return readPool(db, orgId, wantedBy(filter));
    const { type, difficulty, optionIds } = held;
    pool.push({ id, area, topic, version, contentHash, irtA, irtB, type, difficulty, optionIds, exposure });
  }
  if (generation !== null) keptPools(db).set(key, { generation, items: pool });
  return pool;
}

/** A few pools per database handle: one per blueprint in use (the bench's is 327 questions, ~60 KB). */
const keptPools = preparedPerDb(() => boundedCache<{ generation: number; items: readonly PoolItem[] }>(64));

/**
 * The generation a pool of `orgId` ('' for public only) is read under: the sum of the public bank's
 * and the organization's counts. Both only rise, so a write to either moves it.
 */
const generationOf = (orgId: Placeholder) =>
  sql<number>`(select coalesce(sum(${bankGenerations.n}), 0) from ${bankGenerations} where ${bankGenerations.scope} in ('', ${orgId}))`;

/** The bank generation and the organization's exposure as a JSON object, question id to times drawn. */
const drawState = preparedPerDb((db) =>
  db
    .select({
      generation: generationOf(sql.placeholder('orgId')),
      exposure: sql<string | null>`(select json_group_object(${questionExposure.questionId}, ${questionExposure.drawn})
        from ${questionExposure} where ${questionExposure.orgId} = ${sql.placeholder('orgId')})`,
    })
    .from(sql`(select 1)`)
    .prepare(),
);

type DrawableRow = [
  id: string,
  version: number,
  contentHash: string,
  area: string,
  topic: string,
  irtA: number,
  irtB: number,
  exposure: number,
];

/**
 * The drawable questions' changing columns as one JSON array: one row through the driver instead
 * of one per question, with the generation it was read at. Prepared once per database handle: the
 * areas and pinned ids go in as JSON arrays, so the SQL text is the same for every blueprint (a
 * fifth of a start's CPU was Drizzle building this and the start's inserts). `orgId` '' matches no
 * organization: public only.
 */
const drawableRead = preparedPerDb((db) =>
  db
    .select({
      generation: generationOf(sql.placeholder('orgId')),
      rows: sql<string>`json_group_array(json_array(${questions.id}, ${questions.currentVersion}, ${questionVersions.contentHash}, ${questions.areaId}, ${questions.topic}, ${questions.irtA}, ${questions.irtB}, coalesce(${questionExposure.drawn}, 0)))`,
    })
    .from(questions)
    .innerJoin(questionVersions, currentVersionOf)
    .leftJoin(questionExposure, exposureFor(sql.placeholder('orgId')))
    .where(
      and(
        sql`(${questions.areaId} in (select value from json_each(${sql.placeholder('areaIds')}))
          or ${questions.id} in (select value from json_each(${sql.placeholder('pinned')})))`,
        sql`(${sql.placeholder('executable')} = 1 or ${questionVersions.type} not in ('code', 'sql'))`,
        drawableBy(sql.placeholder('orgId')),
      ),
    )
    .prepare(),
);

async function drawableNow(
  db: Db,
  orgId: string | null,
  filter: PoolFilter,
): Promise<{ generation: number | null; rows: DrawableRow[] }> {
  const [row] = await drawableRead(db).all({
    orgId: orgId ?? '',
    areaIds: JSON.stringify(filter.areaIds),
    pinned: JSON.stringify(filter.pinned),
    executable: filter.executable ? 1 : 0,
  });
  return { generation: row?.generation ?? null, rows: JSON.parse(row?.rows ?? '[]') as DrawableRow[] };
}

const currentVersionOf = and(
  eq(questionVersions.questionId, questions.id),
  eq(questionVersions.version, questions.currentVersion),
) as SQL;

const exposureFor = (orgId: string | null | Placeholder) =>
  and(eq(questionExposure.questionId, questions.id), eq(questionExposure.orgId, orgId ?? '')) as SQL;

/** The pool read whole, each question with its current version's content, every version remembered. */
async function readPool(db: Db, orgId: string | null, wanted: SQL): Promise<PoolItem[]> {
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
      variant: questionVersions.variant,
      exposure: questionExposure.drawn,
    })
    .from(questions)
    .innerJoin(questionVersions, currentVersionOf)
    .leftJoin(questionExposure, exposureFor(orgId))
    .where(and(wanted, drawableBy(orgId)));
  return rows.map(({ options, exposure, variant, ...row }) => {
    const held: VersionForDraw = {
      type: row.type as QuestionType,
      difficulty: row.difficulty as DrawItem['difficulty'],
      optionIds: options.map((o) => o.id),
      variantParameters: variantParametersOf(variant),
    };
    rememberVersion({ questionId: row.id, version: row.version, contentHash: row.contentHash }, held);
    return { ...row, type: held.type, difficulty: held.difficulty, optionIds: held.optionIds, exposure: exposure ?? 0 };
  });
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
