/**
 * Our questions to GIFT that Moodle imports. Text is written the way Moodle's own exporter
 * writes it (qformat_gift::repchar): special characters escaped and newlines as `\n`, so a
 * question's text sits on one line. That keeps code indentation and blank lines, which Moodle's
 * importer would otherwise trim or read as the end of the question, and no line of code can
 * start with `//` and be taken for a comment. Prompts are `[markdown]`, from the source
 * Markdown rather than our HTML; options and feedback inherit that format. Comment lines before
 * each question carry its id, tags, difficulty, time weight and reference (gift-meta), so an
 * export imported again keeps them. Each type writes its own answer lines
 * (src/question-types/<type>/source.ts); one that GIFT has no type for is written as another
 * (ordering as matching, each item to its position), said in the file and in the messages. A
 * variant question is written as its example instance, also said in both places.
 */
import { describeValues } from '../engine/variant';
import { sourceFor } from '../question-types/source';
import { escapeGift } from './gift-escape';
import { metadataComments } from './gift-meta';
import type { GiftMessage } from './gift-read';
import type { SourceQuestion } from './types';

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
    const { gift } = sourceFor(q.type);
    if (gift.skipped) {
      out.push(`// ${q.id} (${q.file}:${q.line}) left out: ${gift.skipped}`, '');
      messages.push({ file: q.file, line: q.line, kind: 'skipped', question: q.id, message: gift.skipped });
      continue;
    }
    // Comment lines stay in the question's block (no blank line), where Moodle reads [id:] and [tag:].
    out.push(`// ${q.id} (${q.file}:${q.line})`, ...metadataComments(q).map((c) => `// ${c}`));
    if (q.variant) {
      // GIFT has no parameters: the file carries one instance, the example the version stores.
      const note = `variant question written as its example instance (${describeValues(q.variant.example)}): GIFT has no parameters, so Moodle gets a fixed question; the parameters stay in ${q.file}`;
      out.push(`// ${note}`);
      messages.push({ file: q.file, line: q.line, kind: 'changed', question: q.id, message: note });
    }
    if (gift.writtenAs !== null) {
      out.push(`// ${gift.writtenAs}`);
      messages.push({ file: q.file, line: q.line, kind: 'changed', question: q.id, message: gift.writtenAs });
    }
    out.push(`::${escapeGift(q.id)}::[markdown]${escapeGift(q.promptMd)}{`);
    out.push(...gift.answerLines(q.answer).map((line) => `\t${line}`));
    out.push(`\t####${escapeGift(q.explanationMd)}`, '}', '');
  }
  return { text: out.join('\n'), messages };
}
