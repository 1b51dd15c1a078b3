/**
 * Blind review of new questions: a reviewer answers each question from a sheet that carries no key
 * (options and ordering items in a shuffled order), then the answers are graded against the keys.
 * A question is kept when the reviewer's answer earns full credit, or when the disagreement is
 * resolved by fixing the question. The shuffle is seeded by the question id, so the sheet and the
 * grading agree without storing anything between the two steps.
 */
import type { Answer } from '../engine/question';
import { createRng, shuffle } from '../engine/random';
import { scoreAnswer } from '../engine/scoring';
import type { CompiledQuestion } from './compile';
import type { SourceQuestion } from './types';

const letters = 'abcdefghijklmnopqrstuvwxyz';

/** The order in which a question's options (or ordering items) appear on the sheet, as file indexes. */
function sheetOrder(q: SourceQuestion): number[] {
  const a = q.answer;
  const count =
    a.type === 'single' || a.type === 'multiple' ? a.options.length : a.type === 'ordering' ? a.items.length : 0;
  return shuffle(
    Array.from({ length: count }, (_, i) => i),
    createRng(`blind:${q.id}`),
  );
}

const instructions: Record<SourceQuestion['type'], string> = {
  single: 'Answer with one letter.',
  multiple: 'Answer with every correct letter, comma-separated.',
  truefalse: 'Answer true or false.',
  text: 'Answer with the exact short text asked for.',
  numeric: 'Answer with a number.',
  ordering: 'Answer with all letters in the correct order, comma-separated.',
};

/** The reviewer's sheet, as Markdown: prompt, choices under letters, no key and no explanation. */
export function blindSheet(questions: readonly SourceQuestion[]): string {
  const parts = [
    '# Blind review',
    '',
    'Answer every question below without looking anything up in this repository. Write one line per',
    'question in your answers file: `<id>: <answer>`. Add ` # <comment>` after an answer when the',
    'question is ambiguous, has no right answer or more than one.',
  ];
  for (const q of questions) {
    parts.push('', `## ${q.id}`, `type: ${q.type} — ${instructions[q.type]}`, '', q.promptMd.trim());
    const a = q.answer;
    if (a.type === 'single' || a.type === 'multiple' || a.type === 'ordering') {
      const texts = a.type === 'ordering' ? a.items.map((i) => i.text) : a.options.map((o) => o.text);
      parts.push('');
      sheetOrder(q).forEach((fileIndex, shown) => {
        parts.push(`- (${letters[shown]}) ${texts[fileIndex]}`);
      });
    }
  }
  return `${parts.join('\n')}\n`;
}

export interface BlindAnswer {
  id: string;
  answer: string;
  comment: string;
  line: number;
}

/** Reads `<id>: <answer> # comment` lines; blank lines and lines starting with `#` are skipped. */
export function parseBlindAnswers(text: string): BlindAnswer[] {
  const answers: BlindAnswer[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const match = /^([a-z0-9-]+)\s*:\s*(.*)$/u.exec(line);
    if (!match) return;
    const [answer = '', ...comment] = (match[2] ?? '').split(' # ');
    answers.push({ id: match[1] ?? '', answer: answer.trim(), comment: comment.join(' # ').trim(), line: i + 1 });
  });
  return answers;
}

/** Turns a reviewer's written answer into the engine's Answer, mapping sheet letters back to option ids. */
export function toAnswer(q: SourceQuestion, compiled: CompiledQuestion, written: string): Answer | null {
  const order = sheetOrder(q);
  const byLetter = (letter: string) => {
    const shown = letters.indexOf(letter.trim().toLowerCase().replace(/[()]/gu, ''));
    const fileIndex = shown >= 0 ? order[shown] : undefined;
    return fileIndex === undefined ? null : (compiled.options[fileIndex]?.id ?? null);
  };
  const list = (text: string) =>
    text
      .split(/[\s,]+/u)
      .filter(Boolean)
      .map(byLetter);
  switch (q.type) {
    case 'single': {
      const id = byLetter(written);
      return id === null ? null : { type: 'single', choice: id };
    }
    case 'multiple': {
      const ids = list(written);
      return ids.includes(null) ? null : { type: 'multiple', choices: ids as string[] };
    }
    case 'ordering': {
      const ids = list(written);
      return ids.includes(null) ? null : { type: 'ordering', order: ids as string[] };
    }
    case 'truefalse': {
      const value = written.trim().toLowerCase();
      return value === 'true' || value === 'false' ? { type: 'truefalse', value: value === 'true' } : null;
    }
    case 'text':
      return { type: 'text', text: written };
    case 'numeric': {
      const value = Number(written.trim());
      return Number.isFinite(value) && written.trim() !== '' ? { type: 'numeric', value } : null;
    }
  }
}

/** How the key reads on the reviewer's sheet, for the disagreement list. */
export function keyOnSheet(q: SourceQuestion): string {
  const a = q.answer;
  const order = sheetOrder(q);
  const letterOf = (fileIndex: number) => letters[order.indexOf(fileIndex)] ?? '?';
  switch (a.type) {
    case 'single':
    case 'multiple':
      return a.options
        .map((o, i) => (o.correct ? letterOf(i) : ''))
        .filter(Boolean)
        .sort()
        .join(',');
    case 'ordering':
      return a.items.map((_, i) => letterOf(i)).join(',');
    case 'truefalse':
      return String(a.correct);
    case 'text':
      return a.accepted.join(' | ');
    case 'numeric':
      return a.tolerance ? `${a.value} ± ${a.tolerance}` : String(a.value);
  }
}

export interface BlindVerdict {
  id: string;
  credit: number;
  given: string;
  key: string;
  comment: string;
}

export interface BlindGrade {
  verdicts: BlindVerdict[];
  /** Ids on the sheet without an answer. */
  unanswered: string[];
  /** Answer lines whose id is not a question under review. */
  unknown: BlindAnswer[];
}

/** Grades a reviewer's answers: full credit is agreement; anything less is a disagreement to resolve. */
export function gradeBlind(
  questions: readonly { source: SourceQuestion; compiled: CompiledQuestion }[],
  answers: readonly BlindAnswer[],
): BlindGrade {
  const byId = new Map(questions.map((q) => [q.source.id, q]));
  const given = new Map(answers.map((a) => [a.id, a]));
  const verdicts: BlindVerdict[] = [];
  const unanswered: string[] = [];
  for (const { source, compiled } of questions) {
    const answer = given.get(source.id);
    if (!answer) {
      unanswered.push(source.id);
      continue;
    }
    const credit = scoreAnswer(compiled.key, toAnswer(source, compiled, answer.answer));
    verdicts.push({ id: source.id, credit, given: answer.answer, key: keyOnSheet(source), comment: answer.comment });
  }
  return { verdicts, unanswered, unknown: answers.filter((a) => !byId.has(a.id)) };
}
