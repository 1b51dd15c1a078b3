/** Ordering: put the items in order; credit for the longest run already in the right relative order. */
import { shuffle } from '../../engine/random';
import { first, refused } from '../answer-input';
import { orderedOptionsHtml } from '../review-html';
import type { QuestionRules } from '../rules';

/** The item ids in their correct order (file order). */
export interface OrderingKey {
  type: 'ordering';
  order: string[];
}

export interface OrderingAnswer {
  type: 'ordering';
  order: string[];
}

export const orderingRules: QuestionRules<OrderingKey, OrderingAnswer> = {
  parseAnswer(values, optionIds) {
    if (values.length !== optionIds.length || new Set(values).size !== values.length) {
      return refused('Put every item in the list exactly once.');
    }
    if (values.some((v) => !optionIds.includes(v))) return refused('That item is not part of this question.');
    return { ok: true, answer: { type: 'ordering', order: [...values] } };
  },

  /** One select per item, `pos_<display position>`, holding the item's place from 1. */
  readForm(fields, order) {
    const positions = order.map((_, i) => (first(fields[`pos_${i}`]) ?? '').trim());
    if (positions.every((p) => p === '')) return { kind: 'empty' };
    const n = order.length;
    const numbers = positions.map((p) => (/^\d{1,2}$/.test(p) ? Number(p) : Number.NaN));
    if (numbers.some((p) => !(p >= 1 && p <= n)) || new Set(numbers).size !== n) {
      return { kind: 'invalid', error: `Give each item its own position, from 1 to ${n}.` };
    }
    const ids = order.map((id, i) => ({ id, at: numbers[i] ?? 0 })).sort((a, b) => a.at - b.at);
    return { kind: 'values', values: ids.map((x) => x.id) };
  },

  formState: (answer, order) => ({ positions: order.map((id) => String(answer.order.indexOf(id) + 1)) }),

  isComplete: () => true,

  score: (key, answer) => orderingCredit(key.order, answer.order),

  sameAnswer: (x, y) => sameOrder(x.order, y.order),

  /**
   * Always shuffled, and never the correct order when there are 3+ items (with 2, refusing it
   * would reveal the answer). Rejection keeps the order uniform over the non-identity
   * permutations; with 3+ distinct items at most 1 in 6 draws is rejected. The round cap only
   * guards malformed input (repeated ids), where every order looks correct.
   */
  optionOrder(optionIds, rng) {
    let order = shuffle(optionIds, rng);
    for (let round = 0; optionIds.length >= 3 && round < 64 && sameOrder(order, optionIds); round++) {
      order = shuffle(optionIds, rng);
    }
    return order;
  },

  answerHtml: (answer, options) => orderedOptionsHtml(options, answer.order),

  keyHtml: (key, options) => orderedOptionsHtml(options, key.order),

  /** A wrong order swaps two neighbours. */
  simulatedAnswer(key, _optionIds, right, rng) {
    const order = key.order.slice();
    if (right || order.length < 2) return { type: 'ordering', order };
    const i = Math.floor(rng() * (order.length - 1));
    [order[i], order[i + 1]] = [order[i + 1] as string, order[i] as string];
    return { type: 'ordering', order };
  },
};

function sameOrder(x: readonly string[], y: readonly string[]): boolean {
  return x.length === y.length && x.every((id, i) => id === y[i]);
}

/**
 * (longest increasing subsequence of correct positions − 1) / (n − 1): 1 for the exact order,
 * 0 for the exact reverse. An answer that is not a permutation of the key's items earns 0.
 */
function orderingCredit(correct: readonly string[], given: readonly string[]): number {
  const position = new Map(correct.map((id, i) => [id, i]));
  if (given.length !== correct.length || new Set(given).size !== given.length) return 0;
  const positions: number[] = [];
  for (const id of given) {
    const p = position.get(id);
    if (p === undefined) return 0;
    positions.push(p);
  }
  if (correct.length <= 1) return 1;
  return (longestIncreasingRun(positions) - 1) / (correct.length - 1);
}

/** Length of the longest strictly increasing subsequence (patience sorting, O(n log n)). */
export function longestIncreasingRun(values: readonly number[]): number {
  const tails: number[] = [];
  for (const v of values) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tails[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
  }
  return tails.length;
}
