/** Answers and keys as HTML for review pages. Option HTML is sanitized at import; text is escaped here. */
import type { QuestionOption } from './rules';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The options named by `ids`, in that order, separated by semicolons. */
export function optionsHtml(options: readonly QuestionOption[], ids: readonly string[]): string {
  const byId = new Map(options.map((o) => [o.id, o.html]));
  return ids.map((id) => byId.get(id) ?? escapeHtml(id)).join('; ');
}

/** The options named by `ids` as a numbered list, for orders. */
export function orderedOptionsHtml(options: readonly QuestionOption[], ids: readonly string[]): string {
  return `<ol>${ids.map((id) => `<li>${optionsHtml(options, [id])}</li>`).join('')}</ol>`;
}
