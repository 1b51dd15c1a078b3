/**
 * A blueprint says what an assessment draws: per skill area, how many questions and in which
 * difficulty mix. It is stored with the assessment (see src/db/schema.ts, same shape) and
 * turned into a concrete question list by draw.ts.
 */

/** Relative weights of the three difficulty bands; only their ratio matters. */
export interface DifficultyMix {
  easy: number;
  medium: number;
  hard: number;
}

export interface BlueprintSection {
  area: string;
  count: number;
  mix?: DifficultyMix;
}

export interface Blueprint {
  sections: BlueprintSection[];
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
 * Human-readable problems with a blueprint against the number of active questions per area;
 * an empty list means drawQuestions can honour it. A short difficulty band is not a problem:
 * the draw borrows from neighbouring bands.
 */
export function validateBlueprint(blueprint: Blueprint, poolCounts: Readonly<Record<string, number>>): string[] {
  const problems: string[] = [];
  if (!blueprint || !Array.isArray(blueprint.sections) || blueprint.sections.length === 0) {
    return ['The blueprint has no sections: add at least one skill area.'];
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
