import type { QuestionFigures } from './question-queue';

/**
 * The figures that stand for a question on one line of a list (the report queue, the bank): those
 * of the assessment that showed it most, the first listed among equals; null before any showed it.
 */
export function mainFigure(figures: readonly QuestionFigures[]): QuestionFigures | null {
  return [...figures].sort((x, y) => y.item.drawn - x.item.drawn)[0] ?? null;
}
