/** Answers and keys as HTML for review pages. Option HTML is sanitized at import; text is escaped here. */

import { focusableCodeBlocks } from '../bank/scrollable-code';
import type { Answer, AnswerKey, QuestionOption } from '../engine/question';
import { scoreAnswer } from '../engine/scoring';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function optionsHtml(options: QuestionOption[], ids: readonly string[]): string {
  const byId = new Map(options.map((o) => [o.id, o.html]));
  return ids.map((id) => byId.get(id) ?? escapeHtml(id)).join('; ');
}

export function answerHtml(options: QuestionOption[], answer: Answer | null | undefined): string {
  if (!answer) return '<em>No answer</em>';
  switch (answer.type) {
    case 'single':
      return optionsHtml(options, [answer.choice]);
    case 'multiple':
      return answer.choices.length ? optionsHtml(options, answer.choices) : '<em>No option chosen</em>';
    case 'truefalse':
      return answer.value ? 'True' : 'False';
    case 'text':
      return escapeHtml(answer.text);
    case 'numeric':
      return escapeHtml(String(answer.value));
    case 'ordering':
      return `<ol>${answer.order.map((id) => `<li>${optionsHtml(options, [id])}</li>`).join('')}</ol>`;
  }
}

export function keyHtml(options: QuestionOption[], key: AnswerKey): string {
  switch (key.type) {
    case 'single':
      return optionsHtml(options, [key.correct]);
    case 'multiple':
      return optionsHtml(options, key.correct);
    case 'truefalse':
      return key.correct ? 'True' : 'False';
    case 'text':
      return key.accepted.map(escapeHtml).join(' or ');
    case 'numeric':
      return escapeHtml(key.tolerance > 0 ? `${key.value} ± ${key.tolerance}` : String(key.value));
    case 'ordering':
      return `<ol>${key.order.map((id) => `<li>${optionsHtml(options, [id])}</li>`).join('')}</ol>`;
  }
}

/** One question of a finished attempt as a review shows it: the answer, the key, the credit, why. */
export function reviewItem(
  item: {
    position: number;
    promptHtml: string;
    options: QuestionOption[];
    answerKey: AnswerKey;
    explanationHtml: string;
    ref: string | null;
  },
  answer: Answer | null,
) {
  return {
    position: item.position,
    promptHtml: focusableCodeBlocks(item.promptHtml),
    yourAnswerHtml: answerHtml(item.options, answer),
    correctAnswerHtml: keyHtml(item.options, item.answerKey),
    explanationHtml: focusableCodeBlocks(item.explanationHtml),
    credit: scoreAnswer(item.answerKey, answer),
    ref: item.ref,
  };
}
