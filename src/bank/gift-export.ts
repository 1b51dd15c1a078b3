/**
 * Our questions to GIFT that Moodle imports. Text is written the way Moodle's own exporter
 * writes it (qformat_gift::repchar): special characters escaped and newlines as `\n`, so a
 * question's text sits on one line. That keeps code indentation and blank lines, which Moodle's
 * importer would otherwise trim or read as the end of the question, and no line of code can
 * start with `//` and be taken for a comment. Prompts are `[markdown]`, from the source
 * Markdown rather than our HTML; options and feedback inherit that format. Comment lines before
 * each question carry its id, tags, difficulty, time weight and reference (gift-meta), so an
 * export imported again keeps them. Ordering questions, which GIFT has no type for, become
 * matching questions (each item to its position), said in the file and in the messages.
 */
import { metadataComments } from './gift-meta';
import type { GiftMessage } from './gift-read';
import type { SourceQuestion } from './types';

/** Escapes GIFT's special characters; `\` first, so the escapes it adds are not doubled. */
export function escapeGift(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/[~=#{}:]/g, '\\$&')
    .replace(/\r/g, '')
    .replace(/\n/g, '\\n');
}

/** Up to 5 decimals, as Moodle lists grades (33.33333), without trailing zeros. */
const weight = (n: number) => String(Number(n.toFixed(5)));

export const orderingAsMatching =
  'ordering question written as a Moodle matching question, each item to its position 1, 2, 3...: Moodle marks each position on its own, our rule credits the longest run in the right order';

export function exportGift(questions: readonly SourceQuestion[]): {
  text: string;
  messages: (GiftMessage & { file: string })[];
} {
  const messages: (GiftMessage & { file: string })[] = [];
  const out: string[] = [];
  let category = '';
  for (const q of questions) {
    const next = `skillcheck/${q.area}/${q.topic}`;
    if (next !== category) {
      category = next;
      out.push(`$CATEGORY: ${category}`, '');
    }
    // Comment lines stay in the question's block (no blank line), where Moodle reads [id:] and [tag:].
    out.push(`// ${q.id} (${q.file}:${q.line})`, ...metadataComments(q).map((c) => `// ${c}`));
    if (q.type === 'ordering') {
      out.push(`// ${orderingAsMatching}`);
      messages.push({ file: q.file, line: q.line, kind: 'changed', question: q.id, message: orderingAsMatching });
    }
    out.push(`::${escapeGift(q.id)}::[markdown]${escapeGift(q.promptMd)}{`);
    out.push(...answerBlock(q).map((line) => `\t${line}`));
    out.push(`\t####${escapeGift(q.explanationMd)}`, '}', '');
  }
  return { text: out.join('\n'), messages };
}

/** The answer lines between `{` and `}`. */
function answerBlock(q: SourceQuestion): string[] {
  const a = q.answer;
  switch (a.type) {
    case 'single':
      return a.options.map((o) => `${o.correct ? '=' : '~'}${escapeGift(o.text)}`);
    case 'multiple': {
      // Each correct option earns 100/n percent and each wrong one costs as much: Moodle then
      // scores (right - wrong) / n, floored at 0, as our scoring rule does.
      const share = 100 / a.options.filter((o) => o.correct).length;
      return a.options.map((o) => `~%${o.correct ? '' : '-'}${weight(share)}%${escapeGift(o.text)}`);
    }
    case 'truefalse':
      return [a.correct ? 'T' : 'F'];
    case 'text':
      return a.accepted.map((t) => `=${escapeGift(t)}`);
    case 'numeric':
      return [`#${a.value}:${a.tolerance}`];
    case 'ordering':
      // GIFT has no escape for "->", which ends a matching question's text; in Markdown "-\>" reads the same.
      return a.items.map((item, i) => `=${escapeGift(item.text).replaceAll('->', '-\\>')} -> ${i + 1}`);
  }
}
