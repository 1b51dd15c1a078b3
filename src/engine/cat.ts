/**
 * Computerized adaptive testing: which item to give next, and when to stop. Selection balances
 * topics first (a score must cover the area, not just the items that measure best), then takes
 * the most informative items at the current ability, choosing at random among the top few so
 * that the best items do not leak by being shown to everyone.
 */
import { type ItemParams, information } from './irt';
import { pick, type Rng } from './random';

/** An item in the adaptive pool. */
export interface CatItem extends ItemParams {
  id: string;
  topic: string;
}

/** Where a session stands: what was given (in order) and the current ability estimate. */
export interface CatState {
  administered: readonly { id: string; topic: string }[];
  theta: number;
  se: number;
}

export interface CatConfig {
  /** Never stop before this many items (content coverage and a stable score). */
  minLength: number;
  /** Always stop at this many items. */
  maxLength: number;
  /** Stop once the standard error is at or below this (after minLength). */
  seTarget: number;
  /** Randomesque exposure control: pick at random among this many most informative items. */
  randomesque: number;
  /** Items shown to more than this share of sessions are skipped when the topic has others. */
  maxExposure: number;
  /** Target share per topic; topics missing here get 0. Default: equal over the pool's topics. */
  topicTargets?: Readonly<Record<string, number>>;
}

export const defaultCatConfig: Readonly<CatConfig> = {
  minLength: 15,
  maxLength: 25,
  seTarget: 0.35,
  randomesque: 5,
  maxExposure: 0.25,
};

/** Per-call inputs besides the configuration. */
export interface SelectionInputs {
  /** Share of recent sessions that showed each item, in [0, 1]. */
  exposure?: Readonly<Record<string, number>>;
  /** Items this person has already seen in earlier sessions: used only when nothing else is left. */
  avoid?: ReadonlySet<string> | readonly string[];
}

/**
 * The next item, or null when every pool item was administered. Invariants: never repeats an
 * administered item; never picks an avoided item while a fresh one exists; never picks an item
 * above maxExposure while its topic offers one below; deterministic for a given rng state.
 */
export function nextItem(
  state: CatState,
  pool: readonly CatItem[],
  rng: Rng,
  config: Partial<CatConfig> & SelectionInputs = {},
): CatItem | null {
  const { randomesque, maxExposure, topicTargets } = resolveConfig(config);
  const used = new Set(state.administered.map((item) => item.id));
  const unused = pool.filter((item) => !used.has(item.id));
  if (unused.length === 0) return null;

  const avoid = config.avoid instanceof Set ? config.avoid : new Set(config.avoid ?? []);
  const fresh = unused.filter((item) => !avoid.has(item.id));
  const candidates = fresh.length > 0 ? fresh : unused;

  const topic = chooseTopic(state, pool, candidates, rng, topicTargets);
  const inTopic = candidates.filter((item) => item.topic === topic);
  const exposure = config.exposure ?? {};
  const underCap = inTopic.filter((item) => (exposure[item.id] ?? 0) <= maxExposure);
  const eligible = underCap.length > 0 ? underCap : inTopic;

  // The first item targets the average taker (b near 0) rather than the most discriminating
  // item at theta 0, which would be the same few items for everyone.
  const first = state.administered.length === 0;
  const ranked = eligible
    .map((item) => ({ item, value: first ? -Math.abs(item.b) : information(state.theta, item) }))
    .sort((x, y) => y.value - x.value || compareIds(x.item.id, y.item.id));
  const top = ranked.slice(0, Math.max(1, Math.floor(randomesque))).map((r) => r.item);
  return pick(top, rng);
}

/**
 * Content balancing: the topic whose administered share lags its target share the most, among
 * topics that still have candidates (and a target share above 0 while any such topic has
 * candidates); ties are broken at random. With equal targets, topic counts
 * never differ by more than one while every topic has items left.
 */
function chooseTopic(
  state: CatState,
  pool: readonly CatItem[],
  candidates: readonly CatItem[],
  rng: Rng,
  topicTargets: Readonly<Record<string, number>> | undefined,
): string {
  const targets = topicTargets ?? equalShares(pool);
  const given = new Map<string, number>();
  for (const item of state.administered) given.set(item.topic, (given.get(item.topic) ?? 0) + 1);
  const n = state.administered.length;
  const all = [...new Set(candidates.map((item) => item.topic))]
    .sort(compareIds)
    .map((topic) => ({ topic, gap: (targets[topic] ?? 0) - (n > 0 ? (given.get(topic) ?? 0) / n : 0) }));
  // A topic without a target share is only a last resort, even when every targeted topic has
  // exactly its share (all gaps 0) and would otherwise tie with it.
  const targeted = all.filter((g) => (targets[g.topic] ?? 0) > 0);
  const gaps = targeted.length > 0 ? targeted : all;
  const best = Math.max(...gaps.map((g) => g.gap));
  return pick(
    gaps.filter((g) => g.gap >= best - 1e-12),
    rng,
  ).topic;
}

function equalShares(pool: readonly CatItem[]): Record<string, number> {
  const topics = [...new Set(pool.map((item) => item.topic))];
  return Object.fromEntries(topics.map((topic) => [topic, 1 / topics.length]));
}

export type StopReason = 'se-target' | 'max-length';

/**
 * Whether the session ends now. Invariant: never before minLength items, always at maxLength,
 * and in between as soon as se <= seTarget. (An exhausted pool shows as nextItem returning null.)
 */
export function shouldStop(
  state: Pick<CatState, 'administered' | 'se'>,
  config: Partial<CatConfig> = {},
): { stop: boolean; reason: StopReason | null } {
  const { minLength, maxLength, seTarget } = resolveConfig(config);
  const n = state.administered.length;
  if (n >= maxLength) return { stop: true, reason: 'max-length' };
  if (n < minLength) return { stop: false, reason: null };
  if (state.se <= seTarget) return { stop: true, reason: 'se-target' };
  return { stop: false, reason: null };
}

/** Defaults for every setting left out or explicitly undefined (a spread alone would keep the undefined). */
export function resolveConfig(config: Partial<CatConfig> = {}): CatConfig {
  const out: CatConfig = { ...defaultCatConfig };
  if (config.minLength !== undefined) out.minLength = config.minLength;
  if (config.maxLength !== undefined) out.maxLength = config.maxLength;
  if (config.seTarget !== undefined) out.seTarget = config.seTarget;
  if (config.randomesque !== undefined) out.randomesque = config.randomesque;
  if (config.maxExposure !== undefined) out.maxExposure = config.maxExposure;
  if (config.topicTargets !== undefined) out.topicTargets = config.topicTargets;
  return out;
}

function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
