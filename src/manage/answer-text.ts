/**
 * Answers and keys as plain text for CSV cells. The HTML of src/candidate/describe.ts is the one
 * description of an answer; this flattens it (tags dropped, entities decoded, list items
 * numbered), so the export can never disagree with the report.
 */
import { answerHtml, keyHtml } from '../candidate/describe';
import type { Answer, AnswerKey, QuestionOption } from '../engine/question';

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[ref.toLowerCase()] ?? whole;
  });
}

/** Sanitized HTML to one line of text: "<ol><li>a</li><li>b</li></ol>" becomes "1. a; 2. b". */
export function htmlToText(html: string): string {
  let item = 0;
  const flat = html
    .replace(/<ol[^>]*>/gi, () => {
      item = 0;
      return '';
    })
    .replace(/<li[^>]*>/gi, () => `${++item}. `)
    .replace(/<\/li>\s*/gi, '; ')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(flat)
    .replace(/\s+/g, ' ')
    .replace(/[;\s]+$/, '')
    .trim();
}

export function answerText(options: QuestionOption[], answer: Answer | null | undefined): string {
  return answer ? htmlToText(answerHtml(options, answer)) : '';
}

export function keyText(options: QuestionOption[], key: AnswerKey): string {
  return htmlToText(keyHtml(options, key));
}
