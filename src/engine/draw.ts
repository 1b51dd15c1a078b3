/**
 * Turns a blueprint into the frozen question list of one attempt: which questions, in which
 * order, with which option order. Deterministic for a seed, so the list can be rebuilt or
 * audited, and the option order is recorded at start (never re-shuffled on reload).
 */

import { rulesFor } from '../question-types/rules';
import {
  apportion,
  type Band,
  type Blueprint,
  type BlueprintSection,
  bandOf,
  bands,
  defaultMix,
  validateBlueprint,
} from './blueprint';
import type { ItemForDraw } from './question';
import { createRng, type Rng, shuffle } from './random';

/** A drawable question with its option ids in file order (for `ordering`, file order is the correct order). */
export interface DrawItem extends ItemForDraw {
  optionIds: string[];
}

/** One position of the attempt; `optionOrder` is the option ids in display order, null for types without options. */
export interface DrawnQuestion {
  questionId: string;
  optionOrder: string[] | null;
}

/** The assessment's shuffle switches; both default to true. */
export interface DrawOptions {
  shuffleQuestions?: boolean;
  shuffleOptions?: boolean;
}

/** Active questions per area, the input validateBlueprint needs. */
export function countByArea(pool: readonly ItemForDraw[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of pool) counts[item.area] = (counts[item.area] ?? 0) + 1;
  return counts;
}

/**
 * How many questions to take per band: the blueprint's apportionment where the pool allows it,
 * a short band's deficit moved to the nearest band with spare questions. Sums to `count` whenever
 * the bands together hold that many.
 */
export function planBands(
  count: number,
  mix: BlueprintSection['mix'],
  available: Readonly<Record<Band, number>>,
): Record<Band, number> {
  const target = apportion(count, mix ?? defaultMix);
  const take: Record<Band, number> = {
    easy: Math.min(target.easy, available.easy),
    medium: Math.min(target.medium, available.medium),
    hard: Math.min(target.hard, available.hard),
  };
  bands.forEach((short, shortIndex) => {
    let deficit = target[short] - take[short];
    while (deficit > 0) {
      // Nearest band first (easy borrows from medium before hard); between two equally near
      // bands, the one with more spare questions, so medium's deficit is split evenly.
      const donor = bands
        .map((band, index) => ({ band, index, spare: available[band] - take[band] }))
        .filter((d) => d.spare > 0)
        .sort(
          (x, y) =>
            Math.abs(x.index - shortIndex) - Math.abs(y.index - shortIndex) || y.spare - x.spare || x.index - y.index,
        )[0];
      if (donor === undefined) break;
      take[donor.band] += 1;
      deficit -= 1;
    }
  });
  return take;
}

/**
 * Draws the questions of an attempt. Invariants: the same pool, blueprint and seed give the same
 * list; each section gets exactly `count` distinct questions of its area; throws when the
 * blueprint cannot be honoured (validate it first to show the problems to the author).
 */
export function drawQuestions(
  pool: readonly DrawItem[],
  blueprint: Blueprint,
  seed: string,
  options: DrawOptions = {},
): DrawnQuestion[] {
  const { shuffleQuestions = true, shuffleOptions = true } = options;
  // Sort and de-duplicate first: the database may return rows in any order, and the draw
  // must depend on the seed alone.
  const unique = new Map<string, DrawItem>();
  for (const item of [...pool].sort((x, y) => compareIds(x.id, y.id))) {
    if (!unique.has(item.id)) unique.set(item.id, item);
  }
  const items = [...unique.values()];
  const problems = validateBlueprint(blueprint, countByArea(items));
  if (problems.length > 0) throw new Error(`Cannot draw from this blueprint: ${problems.join(' ')}`);

  const selectRng = createRng(`${seed}:select`);
  const chosen: DrawItem[] = [];
  for (const section of blueprint.sections) {
    chosen.push(
      ...drawSection(
        items.filter((item) => item.area === section.area.trim()),
        section,
        selectRng,
      ),
    );
  }
  const ordered = shuffleQuestions ? shuffle(chosen, createRng(`${seed}:order`)) : chosen;
  return ordered.map((item) => ({ questionId: item.id, optionOrder: optionOrderFor(item, seed, shuffleOptions) }));
}

function drawSection(areaItems: readonly DrawItem[], section: BlueprintSection, rng: Rng): DrawItem[] {
  const byBand: Record<Band, DrawItem[]> = { easy: [], medium: [], hard: [] };
  for (const item of areaItems) byBand[bandOf(item.difficulty)].push(item);
  const plan = planBands(section.count, section.mix, {
    easy: byBand.easy.length,
    medium: byBand.medium.length,
    hard: byBand.hard.length,
  });

  // A seeded topic ranking breaks ties, so no topic is always first.
  const topics = shuffle([...new Set(areaItems.map((item) => item.topic))].sort(compareIds), rng);
  const rank = new Map(topics.map((topic, index) => [topic, index]));
  const drawnPerTopic = new Map<string, number>();
  const out: DrawItem[] = [];

  for (const band of bands) {
    const queues = new Map<string, DrawItem[]>();
    for (const topic of topics) {
      const inTopic = byBand[band].filter((item) => item.topic === topic);
      if (inTopic.length > 0) queues.set(topic, shuffle(inTopic, rng));
    }
    for (let k = 0; k < plan[band]; k++) {
      // Round-robin over topics: the topic drawn least so far in this section goes next,
      // which also evens topics out across bands.
      let best: string | undefined;
      for (const [topic, queue] of queues) {
        if (queue.length === 0) continue;
        if (
          best === undefined ||
          (drawnPerTopic.get(topic) ?? 0) < (drawnPerTopic.get(best) ?? 0) ||
          ((drawnPerTopic.get(topic) ?? 0) === (drawnPerTopic.get(best) ?? 0) &&
            (rank.get(topic) ?? 0) < (rank.get(best) ?? 0))
        ) {
          best = topic;
        }
      }
      const item = best === undefined ? undefined : queues.get(best)?.shift();
      if (best === undefined || item === undefined) break;
      drawnPerTopic.set(best, (drawnPerTopic.get(best) ?? 0) + 1);
      out.push(item);
    }
  }
  return out;
}

/**
 * The display order of a question's options, by its type's rule: null for types without
 * options; shuffled for single and multiple when the assessment shuffles options; always
 * shuffled for ordering, and never in the correct order. Seeded per question, so one question's
 * order does not depend on the rest of the draw.
 */
export function optionOrderFor(item: DrawItem, seed: string, shuffleOptions = true): string[] | null {
  return rulesFor(item.type).optionOrder(item.optionIds, createRng(`${seed}:options:${item.id}`), shuffleOptions);
}

function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
