/**
 * The values of variant questions on attempt items: drawn when an item is written (from the
 * attempt's seed and the question id, so the same attempt always has the same instance), and
 * read back with the version's spec wherever an item's content is shown or scored.
 */
import { and, inArray, isNotNull } from 'drizzle-orm';
import { drawVariantValues, type ParameterSpec, type VariantValues } from '../engine/variant';
import type { Db } from './client';
import { questionVersions } from './schema';
import { cachedVersion } from './version-cache';

/** The parameters of a version's stored variant spec, null for a fixed question. */
export function variantParametersOf(spec: Record<string, unknown> | null): ParameterSpec[] | null {
  return spec ? (spec as { parameters: ParameterSpec[] }).parameters : null;
}

/**
 * Each new item's parameter values, in the order of `items`: drawn for a variant question's
 * version, null for a fixed one. From memory when the draw just read every version (the
 * version cache), else one query for all items.
 */
export async function variantValuesFor(
  db: Db,
  seed: string,
  items: readonly { questionId: string; version: number; contentHash: string }[],
): Promise<(VariantValues | null)[]> {
  if (items.length === 0) return [];
  const held = items.map((item) => cachedVersion(item));
  const parameters = held.every((h) => h !== undefined)
    ? new Map(items.map((item, i) => [`${item.questionId}@${item.version}`, held[i]?.variantParameters ?? null]))
    : await readParameters(db, items);
  return items.map((item) => {
    const spec = parameters.get(`${item.questionId}@${item.version}`);
    return spec ? drawVariantValues(spec, seed, item.questionId) : null;
  });
}

async function readParameters(db: Db, items: readonly { questionId: string }[]) {
  const rows = await db
    .select({
      questionId: questionVersions.questionId,
      version: questionVersions.version,
      spec: questionVersions.variant,
    })
    .from(questionVersions)
    .where(
      and(
        inArray(
          questionVersions.questionId,
          items.map((i) => i.questionId),
        ),
        isNotNull(questionVersions.variant),
      ),
    );
  return new Map(rows.map((r) => [`${r.questionId}@${r.version}`, variantParametersOf(r.spec)]));
}
