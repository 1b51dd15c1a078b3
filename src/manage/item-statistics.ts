/**
 * From stored responses to the engine's item analysis and back to questions: an item is a question
 * version, choice answers become the option ids chosen, and every figure keeps the question, its
 * version and its options beside it for the pages and the CSV.
 */
import type { PracticeStatisticsResponse, StatisticsResponse } from '../db/item-statistics';
import {
  type AssessmentAnalysis,
  analyseAssessment,
  analyseItem,
  type ItemAnalysis,
  type ItemDefinition,
  type ItemOption,
  type ItemResponse,
} from '../engine/item-analysis';
import type { Answer, AnswerKey, QuestionOption, QuestionType } from '../engine/question';
import { scoreAnswer } from '../engine/scoring';

/** What a page needs to name an item: its question, version and options. */
export interface ItemMeta {
  itemId: string;
  questionId: string;
  version: number;
  area: string;
  type: QuestionType;
  options: QuestionOption[];
  answerKey: AnswerKey;
}

export const itemIdOf = (questionId: string, version: number) => `${questionId}@${version}`;

/** The option ids an answer chose; null for types without options to choose, or no answer. */
export function chosenOptions(answer: Answer | null): string[] | null {
  if (answer === null) return null;
  switch (answer.type) {
    case 'single':
      return [answer.choice];
    case 'multiple':
      return [...answer.choices];
    case 'truefalse':
      return [String(answer.value)];
    default:
      return null;
  }
}

/** The options of a choice question with the key's marks; true/false reads as two options. Null otherwise. */
export function choiceOptions(options: readonly QuestionOption[], key: AnswerKey): ItemOption[] | null {
  switch (key.type) {
    case 'single':
      return options.map((o) => ({ id: o.id, keyed: o.id === key.correct }));
    case 'multiple':
      return options.map((o) => ({ id: o.id, keyed: key.correct.includes(o.id) }));
    case 'truefalse':
      return [
        { id: 'true', keyed: key.correct },
        { id: 'false', keyed: !key.correct },
      ];
    default:
      return null;
  }
}

/**
 * How a page names an option: its letter in the author's order ("A", "B"...; candidates saw them
 * shuffled, so positions on screen mean nothing), or True and False.
 */
export function optionLabel(meta: Pick<ItemMeta, 'options'>, optionId: string): string {
  if (optionId === 'true' || optionId === 'false') return optionId === 'true' ? 'True' : 'False';
  const index = meta.options.findIndex((o) => o.id === optionId);
  return index < 0 ? optionId : String.fromCharCode(65 + (index % 26));
}

/** Credit as scored at the end; recomputed from the key if a row lacks it; 0 when unanswered. */
function creditOf(row: { answer: Answer | null; credit: number | null }, key: AnswerKey): number {
  if (row.answer === null) return 0;
  return row.credit ?? scoreAnswer(key, row.answer);
}

function responseOf(
  itemId: string,
  row: { answer: Answer | null; credit: number | null; timeSpentMs: number | null },
  key: AnswerKey,
): ItemResponse {
  return {
    itemId,
    credit: creditOf(row, key),
    answered: row.answer !== null,
    chosen: chosenOptions(row.answer),
    timeMs: row.timeSpentMs,
  };
}

export interface AssessmentStatistics {
  analysis: AssessmentAnalysis;
  meta: Map<string, ItemMeta>;
  /** The percent each attempt was given when it ended, in the analysis's order: the pipeline's figures. */
  recordedScores: (number | null)[];
  /** Questions per attempt, in the same order (the n of the candidate report's ±). */
  itemCounts: number[];
  /** Every credit is 0 or 1: alpha is then KR-20. */
  dichotomous: boolean;
  /** The versions of the assessment the attempts took, in order. */
  assessmentVersions: number[];
}

/** The item analysis of an assessment's finished attempts (rows in attempt order, as the query gives them). */
export function assessmentStatistics(rows: readonly StatisticsResponse[]): AssessmentStatistics {
  const meta = new Map<string, ItemMeta>();
  const definitions: ItemDefinition[] = [];
  const byAttempt = new Map<string, { scorePercent: number | null; responses: ItemResponse[] }>();
  for (const row of rows) {
    const itemId = itemIdOf(row.questionId, row.questionVersion);
    if (!meta.has(itemId)) {
      meta.set(itemId, {
        itemId,
        questionId: row.questionId,
        version: row.questionVersion,
        area: row.area,
        type: row.type,
        options: row.options,
        answerKey: row.answerKey,
      });
      definitions.push({
        itemId,
        area: row.area,
        weight: row.timeWeight > 0 ? row.timeWeight : 1,
        options: choiceOptions(row.options, row.answerKey),
      });
    }
    const attempt = byAttempt.get(row.attemptId) ?? { scorePercent: row.scorePercent, responses: [] };
    attempt.responses.push(responseOf(itemId, row, row.answerKey));
    byAttempt.set(row.attemptId, attempt);
  }
  const takers = [...byAttempt.values()];
  const dichotomous = takers.every((t) => t.responses.every((r) => r.credit === 0 || r.credit === 1));
  definitions.sort((x, y) => x.area.localeCompare(y.area) || x.itemId.localeCompare(y.itemId));
  return {
    analysis: analyseAssessment(definitions, takers),
    meta,
    recordedScores: takers.map((t) => t.scorePercent),
    itemCounts: takers.map((t) => t.responses.length),
    dichotomous,
    assessmentVersions: [...new Set(rows.map((r) => r.assessmentVersion))].sort((x, y) => x - y),
  };
}

/** The pooled practice figures of one question version: credit against the practice test's ability estimate. */
export function practiceItemStatistics(
  rows: readonly PracticeStatisticsResponse[],
  meta: ItemMeta,
  weight: number,
): ItemAnalysis {
  const mine = rows.filter((r) => r.questionVersion === meta.version);
  return analyseItem(
    { itemId: meta.itemId, area: meta.area, weight, options: choiceOptions(meta.options, meta.answerKey) },
    mine.map((r) => {
      const { itemId: _, ...response } = responseOf(meta.itemId, r, meta.answerKey);
      return { ...response, criterion: r.theta };
    }),
  );
}
