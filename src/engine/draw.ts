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
  /** How often this organization's draws took the question already; missing means never. */
  exposure?: number;
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
 * the bands together hold that many. `pinned` questions (part of `count` and of `available`) are
 * always taken, so a band never gets fewer than its pinned ones; their surplus over the band's
 * share comes out of the other bands, nearest first.
 */
export function planBands(
  count: number,
  mix: BlueprintSection['mix'],
  available: Readonly<Record<Band, number>>,
  pinned: Readonly<Record<Band, number>> = { easy: 0, medium: 0, hard: 0 },
): Record<Band, number> {
  const target = apportion(count, mix ?? defaultMix);
  bands.forEach((band, bandIndex) => {
    let surplus = pinned[band] - target[band];
    if (surplus <= 0) return;
    target[band] = pinned[band];
    while (surplus > 0) {
      const giver = nearestBand(bandIndex, (b) => target[b] - pinned[b]);
      if (giver === undefined) break;
      target[giver] -= 1;
      surplus -= 1;
    }
  });
  const take: Record<Band, number> = {
    easy: Math.min(target.easy, available.easy),
    medium: Math.min(target.medium, available.medium),
    hard: Math.min(target.hard, available.hard),
  };
  bands.forEach((short, shortIndex) => {
    let deficit = target[short] - take[short];
    while (deficit > 0) {
      const donor = nearestBand(shortIndex, (b) => available[b] - take[b]);
      if (donor === undefined) break;
      take[donor] += 1;
      deficit -= 1;
    }
  });
  return take;
}

/**
 * The band nearest to `from` with something to spare (easy looks at medium before hard); between
 * two equally near bands, the one with more to spare, so medium's need is split evenly.
 */
function nearestBand(from: number, spareOf: (band: Band) => number): Band | undefined {
  return bands
    .map((band, index) => ({ band, index, spare: spareOf(band) }))
    .filter((d) => d.spare > 0)
    .sort((x, y) => Math.abs(x.index - from) - Math.abs(y.index - from) || y.spare - x.spare || x.index - y.index)[0]
    ?.band;
}

/**
 * Draws the questions of an attempt. Invariants: the same pool, blueprint and seed give the same
 * list; every pinned question is in it; each section gets exactly `count` distinct questions of
 * its area, its pinned ones included; among questions of the same band and topic, the less
 * exposed come first (`exposure`, ties broken by the seed); throws when the blueprint cannot be
 * honoured (validate it first to show the problems to the author).
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
  const pinnedIds = blueprint.pinned ?? [];
  const problems = validateBlueprint(blueprint, countByArea(items), pinnedSourcesOf(items, pinnedIds));
  if (problems.length > 0) throw new Error(`Cannot draw from this blueprint: ${problems.join(' ')}`);

  const pinned = pinnedIds.map((id) => unique.get(id)).filter((item): item is DrawItem => item !== undefined);
  const pinnedSet = new Set(pinnedIds);
  const selectRng = createRng(`${seed}:select`);
  const chosen: DrawItem[] = [];
  const sectionAreas = new Set<string>();
  for (const section of blueprint.sections) {
    const area = section.area.trim();
    sectionAreas.add(area);
    const pinnedHere = pinned.filter((item) => item.area === area);
    chosen.push(
      ...pinnedHere,
      ...drawSection(
        items.filter((item) => item.area === area && !pinnedSet.has(item.id)),
        pinnedHere,
        section,
        selectRng,
      ),
    );
  }
  chosen.push(...pinned.filter((item) => !sectionAreas.has(item.area)));
  const ordered = shuffleQuestions ? shuffle(chosen, createRng(`${seed}:order`)) : chosen;
  return ordered.map((item) => ({ questionId: item.id, optionOrder: optionOrderFor(item, seed, shuffleOptions) }));
}

/** The source of each pinned question the pool holds: what validateBlueprint checks pins against. */
export function pinnedSourcesOf(pool: readonly ItemForDraw[], pinnedIds: readonly string[]): Record<string, string> {
  const wanted = new Set(pinnedIds);
  const sources: Record<string, string> = {};
  for (const item of pool) if (wanted.has(item.id)) sources[item.id] = item.area;
  return sources;
}

/** Questions per band, the shape planBands takes. */
export function countByBand(items: readonly { difficulty: number }[]): Record<Band, number> {
  const counts: Record<Band, number> = { easy: 0, medium: 0, hard: 0 };
  for (const item of items) counts[bandOf(item.difficulty)] += 1;
  return counts;
}

function drawSection(
  areaItems: readonly DrawItem[],
  pinned: readonly DrawItem[],
  section: BlueprintSection,
  rng: Rng,
): DrawItem[] {
  const byBand: Record<Band, DrawItem[]> = { easy: [], medium: [], hard: [] };
  for (const item of areaItems) byBand[bandOf(item.difficulty)].push(item);
  const pinnedBands = countByBand(pinned);
  const plan = planBands(
    section.count,
    section.mix,
    {
      easy: byBand.easy.length + pinnedBands.easy,
      medium: byBand.medium.length + pinnedBands.medium,
      hard: byBand.hard.length + pinnedBands.hard,
    },
    pinnedBands,
  );

  // A seeded topic ranking breaks ties, so no topic is always first.
  const topics = shuffle([...new Set(areaItems.map((item) => item.topic))].sort(compareIds), rng);
  const rank = new Map(topics.map((topic, index) => [topic, index]));
  // Pinned questions count for their topics, so the draw evens topics out around them.
  const drawnPerTopic = new Map<string, number>();
  for (const item of pinned) drawnPerTopic.set(item.topic, (drawnPerTopic.get(item.topic) ?? 0) + 1);
  const out: DrawItem[] = [];

  for (const band of bands) {
    const queues = new Map<string, DrawItem[]>();
    for (const topic of topics) {
      const inTopic = byBand[band].filter((item) => item.topic === topic);
      // Shuffled by the seed, then the least exposed first (a stable sort keeps the seed's
      // order among equals), so an organization's candidates see the bank evenly.
      if (inTopic.length > 0) queues.set(topic, leastExposedFirst(shuffle(inTopic, rng)));
    }
    for (let k = 0; k < plan[band] - pinnedBands[band]; k++) {
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

function leastExposedFirst(items: DrawItem[]): DrawItem[] {
  return items.sort((x, y) => (x.exposure ?? 0) - (y.exposure ?? 0));
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
