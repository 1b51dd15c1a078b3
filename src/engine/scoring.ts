/**
 * Credit per question and the totals of an attempt, following the scoring table in
 * questions/README.md. Credit is always in [0, 1]; a missing or mismatched answer earns 0.
 */
import type { Answer, AnswerKey } from './question';

/** Absolute slack for numeric answers, relative to the size of the value: 0.1 + 0.2 must equal 0.3. */
const numericEpsilon = 1e-9;

/** Trim, collapse inner white space to one space, ignore case (and Unicode composition, so é matches é). */
export function normalizeText(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** Credit in [0, 1] for one answer; null or an answer of another type than the key earns 0. */
export function scoreAnswer(key: AnswerKey, answer: Answer | null): number {
  if (answer === null) return 0;
  switch (key.type) {
    case 'single':
      return answer.type === 'single' && answer.choice === key.correct ? 1 : 0;
    case 'multiple': {
      if (answer.type !== 'multiple') return 0;
      const correct = new Set(key.correct);
      const chosen = new Set(answer.choices);
      // A key without correct options is malformed; choosing nothing is then the only right answer.
      if (correct.size === 0) return chosen.size === 0 ? 1 : 0;
      let right = 0;
      let wrong = 0;
      for (const choice of chosen) {
        if (correct.has(choice)) right++;
        else wrong++;
      }
      return Math.max(0, (right - wrong) / correct.size);
    }
    case 'truefalse':
      return answer.type === 'truefalse' && answer.value === key.correct ? 1 : 0;
    case 'text': {
      if (answer.type !== 'text') return 0;
      const given = normalizeText(answer.text);
      return key.accepted.some((accepted) => normalizeText(accepted) === given) ? 1 : 0;
    }
    case 'numeric': {
      if (answer.type !== 'numeric' || !Number.isFinite(answer.value)) return 0;
      const slack = numericEpsilon * Math.max(1, Math.abs(key.value));
      return Math.abs(answer.value - key.value) <= Math.abs(key.tolerance) + slack ? 1 : 0;
    }
    case 'ordering':
      return answer.type === 'ordering' ? orderingCredit(key.order, answer.order) : 0;
  }
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

export interface ScoredItem {
  questionId: string;
  area: string;
  topic: string;
  key: AnswerKey;
  answer: Answer | null;
  /** The question's time weight (0.5 to 3, default 1): a longer question carries more points. */
  timeWeight?: number;
}

export interface ScoreTotals {
  points: number;
  max: number;
  percent: number;
}

export interface AttemptScore extends ScoreTotals {
  /** Null when the assessment has no pass mark (practice). */
  passed: boolean | null;
  byArea: Record<string, ScoreTotals>;
  byTopic: Record<string, ScoreTotals>;
}

/**
 * Totals of an attempt, overall and per area and topic. Each item is worth its time weight and
 * earns weight × credit. Percent is rounded down to one decimal, and `passed` compares that same
 * displayed number with the pass mark, so a 69.96 % never shows as 70.0 % next to "not passed".
 */
export function scoreAttempt(items: readonly ScoredItem[], passMark: number | null): AttemptScore {
  const total = { points: 0, max: 0 };
  const byArea = new Map<string, { points: number; max: number }>();
  const byTopic = new Map<string, { points: number; max: number }>();
  for (const item of items) {
    const weight = item.timeWeight !== undefined && item.timeWeight > 0 ? item.timeWeight : 1;
    const points = weight * scoreAnswer(item.key, item.answer);
    for (const bucket of [total, bucketOf(byArea, item.area), bucketOf(byTopic, item.topic)]) {
      bucket.points += points;
      bucket.max += weight;
    }
  }
  const overall = totals(total);
  return {
    ...overall,
    passed: passMark === null ? null : overall.percent >= passMark,
    byArea: Object.fromEntries([...byArea].map(([area, sums]) => [area, totals(sums)])),
    byTopic: Object.fromEntries([...byTopic].map(([topic, sums]) => [topic, totals(sums)])),
  };
}

function bucketOf(map: Map<string, { points: number; max: number }>, name: string): { points: number; max: number } {
  let bucket = map.get(name);
  if (bucket === undefined) {
    bucket = { points: 0, max: 0 };
    map.set(name, bucket);
  }
  return bucket;
}

function totals({ points, max }: { points: number; max: number }): ScoreTotals {
  // Sums of thirds and halves carry float noise; four decimals is finer than any credit we give.
  const p = Math.round(points * 10000) / 10000;
  const m = Math.round(max * 10000) / 10000;
  // The tiny offset keeps an exact 70 (computed as 69.99999999) from rounding down to 69.9.
  const percent = m > 0 ? Math.floor((p / m) * 1000 + 1e-6) / 10 : 0;
  return { points: p, max: m, percent };
}
