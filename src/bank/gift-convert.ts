/**
 * One GIFT question to the parts of one of our question blocks. Moodle's scoring and feedback
 * are richer than ours (weights per answer, negative marks, feedback per chosen answer), so the
 * author's intent is kept where our format can hold it and every change is told: scoring that
 * differs is described, and per-answer feedback is folded into the explanation as
 * "Why not X: ..." lines, since we show one explanation to everyone after the test.
 */
import type { QuestionType } from '../engine/question';
import { type GiftAnswer, type GiftNumber, type GiftQuestion, type GiftText, giftBlank } from './gift-read';
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

const percent = (fraction: number) => `${Number((fraction * 100).toFixed(2))}%`;
const near = (a: number, b: number) => Math.abs(a - b) < 0.0005;
// The missing word's blank must come through escaping as it is.
const blankMark = '\ue201';

interface FeedbackItem {
  label: string;
  right: boolean;
  feedback: GiftText;
}

export function convertGift(q: GiftQuestion, note: ConvertNote, options: { ordering: boolean }): Converted | null {
  const md = (t: GiftText) => giftTextToMarkdown(t.text, t.format, (m) => note('changed', m));
  /** One line of Markdown, for an option, a label or a list item. */
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

  switch (q.kind) {
    case 'choice':
      return q.single ? single(q.answers) : multiple(q.answers);
    case 'truefalse':
      return {
        type: 'truefalse',
        prompt,
        answer: ['### Answer', String(q.correct)],
        explanation: explain([
          { label: String(q.correct), right: true, feedback: q.feedbackRight },
          { label: String(!q.correct), right: false, feedback: q.feedbackWrong },
        ]),
      };
    case 'short':
      return short(q.answers);
    case 'numerical':
      return numerical(q.answers, q.otherFeedback);
    case 'matching':
      return ordering(q.pairs);
    case 'essay':
      note('skipped', 'essay questions are not supported: they need a person to mark them');
      return null;
    case 'description':
      note('skipped', 'a description is not a question (it has no answer block)');
      return null;
  }

  function choiceItems(answers: GiftAnswer[], right: (a: GiftAnswer) => boolean): FeedbackItem[] {
    return answers.map((a) => ({ label: line(a), right: right(a), feedback: a.feedback }));
  }

  function single(answers: GiftAnswer[]): Converted | null {
    const full = answers.filter((a) => near(a.fraction, 1));
    if (full.length !== 1) {
      note(
        'skipped',
        `a single-choice question with ${full.length} fully correct answers (Moodle accepts any of them) has no equivalent here: keep one, or make it a multiple-answer question with weights`,
      );
      return null;
    }
    for (const a of answers) {
      if (a.fraction > 0 && !near(a.fraction, 1)) {
        note('changed', `partial credit dropped: "${a.text}" earned ${percent(a.fraction)} in Moodle and now scores 0`);
      } else if (a.fraction < 0) {
        note('changed', `negative mark dropped: "${a.text}" cost ${percent(-a.fraction)} in Moodle and now scores 0`);
      }
    }
    return {
      type: 'single',
      prompt,
      answer: ['### Options', ...answers.map((a) => `- [${near(a.fraction, 1) ? 'x' : ' '}] ${line(a)}`)],
      explanation: explain(choiceItems(answers, (a) => near(a.fraction, 1))),
    };
  }

  function multiple(answers: GiftAnswer[]): Converted | null {
    const correct = answers.filter((a) => a.fraction > 0);
    if (correct.length === 0) {
      note('skipped', 'no answer earns credit, so there is no correct set to mark');
      return null;
    }
    const share = 1 / correct.length;
    const equivalent = answers.every((a) => near(a.fraction, a.fraction > 0 ? share : -share));
    if (!equivalent) {
      const reasons: string[] = [];
      const total = correct.reduce((sum, a) => sum + a.fraction, 0);
      if (!correct.every((a) => near(a.fraction, share))) reasons.push('each correct answer now earns an equal share');
      if (!near(total, 1)) reasons.push(`choosing every correct answer earned ${percent(total)} and now earns 100%`);
      const costs = new Set(
        answers.filter((a) => a.fraction <= 0 && !near(a.fraction, -share)).map((a) => -a.fraction),
      );
      for (const cost of [...costs].sort((a, b) => a - b)) {
        reasons.push(
          `a wrong answer that cost ${near(cost, 0) ? 'nothing' : percent(cost)} now takes away ${percent(share)}`,
        );
      }
      note(
        'changed',
        `scoring changed: Moodle's weights ${answers.map((a) => percent(a.fraction)).join(', ')} become our rule, (correct chosen − wrong chosen) / ${correct.length}, never below 0: ${reasons.join('; ')}`,
      );
    }
    return {
      type: 'multiple',
      prompt,
      answer: ['### Options', ...answers.map((a) => `- [${a.fraction > 0 ? 'x' : ' '}] ${line(a)}`)],
      explanation: explain(choiceItems(answers, (a) => a.fraction > 0)),
    };
  }

  function short(answers: GiftAnswer[]): Converted | null {
    const accepted = answers.filter((a) => near(a.fraction, 1));
    if (accepted.length === 0) {
      note('skipped', 'a short answer question without a fully correct answer has no equivalent here');
      return null;
    }
    for (const a of answers) {
      if (a.fraction > 0 && !near(a.fraction, 1)) {
        note('changed', `partial credit dropped: "${a.text}" earned ${percent(a.fraction)} in Moodle and is now wrong`);
      }
    }
    if (accepted.some((a) => a.text.includes('*')))
      note('changed', 'Moodle\'s "*" wildcard is compared literally here');
    const items = answers.map((a) => ({
      label: a.text === '*' ? 'Any other answer' : line({ text: a.text, format: 'plain' }),
      right: near(a.fraction, 1) || a.text === '*',
      feedback: a.feedback,
    }));
    return {
      type: 'text',
      prompt,
      answer: ['### Answer', ...accepted.map((a) => `- ${a.text.replace(/\s+/g, ' ')}`)],
      explanation: explain(items),
    };
  }

  function numerical(answers: GiftNumber[], other: GiftText): Converted | null {
    const label = (a: GiftNumber) => (a.tolerance ? `${a.value} ± ${a.tolerance}` : String(a.value));
    const full = answers.filter((a) => near(a.fraction, 1));
    const [right] = full;
    if (!right) {
      note('skipped', 'a numerical question without a fully correct answer has no equivalent here');
      return null;
    }
    for (const a of answers) {
      if (a === right) continue;
      if (near(a.fraction, 1))
        note('changed', `only one correct value is kept: ${label(a)} was also correct in Moodle and is now wrong`);
      else if (a.fraction > 0) {
        note('changed', `partial credit dropped: ${label(a)} earned ${percent(a.fraction)} in Moodle and is now wrong`);
      }
    }
    const value = right.tolerance ? `${right.value} +- ${right.tolerance}` : String(right.value);
    return {
      type: 'numeric',
      prompt,
      answer: ['### Answer', value],
      explanation: explain([
        ...answers.map((a) => ({ label: label(a), right: a === right, feedback: a.feedback })),
        { label: 'Any other answer', right: true, feedback: other },
      ]),
    };
  }

  function ordering(pairs: { question: GiftText; answer: string }[]): Converted | null {
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
    if (!options.ordering) {
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
      type: 'ordering',
      prompt,
      answer: ['### Order', ...items.map((item, i) => `${i + 1}. ${item.text}`)],
      explanation: general,
    };
  }
}
