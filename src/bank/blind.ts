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
import { sourceFor } from '../question-types/source';
import type { CompiledQuestion } from './compile';
import type { SourceQuestion } from './types';

const letters = 'abcdefghijklmnopqrstuvwxyz';

/** The order in which a question's options (or ordering items) appear on the sheet, as file indexes. */
function sheetOrder(q: SourceQuestion): number[] {
  const count = sourceFor(q.type).options(q.answer).length;
  return shuffle(
    Array.from({ length: count }, (_, i) => i),
    createRng(`blind:${q.id}`),
  );
}

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
    const source = sourceFor(q.type);
    parts.push('', `## ${q.id}`, `type: ${q.type} — ${source.blind.instruction}`, '', q.promptMd.trim());
    const texts = source.options(q.answer).map((o) => o.text);
    if (texts.length > 0) {
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
  const ids = (text: string) =>
    text
      .split(/[\s,]+/u)
      .filter(Boolean)
      .map(byLetter);
  return sourceFor(q.type).blind.toAnswer(written, { id: byLetter, ids });
}

/** How the key reads on the reviewer's sheet, for the disagreement list. */
export function keyOnSheet(q: SourceQuestion): string {
  const order = sheetOrder(q);
  const letterOf = (fileIndex: number) => letters[order.indexOf(fileIndex)] ?? '?';
  return sourceFor(q.type).blind.keyOnSheet(q.answer, letterOf);
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
