import { htmlToText } from './answer-text';

/** A question's prompt as one line of plain text, cut to `length` characters: how lists name a question. */
export function promptExcerpt(html: string, length = 140): string {
  const text = htmlToText(html);
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
