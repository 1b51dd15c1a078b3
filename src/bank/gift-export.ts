/**
 * Our questions to GIFT that Moodle imports. Text is written the way Moodle's own exporter
 * writes it (qformat_gift::repchar): special characters escaped and newlines as `\n`, so a
 * question's text sits on one line. That keeps code indentation and blank lines, which Moodle's
 * importer would otherwise trim or read as the end of the question, and no line of code can
 * start with `//` and be taken for a comment. Prompts are `[markdown]`, from the source
 * Markdown rather than our HTML; options and feedback inherit that format.
 */
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

export function exportGift(questions: readonly SourceQuestion[]): {
  text: string;
  messages: (GiftMessage & { file: string })[];
} {
  const messages: (GiftMessage & { file: string })[] = [];
  const out: string[] = [];
  let category = '';
  for (const q of questions) {
    const block = answerBlock(q);
    if (block === null) {
      const message = `ordering questions are not representable in standard GIFT, skipped: ${q.id}`;
      messages.push({ file: q.file, line: q.line, message });
      continue;
    }
    const next = `skillcheck/${q.area}/${q.topic}`;
    if (next !== category) {
      category = next;
      out.push(`$CATEGORY: ${category}`, '');
    }
    out.push(`// ${q.id} (${q.file}:${q.line})`);
    out.push(`::${escapeGift(q.id)}::[markdown]${escapeGift(q.promptMd)}{`);
    out.push(...block.map((line) => `\t${line}`));
    out.push(`\t####${escapeGift(q.explanationMd)}`, '}', '');
  }
  return { text: out.join('\n'), messages };
}

/** The answer lines between `{` and `}`, or null for a type GIFT cannot hold. */
function answerBlock(q: SourceQuestion): string[] | null {
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
      return null;
  }
}
