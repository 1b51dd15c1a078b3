/**
 * One GIFT question to the parts of one of our question blocks. Moodle's scoring and feedback
 * are richer than ours (weights per answer, negative marks, feedback per chosen answer), so the
 * author's intent is kept where our format can hold it and every change is told: scoring that
 * differs is described, and per-answer feedback is folded into the explanation as
 * "Why not X: ..." lines, since we show one explanation to everyone after the test.
 */
import { type QuestionType, questionTypes } from '../question-types/rules';
import { sourceFor } from '../question-types/source';
import { type GiftQuestion, type GiftText, giftBlank } from './gift-read';
import { giftTextToMarkdown } from './gift-text';

export interface Converted {
  type: QuestionType;
  prompt: string;
  /** The answer section: its `### ` heading and lines. */
  answer: string[];
  /** Markdown, or '' when the GIFT gave no feedback at all. */
  explanation: string;
}

export type ConvertNote = (kind: 'skipped' | 'changed', message: string) => void;

/** One answer's feedback, to fold into the explanation. */
export interface FeedbackItem {
  label: string;
  right: boolean;
  feedback: GiftText;
}

/** What each type's conversion (`gift.convert` in src/question-types/<type>/source.ts) works with. */
export interface GiftConversion {
  note: ConvertNote;
  /** One line of Markdown, for an option, a label or a list item. */
  line(t: GiftText): string;
  /** The general feedback as Markdown. */
  general: string;
  /** The explanation: the general feedback, then each answer's own feedback as "Why not X: ..." lines. */
  explain(items: FeedbackItem[]): string;
  /** The type our export named in its comment line, for a type GIFT does not have. */
  declaredType: QuestionType | null;
}

// The missing word's blank must come through escaping as it is.
const blankMark = '\ue201';

/** What no type reads, and why. */
const unsupported: Partial<Record<GiftQuestion['kind'], string>> = {
  essay: 'essay questions are not supported: they need a person to mark them',
  description: 'a description is not a question (it has no answer block)',
};

export function convertGift(
  q: GiftQuestion,
  note: ConvertNote,
  options: { declaredType: QuestionType | null },
): Converted | null {
  const md = (t: GiftText) => giftTextToMarkdown(t.text, t.format, (m) => note('changed', m));
  const line = (t: GiftText) =>
    md(t)
      .replace(/\\\n/g, ' ')
      .replace(/\s*\n\s*/g, ' ');
  const prompt = md({ text: q.text.replaceAll(giftBlank, blankMark), format: q.format }).replaceAll(
    blankMark,
    giftBlank,
  );
  const general = md(q.generalFeedback);

  const explain = (items: FeedbackItem[]): string => {
    const folded = items
      .filter((i) => i.feedback.text !== '' && i.feedback.text !== q.generalFeedback.text)
      .map((i) => `- ${i.right ? i.label : `Why not ${i.label}`}: ${line(i.feedback)}`);
    if (folded.length > 0) {
      note(
        'changed',
        `feedback for ${folded.length} answer${folded.length === 1 ? '' : 's'} is folded into the explanation (Moodle showed each only to whoever chose that answer)`,
      );
    }
    return [general, folded.join('\n')].filter((part) => part !== '').join('\n\n');
  };

  const type = questionTypes.find((t) => sourceFor(t).gift.claims(q));
  if (type !== undefined) {
    const converted = sourceFor(type).gift.convert(q, {
      note,
      line,
      general,
      explain,
      declaredType: options.declaredType,
    });
    return converted && { type, prompt, ...converted };
  }
  note('skipped', unsupported[q.kind] ?? `${q.kind} questions are not supported`);
  return null;
}
