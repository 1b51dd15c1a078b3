/**
 * Questions as CSV rows, for teams that keep questions in a spreadsheet. The layout (documented
 * in questions/README.md) has a header row naming the columns, in any order, case-insensitive:
 *
 *   id, type, topic, difficulty, tags, time, ref, prompt, options, correct, explanation
 *
 * A row becomes one question block in the public bank's Markdown, which then goes through the
 * same checks as every question (bank:check's messages). Options (and accepted text answers) are
 * one per line inside the cell, or separated by `|` in a cell without line breaks (`\|` for a
 * bar). `correct` names the right options by their 1-based positions (`2`, `1,3`), or holds the
 * answer: `true`/`false`, accepted texts, a number with an optional `+- tolerance`; an ordering
 * question lists its items in the correct order and leaves `correct` empty. Pure: no I/O.
 */
import type { SourceQuestion } from './types';

export const csvColumns = [
  'id',
  'type',
  'topic',
  'difficulty',
  'tags',
  'time',
  'ref',
  'prompt',
  'options',
  'correct',
  'explanation',
] as const;

export type CsvColumn = (typeof csvColumns)[number];

/** The columns a header row must name. */
export const requiredCsvColumns: readonly CsvColumn[] = ['type', 'difficulty', 'prompt', 'explanation'];

/** What the types CSV can carry; the others (code, SQL) and variant questions need Markdown. */
const csvTypes = ['single', 'multiple', 'truefalse', 'text', 'numeric', 'ordering'] as const;

/** A header row's columns by position; unknown names are reported, missing required ones too. */
export function readCsvHeader(cells: readonly string[]): {
  columns: (CsvColumn | null)[];
  missing: CsvColumn[];
  unknown: string[];
} {
  const columns = cells.map((cell) => {
    const name = cell.trim().toLowerCase();
    return (csvColumns as readonly string[]).includes(name) ? (name as CsvColumn) : null;
  });
  return {
    columns,
    missing: requiredCsvColumns.filter((c) => !columns.includes(c)),
    unknown: cells.filter((_, i) => columns[i] === null && cells[i]?.trim() !== '').map((c) => c.trim()),
  };
}

/** A cell's list: one item per line, or `|`-separated when the cell has no line break. */
export function splitList(cell: string): string[] {
  const text = cell.replace(/\r\n?/g, '\n').trim();
  if (text === '') return [];
  const items = text.includes('\n') ? text.split('\n') : text.split(/(?<!\\)\|/).map((s) => s.replaceAll('\\|', '|'));
  return items.map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * One row as a question block. Returns the Markdown, or the problems that stop it in words that
 * name the column; the Markdown's own problems are found by the bank's checks afterwards.
 */
export function markdownFromCsvRow(
  row: Partial<Record<CsvColumn, string>>,
  fallbackId: string,
): { ok: true; markdown: string; topic: string } | { ok: false; errors: string[] } {
  const cell = (name: CsvColumn) => (row[name] ?? '').replace(/\r\n?/g, '\n').trim();
  const type = cell('type').toLowerCase();
  const errors: string[] = [];
  if (!(csvTypes as readonly string[]).includes(type)) {
    errors.push(
      type === ''
        ? 'the type column is empty: write single, multiple, truefalse, text, numeric or ordering'
        : `type "${type}" cannot be written as a CSV row: use ${csvTypes.join(', ')}, or import that question as Markdown`,
    );
    return { ok: false, errors };
  }
  const options = splitList(row.options ?? '');
  const correct = cell('correct');
  const answer: string[] = [];
  if (type === 'single' || type === 'multiple') {
    if (options.length === 0)
      errors.push('the options column is empty: list the options, one per line or separated by |');
    const picked = correct.split(/[\s,;|]+/).filter((s) => s !== '');
    const positions = picked.map(Number);
    if (picked.length === 0)
      errors.push('the correct column is empty: give the number of the right option, e.g. 2 (or 1,3)');
    else if (options.length > 0 && positions.some((n) => !Number.isInteger(n) || n < 1 || n > options.length))
      errors.push(`the correct column must hold option numbers from 1 to ${options.length} (got "${correct}")`);
    answer.push('### Options', ...options.map((o, i) => `- [${positions.includes(i + 1) ? 'x' : ' '}] ${o}`));
  } else if (type === 'ordering') {
    if (options.length === 0) errors.push('the options column is empty: list the items in the correct order');
    answer.push('### Order', ...options.map((o, i) => `${i + 1}. ${o}`));
  } else if (type === 'text') {
    const accepted = splitList(correct);
    if (accepted.length === 0) errors.push('the correct column is empty: list the accepted answers');
    answer.push('### Answer', ...accepted.map((a) => `- ${a}`));
  } else {
    if (correct === '')
      errors.push(`the correct column is empty: write the ${type === 'numeric' ? 'number' : 'answer'}`);
    answer.push('### Answer', type === 'truefalse' ? correct.toLowerCase() : correct);
  }
  if (errors.length > 0) return { ok: false, errors };
  const id = cell('id') || fallbackId;
  const header = [
    `type: ${type}`,
    `difficulty: ${cell('difficulty')}`,
    ...(cell('tags') ? [`tags: ${cell('tags')}`] : []),
    ...(cell('time') ? [`time: ${cell('time')}`] : []),
    ...(cell('ref') ? [`ref: ${cell('ref')}`] : []),
  ];
  const markdown = [
    `## ${id}`,
    ...header,
    '',
    cell('prompt'),
    '',
    ...answer,
    '',
    '### Explanation',
    cell('explanation'),
    '',
  ];
  return { ok: true, markdown: markdown.join('\n'), topic: cell('topic') };
}

/** A question as a CSV row in csvColumns' order, or why it cannot be one. */
export function csvRowOf(q: SourceQuestion): { ok: true; cells: string[] } | { ok: false; reason: string } {
  if (q.variant) return { ok: false, reason: 'a variant question has parameters, which a CSV row cannot hold' };
  let options: string[] = [];
  let correct = '';
  const answer = q.answer;
  switch (answer.type) {
    case 'single':
    case 'multiple':
      options = answer.options.map((o) => o.text);
      correct = answer.options.flatMap((o, i) => (o.correct ? [String(i + 1)] : [])).join(',');
      break;
    case 'ordering':
      options = answer.items.map((item) => item.text);
      break;
    case 'truefalse':
      correct = String(answer.correct);
      break;
    case 'text':
      correct = answer.accepted.join('\n');
      break;
    case 'numeric':
      correct = answer.tolerance > 0 ? `${answer.value} +- ${answer.tolerance}` : String(answer.value);
      break;
    default:
      return { ok: false, reason: `a ${q.type} question has parts a CSV row cannot hold` };
  }
  const row: Record<CsvColumn, string> = {
    id: q.id,
    type: q.type,
    topic: q.topic,
    difficulty: String(q.difficulty),
    tags: q.tags.join(', '),
    time: q.timeWeight === 1 ? '' : String(q.timeWeight),
    ref: q.ref ?? '',
    prompt: q.promptMd,
    options: options.join('\n'),
    correct,
    explanation: q.explanationMd,
  };
  return { ok: true, cells: csvColumns.map((c) => row[c]) };
}
