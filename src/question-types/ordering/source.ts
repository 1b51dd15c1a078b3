/** Ordering in a question file: `### Order`, a numbered list of the items in their correct order. */
import { escapeGift } from '../../bank/gift-escape';
import type { GiftQuestion } from '../../bank/gift-read';
import { checkItems, nonBlank, type Read, reported } from '../../bank/sections';
import type { SourceLine } from '../../bank/types';
import type { QuestionSource } from '../source';
import type { OrderingAnswer, OrderingKey } from './rules';

export interface OrderingSourceAnswer {
  type: 'ordering';
  items: SourceLine[];
}

type MatchingGift = Extract<GiftQuestion, { kind: 'matching' }>;

export const orderingAsMatching =
  'ordering question written as a Moodle matching question, each item to its position 1, 2, 3...: Moodle marks each position on its own, our rule credits the longest run in the right order';

const numberedPattern = /^(\d+)[.)](?:[ \t]+(.*))?$/;

/** `1. first`, `2. second`...: the items in their correct order. */
function readOrder(lines: readonly SourceLine[]): Read<SourceLine[]> {
  const result: Read<SourceLine[]> = { value: [], errors: [] };
  for (const { text, line } of nonBlank(lines)) {
    const m = numberedPattern.exec(text.trim());
    if (!m) {
      result.errors.push({ line, message: `order items are a numbered list, "1. first item", found "${text.trim()}"` });
      continue;
    }
    const expected = result.value.length + 1;
    if (Number(m[1]) !== expected && !result.errors.some((e) => e.message.startsWith('order items are numbered'))) {
      result.errors.push({
        line,
        message: `order items are numbered 1, 2, 3... in order: expected ${expected}, found ${m[1]}`,
      });
    }
    result.value.push({ text: (m[2] ?? '').trim(), line });
  }
  return result;
}

export const orderingSource: QuestionSource<OrderingSourceAnswer, OrderingKey, OrderingAnswer> = {
  section: 'Order',
  countLabel: 'order',

  read(section, { error }) {
    const read = readOrder(section.lines);
    if (!reported(read, error)) return null;
    checkItems(read.value, section.line, 'item', 3, error);
    return { type: 'ordering', items: read.value };
  },

  options: (answer) => answer.items,

  /** File order is the correct order. */
  key: (_answer, optionIds) => ({ type: 'ordering', order: [...optionIds] }),

  identity: (answer) => ({ ...answer, items: answer.items.map((i) => i.text) }),

  gift: {
    // GIFT has no escape for "->", which ends a matching question's text; in Markdown "-\>" reads the same.
    answerLines: (answer) =>
      answer.items.map((item, i) => `=${escapeGift(item.text).replaceAll('->', '-\\>')} -> ${i + 1}`),
    writtenAs: orderingAsMatching,
    claims: (q): q is MatchingGift => q.kind === 'matching',
    convert(q: MatchingGift, { note, line, general, declaredType }) {
      const { pairs } = q;
      // A matching question whose answers are the positions 1..n is an ordering question: it is how
      // our export writes one, and how a Moodle author would.
      const positions = pairs.map((p) => (/^\d+$/.test(p.answer) ? Number(p.answer) : 0));
      const isOrder = pairs.length >= 2 && [...positions].sort((a, b) => a - b).every((p, i) => p === i + 1);
      if (!isOrder) {
        note(
          'skipped',
          'matching questions are not supported (only matching to the positions 1, 2, 3... reads as an ordering)',
        );
        return null;
      }
      if (declaredType !== 'ordering') {
        note(
          'changed',
          'matching to the positions 1..n became an ordering question: Moodle marked each position on its own, ours credits the longest run in the right order',
        );
      }
      // Our export writes "->" inside an item as "-\\>" (GIFT cannot escape it); read it back.
      const items = pairs.map((p, i) => ({
        text: line({ ...p.question, text: p.question.text.replaceAll('-\\>', '->') }),
        position: positions[i] ?? 0,
      }));
      items.sort((a, b) => a.position - b.position);
      return {
        answer: ['### Order', ...items.map((item, i) => `${i + 1}. ${item.text}`)],
        explanation: general,
      };
    },
  },

  blind: {
    instruction: 'Answer with all letters in the correct order, comma-separated.',
    toAnswer(written, letters) {
      const ids = letters.ids(written);
      return ids.includes(null) ? null : { type: 'ordering', order: ids as string[] };
    },
    keyOnSheet: (answer, letterOf) => answer.items.map((_, i) => letterOf(i)).join(','),
  },
};
