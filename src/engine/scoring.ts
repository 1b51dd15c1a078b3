/**
 * Credit per question and the totals of an attempt, following the scoring table in
 * questions/README.md. Credit is always in [0, 1]; a missing or mismatched answer earns 0.
 */
import { rulesFor } from '../question-types/rules';
import { normalizeText } from '../question-types/text/rules';
import type { Answer, AnswerKey } from './question';

/** Credit in [0, 1] for one answer, by its type's rule; null or an answer of another type than the key earns 0. */
export function scoreAnswer(key: AnswerKey, answer: Answer | null): number {
  if (answer === null || answer.type !== key.type) return 0;
  return rulesFor(key.type).score(key, answer);
}

/** What a regrade decided for one item of an attempt: full credit for everyone, or left out of the score. */
export type ItemScoring = 'full_credit' | 'dropped';

/**
 * Whether an answer is one a regrade accepted besides the key: the same answer by its type's rule
 * (the same option set, order, number), and for text the same after the key's normalization.
 */
export function isAcceptedAnswer(accepted: Answer, answer: Answer | null): boolean {
  if (answer === null || answer.type !== accepted.type) return false;
  if (accepted.type === 'text' && answer.type === 'text')
    return normalizeText(accepted.text) === normalizeText(answer.text);
  return rulesFor(accepted.type).sameAnswer(accepted, answer);
}

/**
 * Credit in [0, 1] for one item as it counts now: the key's credit, full credit for an answer a
 * regrade accepted or for an item regraded to full credit; null for an item dropped from the score.
 */
export function itemCredit(item: Pick<ScoredItem, 'key' | 'answer' | 'scoring' | 'accepted'>): number | null {
  if (item.scoring === 'dropped') return null;
  if (item.scoring === 'full_credit') return 1;
  const credit = scoreAnswer(item.key, item.answer);
  if (credit < 1 && item.accepted?.some((accepted) => isAcceptedAnswer(accepted, item.answer))) return 1;
  return credit;
}

export interface ScoredItem {
  questionId: string;
  area: string;
  topic: string;
  key: AnswerKey;
  answer: Answer | null;
  /** The question's time weight (0.5 to 3, default 1): a longer question carries more points. */
  timeWeight?: number;
  /** Set by a regrade (attempt_items.scoring): full credit, or dropped from points and maximum alike. */
  scoring?: ItemScoring | null;
  /** Answers a regrade accepted besides the key, each worth full credit. */
  accepted?: readonly Answer[];
}

/**
 * The credit an answer of a finished attempt counts for now: a regrade's mark first (null when
 * dropped), else the credit stored at the finish (an answer a regrade accepted is stored as 1),
 * else the key's.
 */
export function countedCredit(
  item: { answerKey: AnswerKey; scoring?: ItemScoring | null },
  answer: Answer | null,
  stored: number | null | undefined,
): number | null {
  if (item.scoring) return itemCredit({ key: item.answerKey, answer, scoring: item.scoring });
  return stored ?? scoreAnswer(item.answerKey, answer);
}

/**
 * An attempt's item as stored (its version's key and time weight, a regrade's mark) with the
 * answer given and the answers regrades accepted: what scoreAttempt takes, built one way for the
 * finish and for a regrade.
 */
export function scoredItemOf(
  item: {
    questionId: string;
    area: string;
    topic: string;
    answerKey: AnswerKey;
    timeWeight: number;
    scoring?: ItemScoring | null;
  },
  answer: Answer | null,
  accepted?: readonly Answer[],
): ScoredItem {
  return {
    questionId: item.questionId,
    area: item.area,
    topic: item.topic,
    key: item.answerKey,
    answer,
    timeWeight: item.timeWeight,
    scoring: item.scoring ?? null,
    ...(accepted ? { accepted } : {}),
  };
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
 * earns weight × credit (itemCredit: regrades included; a dropped item counts nowhere). Percent is rounded down to one decimal, and `passed` compares that same
 * displayed number with the pass mark, so a 69.96 % never shows as 70.0 % next to "not passed".
 */
export function scoreAttempt(items: readonly ScoredItem[], passMark: number | null): AttemptScore {
  const total = { points: 0, max: 0 };
  const byArea = new Map<string, { points: number; max: number }>();
  const byTopic = new Map<string, { points: number; max: number }>();
  for (const item of items) {
    const credit = itemCredit(item);
    if (credit === null) continue;
    const weight = item.timeWeight !== undefined && item.timeWeight > 0 ? item.timeWeight : 1;
    const points = weight * credit;
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
