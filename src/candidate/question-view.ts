import { focusableCodeBlocks } from '../bank/scrollable-code';
import type { Answer } from '../engine/question';
import { displayOrder, type FormQuestion, formStateOf } from './answer-form';

/**
 * What the test page shows of one question: the prompt, the options in display order (indexed by
 * position only, never by id) and the candidate's saved answer as form state. The test itself and
 * a manager's preview both render through this, so the preview is exactly what candidates see.
 */
export function questionViewOf(item: FormQuestion & { promptHtml: string }, answer: Answer | null) {
  const byId = new Map(item.options.map((o) => [o.id, o.html]));
  return {
    type: item.type,
    promptHtml: focusableCodeBlocks(item.promptHtml),
    options: displayOrder(item).map((id, index) => ({ index, html: byId.get(id) ?? '' })),
    ...formStateOf(item, answer),
  };
}
