/**
 * A blueprint says what an assessment draws: per source, how many questions and in which
 * difficulty mix, plus pinned questions every candidate gets. A source is a public skill area or
 * one of the organization's private collections (both are skill_areas rows, so a section names
 * either by id; which ones an organization may use is the database layer's check). It is stored
 * with the assessment (see src/db/schema.ts, same shape; blueprints saved before pinning have no
 * `pinned` and read as none) and turned into a concrete question list by draw.ts.
 */

/** Relative weights of the three difficulty bands; only their ratio matters. */
export interface DifficultyMix {
  easy: number;
  medium: number;
  hard: number;
}

export interface BlueprintSection {
  /** A public area's id or a private collection's id. */
  area: string;
  /** Questions from this source, pinned ones of the source included. */
  count: number;
  mix?: DifficultyMix;
}

export interface Blueprint {
  sections: BlueprintSection[];
  /**
   * Question ids asked in every attempt ("always ask these"), from either bank. A pinned question
   * of a section's source takes one of that section's seats; one from a source no section names
   * is asked on top of the sections.
   */
  pinned?: string[];
}

/** Where each pinned question can be drawn from: its source, for the active questions the organization may use. */
export type PinnedSources = Readonly<Record<string, string>>;

/** How many questions an attempt of this blueprint asks: the sections' counts and the pinned questions outside them. */
export function questionTotal(blueprint: Blueprint, pinnedSources: PinnedSources = {}): number {
  const areas = new Set(blueprint.sections.map((s) => s.area.trim()));
  const outside = (blueprint.pinned ?? []).filter((id) => !areas.has(pinnedSources[id] ?? ''));
  return blueprint.sections.reduce((sum, s) => sum + s.count, 0) + outside.length;
}

export const bands = ['easy', 'medium', 'hard'] as const;
export type Band = (typeof bands)[number];

/** Half the questions medium, a quarter each easy and hard, unless the blueprint says otherwise. */
export const defaultMix: Readonly<DifficultyMix> = { easy: 1, medium: 2, hard: 1 };

/** Difficulty 1-2 is easy, 3 medium, 4-5 hard. */
export function bandOf(difficulty: number): Band {
  if (difficulty <= 2) return 'easy';
  if (difficulty === 3) return 'medium';
  return 'hard';
}

/**
 * Splits `count` over the bands in proportion to `mix` by largest remainder (Hamilton): the parts
 * always sum to `count`, and each part is its exact quota rounded down or up.
 */
export function apportion(count: number, mix: DifficultyMix = defaultMix): Record<Band, number> {
  const total = mix.easy + mix.medium + mix.hard;
  const parts: Record<Band, number> = { easy: 0, medium: 0, hard: 0 };
  if (count <= 0 || !(total > 0)) return parts;
  const quotas = bands.map((band) => ({ band, quota: (count * mix[band]) / total }));
  let given = 0;
  for (const { band, quota } of quotas) {
    parts[band] = Math.floor(quota);
    given += parts[band];
  }
  // Leftover seats go to the largest fractions; ties favour the heavier weight, then the
  // easier band, so the split is deterministic and leans towards what the author stressed.
  const order = quotas
    .map(({ band, quota }, index) => ({ band, rest: quota - Math.floor(quota), weight: mix[band], index }))
    .sort((x, y) => y.rest - x.rest || y.weight - x.weight || x.index - y.index);
  for (const { band } of order.slice(0, count - given)) parts[band] += 1;
  return parts;
}

/**
 * Human-readable problems with a blueprint against the number of active questions per area and
 * the source of each pinned question that may be asked (`pinnedSources`; a pinned id missing from
 * it is not an active question the organization may use); an empty list means drawQuestions can
 * honour it. A short difficulty band is not a problem: the draw borrows from neighbouring bands.
 */
export function validateBlueprint(
  blueprint: Blueprint,
  poolCounts: Readonly<Record<string, number>>,
  pinnedSources: PinnedSources = {},
): string[] {
  const problems: string[] = [];
  const pinned = Array.isArray(blueprint?.pinned) ? blueprint.pinned : [];
  if (!blueprint || !Array.isArray(blueprint.sections) || (blueprint.sections.length === 0 && pinned.length === 0)) {
    return ['The blueprint has no sections: add at least one skill area.'];
  }
  const seenPinned = new Set<string>();
  const pinnedPerArea = new Map<string, number>();
  for (const id of pinned) {
    if (seenPinned.has(id)) problems.push(`Pinned question ${id} is listed twice.`);
    seenPinned.add(id);
    const source = Object.hasOwn(pinnedSources, id) ? pinnedSources[id] : undefined;
    if (source === undefined) {
      problems.push(`Pinned question ${id} is not an active question of the public bank or of your organization.`);
    } else {
      pinnedPerArea.set(source, (pinnedPerArea.get(source) ?? 0) + 1);
    }
  }
  const seen = new Set<string>();
  blueprint.sections.forEach((section, i) => {
    const where = `Section ${i + 1}`;
    const area = typeof section.area === 'string' ? section.area.trim() : '';
    if (area === '') {
      problems.push(`${where}: choose a skill area.`);
      return;
    }
    const label = `${where} (${area})`;
    if (seen.has(area)) problems.push(`${label}: the area appears more than once; merge the sections.`);
    seen.add(area);
    if (!Number.isInteger(section.count) || section.count < 1) {
      problems.push(`${label}: the question count must be a whole number of at least 1 (got ${section.count}).`);
    }
    const available = Object.hasOwn(poolCounts, area) ? (poolCounts[area] ?? 0) : 0;
    if (available === 0) {
      problems.push(`${label}: the area has no active questions.`);
    } else if (Number.isInteger(section.count) && section.count > available) {
      problems.push(`${label}: asks for ${section.count} questions but the area has only ${available}.`);
    }
    const pinnedHere = pinnedPerArea.get(area) ?? 0;
    if (Number.isInteger(section.count) && pinnedHere > section.count) {
      problems.push(
        `${label}: ${pinnedHere} pinned questions come from this area but it asks for only ${section.count}; raise the count.`,
      );
    }
    if (section.mix !== undefined) {
      const weights = bands.map((band) => section.mix?.[band]);
      if (weights.some((w) => typeof w !== 'number' || !Number.isFinite(w) || w < 0)) {
        problems.push(`${label}: difficulty weights must be numbers of 0 or more.`);
      } else if (weights.every((w) => w === 0)) {
        problems.push(`${label}: at least one difficulty weight must be above 0.`);
      }
    }
  });
  return problems;
}
