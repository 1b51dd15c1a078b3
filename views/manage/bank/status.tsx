import type { QuestionStatus } from '../../../src/engine/question-status';

/** Question types as the bank pages name them; a type added later shows its own name. */
export const typeNames: Record<string, string> = {
  single: 'Single choice',
  multiple: 'Multiple choice',
  truefalse: 'True or false',
  text: 'Short text',
  numeric: 'Number',
  ordering: 'Put in order',
  code: 'Code',
  sql: 'SQL query',
};

export const statusNames: Record<QuestionStatus, string> = {
  draft: 'Draft',
  review: 'In review',
  active: 'Active',
  retired: 'Retired',
};

const statusClass: Record<QuestionStatus, string> = {
  draft: 'badge muted-badge',
  review: 'badge warn',
  active: 'badge ok',
  retired: 'badge',
};

/** A question's status as a badge: words, not only colour. */
export function StatusBadge({ status }: { status: QuestionStatus }) {
  return <span class={statusClass[status]}>{statusNames[status]}</span>;
}
