import { focusableCodeBlocks } from '../bank/scrollable-code';
import type { Answer, AnswerKey } from '../engine/question';
import { visibleTask } from '../question-types/grading-task';
import { displayOrder, type FormQuestion, formStateOf } from './answer-form';

/**
 * What the test page shows of one question: the prompt, the options in display order (indexed by
 * position only, never by id) and the candidate's saved answer as form state. The test itself and
 * a manager's preview both render through this, so the preview is exactly what candidates see.
 */
export function questionViewOf(
  item: FormQuestion & { promptHtml: string; answerKey?: AnswerKey },
  answer: Answer | null,
) {
  const byId = new Map(item.options.map((o) => [o.id, o.html]));
  const runnable = item.answerKey ? visibleTask(item.answerKey) : null;
  return {
    type: item.type,
    // Code and SQL: the examples the page may run in the browser (never the hidden tests).
    runnable: runnable ? JSON.stringify(runnable) : null,
    promptHtml: focusableCodeBlocks(item.promptHtml),
    options: displayOrder(item).map((id, index) => ({ index, html: byId.get(id) ?? '' })),
    ...formStateOf(item, answer),
  };
}
