/** How a regrade reads on the candidate report and in the queue: the kind, and the accepted answer in letters or words. */
import type { Answer, QuestionOption } from '../engine/question';
import { type RegradeKind, regradeKindLabels } from '../engine/regrade';
import { optionLabel } from './item-statistics';

/** The accepted answer as the statistics pages name options: "C", "B and D", "True", or the text or number. */
export function acceptedAnswerWords(answer: Answer, options: readonly QuestionOption[]): string {
  const meta = { options: [...options] };
  switch (answer.type) {
    case 'single':
      return optionLabel(meta, answer.choice);
    case 'multiple':
      return answer.choices.map((id) => optionLabel(meta, id)).join(' and ');
    case 'truefalse':
      return answer.value ? 'True' : 'False';
    case 'text':
      return `"${answer.text}"`;
    case 'numeric':
      return String(answer.value);
    default:
      return 'another answer';
  }
}

export function regradeWords(kind: RegradeKind, accepted: Answer | null, options: readonly QuestionOption[]): string {
  const label = regradeKindLabels[kind];
  return accepted ? `${label}: ${acceptedAnswerWords(accepted, options)}` : label;
}
