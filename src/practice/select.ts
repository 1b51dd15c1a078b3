/**
 * The adaptive step of a practice session: stop now, or which question comes next. Pure: the
 * random choice among the best items is seeded by the attempt and the position, so two requests
 * racing to choose the same position choose the same item.
 */
import { type CatItem, nextItem, shouldStop } from '../engine/cat';
import { type DrawItem, optionOrderFor } from '../engine/draw';
import type { AbilityEstimate } from '../engine/irt';
import { createRng } from '../engine/random';
import { practiceCat, type TestLength } from './rules';

/** A question the session may give: its draw fields (for the option order) and 2PL parameters. */
export interface PracticePoolItem extends DrawItem {
  irtA: number;
  irtB: number;
}

export type StopReason = 'se-target' | 'max-length' | 'pool-exhausted';

export type Selection<T extends PracticePoolItem = PracticePoolItem> =
  | { kind: 'stop'; reason: StopReason }
  | { kind: 'next'; item: T; optionOrder: string[] | null };

export interface SelectionInput<T extends PracticePoolItem = PracticePoolItem> {
  pool: readonly T[];
  /** What was given so far, in order. */
  administered: readonly { questionId: string; topic: string }[];
  estimate: AbilityEstimate;
  length: TestLength;
  seed: string;
  /** Share of recent sessions that showed each item (exposure control); none while there are few sessions. */
  exposure?: Readonly<Record<string, number>>;
  /** Items this person saw in earlier sessions of the area: given again only when nothing fresh is left. */
  avoid?: ReadonlySet<string>;
}

/**
 * Stop (never before minLength, always at maxLength, in between once SE <= the target), or the
 * next item: topics balanced equally across the area, the most informative at the current
 * estimate, picked at random among the top few and under the exposure cap.
 */
export function selectNext<T extends PracticePoolItem>(input: SelectionInput<T>): Selection<T> {
  const config = { ...practiceCat, ...input.length };
  const state = {
    administered: input.administered.map((a) => ({ id: a.questionId, topic: a.topic })),
    theta: input.estimate.theta,
    se: input.estimate.se,
  };
  const stop = shouldStop(state, config);
  if (stop.stop && stop.reason) return { kind: 'stop', reason: stop.reason };
  const byId = new Map(input.pool.map((item) => [item.id, item]));
  const catPool: CatItem[] = input.pool.map((item) => ({ id: item.id, topic: item.topic, a: item.irtA, b: item.irtB }));
  const rng = createRng(`${input.seed}:cat:${input.administered.length}`);
  const chosen = nextItem(state, catPool, rng, { ...config, exposure: input.exposure, avoid: input.avoid });
  const item = chosen ? byId.get(chosen.id) : undefined;
  if (!item) return { kind: 'stop', reason: 'pool-exhausted' };
  return { kind: 'next', item, optionOrder: optionOrderFor(item, input.seed, true) };
}

export type EndReason = StopReason | 'time';

/**
 * Why a finished session ended, from what it recorded (nothing extra is stored): the clock, the
 * maximum length, the precision target, or a bank with nothing left to ask.
 */
export function endReasonOf(input: { expired: boolean; answered: number; se: number; length: TestLength }): EndReason {
  if (input.expired) return 'time';
  if (input.answered >= input.length.maxLength) return 'max-length';
  if (input.answered >= input.length.minLength && input.se <= practiceCat.seTarget) return 'se-target';
  return 'pool-exhausted';
}
