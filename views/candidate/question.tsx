import type { QuestionType } from '../../src/engine/question';
import { type AnswerFormView, answerForms } from '../../src/question-types/forms';

export interface QuestionView extends AnswerFormView {
  type: QuestionType;
  promptHtml: string;
}

/** The answer controls of one question: its type's control (src/question-types/<type>/form.tsx). */
export function AnswerFields({ q, number }: { q: QuestionView; number: number }) {
  const Control = answerForms[q.type];
  return <Control q={q} number={number} />;
}
