/**
 * A regrade of one question over finished attempts: what it changes in each attempt's score and
 * pass or fail, computed by the same scorer as the finish (scoreAttempt), so a dry run and the
 * apply agree with each other and with any later rescoring. Pure: the attempts come in as scored
 * items, the plan goes out; the caller writes it.
 */
import type { Answer } from './question';
import {
  type AttemptScore,
  type ItemScoring,
  isAcceptedAnswer,
  itemCredit,
  type ScoredItem,
  scoreAttempt,
} from './scoring';

export const regradeKindNames = ['full_credit', 'accept_answer', 'drop'] as const;
export type RegradeKind = (typeof regradeKindNames)[number];

/** What the author decided for the question. */
export type RegradeChange = { kind: 'full_credit' } | { kind: 'drop' } | { kind: 'accept_answer'; answer: Answer };

/** How each kind reads on the pages and in the audit. */
export const regradeKindLabels: Record<RegradeKind, string> = {
  full_credit: 'Give everyone full credit',
  accept_answer: 'Accept an additional answer',
  drop: 'Drop the question from scoring',
};

/** One finished attempt as it is scored now (earlier regrades included) with what it shows today. */
export interface RegradeAttempt {
  attemptId: string;
  passMark: number | null;
  /** The score and pass or fail stored on the attempt. */
  percent: number | null;
  passed: boolean | null;
  items: ScoredItem[];
}

export interface RegradeOutcome {
  attemptId: string;
  /** The question's credit before and after (null: dropped). */
  creditBefore: number | null;
  creditAfter: number | null;
  /** The item's regrade mark to store: set for full credit and drop. */
  scoring: ItemScoring | null;
  before: { percent: number | null; passed: boolean | null };
  after: AttemptScore;
  /** The score or the pass or fail moved. */
  resultChanged: boolean;
}

/** The question's item in an attempt with the change applied. */
export function regradedItem(item: ScoredItem, change: RegradeChange): ScoredItem {
  switch (change.kind) {
    case 'full_credit':
      return { ...item, scoring: 'full_credit' };
    case 'drop':
      return { ...item, scoring: 'dropped' };
    case 'accept_answer':
      return { ...item, accepted: [...(item.accepted ?? []), change.answer] };
  }
}

/** Whether the change would alter this item at all: a regrade applied twice changes nothing the second time. */
function changesItem(item: ScoredItem, change: RegradeChange): boolean {
  switch (change.kind) {
    case 'full_credit':
      return item.scoring !== 'full_credit';
    case 'drop':
      return item.scoring !== 'dropped';
    case 'accept_answer':
      return !(item.accepted ?? []).some((a) => isAcceptedAnswer(a, change.answer));
  }
}

/**
 * The attempts a regrade of `questionId` touches, each with its score before (as stored) and
 * after (rescored by scoreAttempt). Attempts where the item would not change (already regraded
 * the same way, or an accepted answer nobody gave) are left out, so an empty plan means there is
 * nothing to apply.
 */
export function planRegrade(
  questionId: string,
  attempts: readonly RegradeAttempt[],
  change: RegradeChange,
): RegradeOutcome[] {
  const outcomes: RegradeOutcome[] = [];
  for (const attempt of attempts) {
    const item = attempt.items.find((i) => i.questionId === questionId);
    if (!item || !changesItem(item, change)) continue;
    const changed = regradedItem(item, change);
    const creditBefore = itemCredit(item);
    const creditAfter = itemCredit(changed);
    if (creditBefore === creditAfter && item.scoring === changed.scoring) continue;
    const after = scoreAttempt(
      attempt.items.map((i) => (i === item ? changed : i)),
      attempt.passMark,
    );
    outcomes.push({
      attemptId: attempt.attemptId,
      creditBefore,
      creditAfter,
      scoring: changed.scoring ?? null,
      before: { percent: attempt.percent, passed: attempt.passed },
      after,
      resultChanged: after.percent !== attempt.percent || after.passed !== attempt.passed,
    });
  }
  return outcomes;
}

/** What a regrade did to one attempt, as its report tells it: which question, who, when, before and after. */
export interface AttemptRegradeRecord {
  questionId: string;
  note: string;
  actorName: string;
  at: number;
  beforePercent: number | null;
  afterPercent: number | null;
  beforePassed: boolean | null;
  afterPassed: boolean | null;
}
