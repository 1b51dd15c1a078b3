/**
 * The summary `bank:check` prints: one row per area and per topic (listed topics without
 * questions included, so gaps show), with counts by type and by difficulty, and a total.
 */
import { questionTypes } from '../question-types/rules';
import { sourceFor } from '../question-types/source';
import type { CompiledBank, CompiledQuestion } from './compile';

const difficulties = [1, 2, 3, 4, 5] as const;

function countRow(label: string, questions: readonly CompiledQuestion[]): string[] {
  return [
    label,
    String(questions.length),
    ...questionTypes.map((t) => String(questions.filter((q) => q.type === t).length)),
    ...difficulties.map((d) => String(questions.filter((q) => q.difficulty === d).length)),
  ];
}

export function bankReport(bank: CompiledBank): string {
  const header = [
    'area / topic',
    'total',
    ...questionTypes.map((t) => sourceFor(t).countLabel),
    ...difficulties.map((d) => `d${d}`),
  ];
  const rows: string[][] = [header];
  for (const area of bank.areas) {
    const inArea = bank.questions.filter((q) => q.area === area.id);
    rows.push(countRow(area.id, inArea));
    for (const topic of area.topics) {
      rows.push(
        countRow(
          `  ${area.id}/${topic.id}`,
          inArea.filter((q) => q.topic === topic.id),
        ),
      );
    }
  }
  rows.push(countRow('total', bank.questions));
  const widths = header.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const format = (row: string[]) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = '-'.repeat(format(header).length);
  const body = rows.slice(1, -1).map(format);
  return [format(header), rule, ...body, rule, format(rows.at(-1) ?? [])].join('\n');
}
