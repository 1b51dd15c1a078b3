/**
 * Item analysis of a set of scored attempts: how each question behaved, and how reliable the
 * total is, overall and per area. Pure: rows in, figures out.
 *
 * Per item (a question version), over the attempts that showed it:
 *   facility          mean credit, 0 to 1 (Moodle's "facility index"; CTT's p-value).
 *   discrimination    corrected point-biserial: the Pearson correlation of the item's credit with
 *                     the rest score, the taker's score on every other item of the attempt. The
 *                     item is left out of the criterion, or it correlates with itself and the
 *                     figure is inflated (Crocker & Algina 1986, on item analysis). Moodle's
 *                     "discrimination index" is the same correlation times 100
 *                     (https://docs.moodle.org/dev/Quiz_statistics_calculations).
 *   option analysis   for choice questions, the share of takers choosing each option and that
 *                     option's own point-biserial: "chose it" (0/1) against the rest score. A wrong
 *                     option (distractor) should attract weaker takers: a negative figure. One that
 *                     correlates positively draws strong takers, which points at a second right
 *                     answer or a misleading stem (Crocker & Algina, distractor analysis).
 *   exposure          how many attempts drew the item; mean time over the answers with a time.
 *
 * The rest score is a percentage of the rest's maximum, (points − w·credit) / (max − w), so takers
 * who drew different questions (random draws, time weights) stand on one scale; when everyone saw
 * the same items of weight 1 it is the rest sum divided by k − 1, which correlates identically.
 *
 * Reliability (src/engine/reliability.ts for the formulas) is computed on item scores in percent
 * points of the taker's maximum, so the total is the percent score and the SEM is in percent
 * points. When every attempt showed the same questions, it is exactly Cronbach's alpha. When
 * attempts drew different questions of an area from a larger pool, those draws fill slots, and a
 * slot's variance is the variance of everything drawn into it: the pooled variance of the area's
 * item scores, times the number drawn per attempt. That is how Moodle computes the coefficient for
 * random questions (per slot), and it counts the luck of the draw as measurement error, which for
 * a candidate it is.
 */
import { correlation } from './calibrate';
import {
  alphaFromVariances,
  describeScores,
  mean,
  type ScoreSummary,
  standardErrorOfMeasurement,
  variance,
} from './reliability';

/**
 * Flags wait for this many attempts to show the item: with n takers a correlation wobbles by
 * about 1/√n, ±0.18 at 30, so fewer would flag good items by chance (the calibration's minimum too).
 */
export const minResponsesForFlags = 30;

/**
 * Below this corrected point-biserial an item barely separates strong from weak takers. Ebel's
 * guideline calls anything under 0.2 poor; we flag only the clearer cases, as "near zero".
 */
export const nearZeroDiscrimination = 0.1;

/** A wrong option whose point-biserial exceeds this draws strong takers more than weak ones. */
export const distractorDiscriminationLimit = 0.1;

/** Facility outside these bounds says little about who is stronger: nearly all right, or nearly all wrong. */
export const facilityBounds = { high: 0.95, low: 0.1 } as const;

export interface ItemOption {
  id: string;
  /** Whether the key marks this option right. */
  keyed: boolean;
}

export interface ItemDefinition {
  /** A question version: an edited question is another item. */
  itemId: string;
  area: string;
  /** Points the item is worth in the total (its time weight, 1 by default). */
  weight: number;
  /** A choice question's options in file order; null for types without options. */
  options: readonly ItemOption[] | null;
}

/** One item as one attempt showed it. */
export interface ItemResponse {
  itemId: string;
  /** Credit in [0, 1]; an unanswered item earns 0, as in scoring. */
  credit: number;
  answered: boolean;
  /** Option ids chosen; null when unanswered or for types without options. */
  chosen: readonly string[] | null;
  timeMs: number | null;
}

/** One finished attempt: every item it showed, answered or not. */
export interface TakerResponses {
  responses: readonly ItemResponse[];
}

/** One response with what it is correlated with: the rest score, or an ability estimate. */
export interface ItemObservation extends Omit<ItemResponse, 'itemId'> {
  criterion: number | null;
}

export type ItemFlag =
  | { kind: 'negative-discrimination' }
  | { kind: 'low-discrimination' }
  | { kind: 'distractor-draws-strong'; optionId: string }
  | { kind: 'too-easy' }
  | { kind: 'too-hard' };

export interface OptionAnalysis {
  id: string;
  keyed: boolean;
  count: number;
  /** Share of the attempts shown the item that chose this option. */
  share: number;
  /** Point-biserial of choosing it with the criterion; null when it does not vary. */
  discrimination: number | null;
}

export interface ItemAnalysis {
  itemId: string;
  /** Exposure: attempts that showed the item. */
  drawn: number;
  /** Responses: attempts that answered it. */
  answered: number;
  facility: number | null;
  discrimination: number | null;
  options: OptionAnalysis[] | null;
  /** Share of the attempts shown the item that left it unanswered. */
  unansweredShare: number | null;
  meanTimeMs: number | null;
  /** Empty below minResponsesForFlags. */
  flags: ItemFlag[];
}

/** The figures of one item from its observations (the criterion already excludes the item). */
export function analyseItem(definition: ItemDefinition, observations: readonly ItemObservation[]): ItemAnalysis {
  const drawn = observations.length;
  const answered = observations.filter((o) => o.answered).length;
  const correlated = observations.filter((o) => o.criterion !== null);
  const criteria = correlated.map((o) => o.criterion as number);
  const discrimination = correlation(
    correlated.map((o) => o.credit),
    criteria,
  );
  const options =
    definition.options?.map((option): OptionAnalysis => {
      const chose = (o: ItemObservation) => (o.chosen?.includes(option.id) ? 1 : 0);
      const count = observations.filter((o) => chose(o) === 1).length;
      return {
        id: option.id,
        keyed: option.keyed,
        count,
        share: drawn > 0 ? count / drawn : 0,
        discrimination: correlation(correlated.map(chose), criteria),
      };
    }) ?? null;
  const times = observations.flatMap((o) => (o.timeMs === null ? [] : [o.timeMs]));
  const analysis: ItemAnalysis = {
    itemId: definition.itemId,
    drawn,
    answered,
    facility: drawn > 0 ? mean(observations.map((o) => o.credit)) : null,
    discrimination,
    options,
    unansweredShare: drawn > 0 ? (drawn - answered) / drawn : null,
    meanTimeMs: times.length > 0 ? mean(times) : null,
    flags: [],
  };
  analysis.flags = drawn >= minResponsesForFlags ? flagsOf(analysis) : [];
  return analysis;
}

function flagsOf(item: ItemAnalysis): ItemFlag[] {
  const flags: ItemFlag[] = [];
  const d = item.discrimination;
  if (d !== null && d < 0) flags.push({ kind: 'negative-discrimination' });
  else if (d !== null && d < nearZeroDiscrimination) flags.push({ kind: 'low-discrimination' });
  for (const option of item.options ?? []) {
    if (!option.keyed && option.discrimination !== null && option.discrimination > distractorDiscriminationLimit) {
      flags.push({ kind: 'distractor-draws-strong', optionId: option.id });
    }
  }
  if (item.facility !== null && item.facility > facilityBounds.high) flags.push({ kind: 'too-easy' });
  if (item.facility !== null && item.facility < facilityBounds.low) flags.push({ kind: 'too-hard' });
  return flags;
}

export interface Reliability {
  /** Cronbach's alpha (KR-20 when every item scores 0 or 1); null when undefined. */
  alpha: number | null;
  /** Standard error of measurement, in percent points. */
  sem: number | null;
  /** Items per attempt (a mean, should versions differ). */
  k: number;
  /** 'fixed': every attempt showed the same questions; 'random': questions were drawn from a pool. */
  design: 'fixed' | 'random';
}

export interface ScopeAnalysis {
  /** Percent scores, one per attempt in the scope, in the order given. */
  scores: number[];
  summary: ScoreSummary | null;
  reliability: Reliability;
}

export interface AssessmentAnalysis extends ScopeAnalysis {
  attempts: number;
  items: ItemAnalysis[];
  areas: ({ area: string } & ScopeAnalysis)[];
}

/** Item statistics, score distribution and reliability of a set of finished attempts, overall and per area. */
export function analyseAssessment(
  definitions: readonly ItemDefinition[],
  takers: readonly TakerResponses[],
): AssessmentAnalysis {
  const byId = new Map(definitions.map((d) => [d.itemId, d]));
  const weightOf = (r: ItemResponse) => {
    const definition = byId.get(r.itemId);
    if (!definition) throw new RangeError(`a response names item ${r.itemId}, which is not among the definitions`);
    return definition.weight;
  };
  const observations = new Map<string, ItemObservation[]>();
  for (const taker of takers) {
    const max = taker.responses.reduce((s, r) => s + weightOf(r), 0);
    const points = taker.responses.reduce((s, r) => s + weightOf(r) * r.credit, 0);
    for (const r of taker.responses) {
      const w = weightOf(r);
      const restMax = max - w;
      const list = observations.get(r.itemId) ?? [];
      list.push({
        credit: r.credit,
        answered: r.answered,
        chosen: r.chosen,
        timeMs: r.timeMs,
        criterion: restMax > 0 ? (100 * (points - w * r.credit)) / restMax : null,
      });
      observations.set(r.itemId, list);
    }
  }
  const areas = [...new Set(definitions.map((d) => d.area))];
  return {
    attempts: takers.length,
    items: definitions.map((d) => analyseItem(d, observations.get(d.itemId) ?? [])),
    ...analyseScope(takers, byId, () => true),
    areas: areas.map((area) => ({ area, ...analyseScope(takers, byId, (d) => d.area === area) })),
  };
}

/** Scores and reliability over the items `inScope` selects, for the takers shown any of them. */
function analyseScope(
  takers: readonly TakerResponses[],
  byId: ReadonlyMap<string, ItemDefinition>,
  inScope: (d: ItemDefinition) => boolean,
): ScopeAnalysis {
  // Each taker's items in scope, as item scores in percent points of the taker's maximum.
  const scored = takers.flatMap((taker) => {
    const items = taker.responses.flatMap((r) => {
      const d = byId.get(r.itemId);
      return d && inScope(d) ? [{ itemId: r.itemId, area: d.area, points: d.weight * r.credit, weight: d.weight }] : [];
    });
    const max = items.reduce((s, i) => s + i.weight, 0);
    if (items.length === 0 || !(max > 0)) return [];
    return [items.map((i) => ({ itemId: i.itemId, area: i.area, score: (100 * i.points) / max }))];
  });
  const scores = scored.map((items) => items.reduce((s, i) => s + i.score, 0));
  const summary = describeScores(scores);
  const { sumSlotVariance, k, design } = slotVariance(scored);
  const alpha = alphaFromVariances(k, sumSlotVariance, variance(scores));
  return {
    scores,
    summary,
    reliability: {
      alpha,
      sem: summary === null ? null : standardErrorOfMeasurement(summary.sd, alpha),
      k,
      design,
    },
  };
}

/**
 * Σ of the slot variances (see the header). Per area: when every taker saw the same items there,
 * each item is a slot with its own variance; otherwise the area's k_a slots each get the pooled
 * variance of all its item scores.
 */
function slotVariance(scored: readonly { itemId: string; area: string; score: number }[][]) {
  const k = scored.length > 0 ? mean(scored.map((items) => items.length)) : 0;
  let sumSlotVariance = 0;
  let design: Reliability['design'] = 'fixed';
  const areas = new Set(scored.flatMap((items) => items.map((i) => i.area)));
  for (const area of areas) {
    // Takers of a version without this area have no slots in it.
    const perTaker = scored.map((items) => items.filter((i) => i.area === area)).filter((items) => items.length > 0);
    const sets = new Set(
      perTaker.map((items) =>
        items
          .map((i) => i.itemId)
          .sort()
          .join('\n'),
      ),
    );
    if (sets.size === 1) {
      const byItem = new Map<string, number[]>();
      for (const items of perTaker) {
        for (const i of items) {
          const values = byItem.get(i.itemId) ?? [];
          values.push(i.score);
          byItem.set(i.itemId, values);
        }
      }
      for (const values of byItem.values()) sumSlotVariance += variance(values);
    } else {
      design = 'random';
      const slots = mean(perTaker.map((items) => items.length));
      sumSlotVariance += slots * variance(perTaker.flatMap((items) => items.map((i) => i.score)));
    }
  }
  return { sumSlotVariance, k, design };
}
