/**
 * The item statistics of an assessment as CSV: one record per question version, its options in
 * numbered column groups (option_1_... in the author's order), flags in the page's words. Text
 * cells go through csvCell, so an option starting with "=" stays text in a spreadsheet.
 */
import type { ItemAnalysis } from '../engine/item-analysis';
import { htmlToText } from './answer-text';
import { type CsvCell, toCsv } from './csv';
import { type ItemMeta, optionLabel } from './item-statistics';
import { flagWords } from './statistics-words';

const round = (n: number | null, places = 3) => (n === null ? null : Math.round(n * 10 ** places) / 10 ** places);

export function itemStatisticsCsv(
  items: readonly ItemAnalysis[],
  meta: ReadonlyMap<string, ItemMeta>,
  areaTitles: Readonly<Record<string, string>>,
): string {
  const optionSlots = Math.max(0, ...items.map((i) => i.options?.length ?? 0));
  const header = [
    'question_id',
    'question_version',
    'area',
    'type',
    'attempts_drawn',
    'responses',
    'facility',
    'discrimination',
    'unanswered_share',
    'mean_time_seconds',
    'flags',
    ...Array.from({ length: optionSlots }, (_, n) =>
      ['label', 'text', 'keyed', 'share', 'discrimination'].map((field) => `option_${n + 1}_${field}`),
    ).flat(),
  ];
  const rows = items.map((item): CsvCell[] => {
    const m = meta.get(item.itemId);
    const label = (id: string) => (m ? optionLabel(m, id) : id);
    const options = (item.options ?? []).flatMap((o): CsvCell[] => {
      const html = m?.options.find((x) => x.id === o.id)?.html;
      return [
        label(o.id),
        html === undefined ? label(o.id) : htmlToText(html),
        o.keyed,
        round(o.share),
        round(o.discrimination),
      ];
    });
    return [
      m?.questionId ?? item.itemId,
      m?.version ?? null,
      m ? (areaTitles[m.area] ?? m.area) : null,
      m?.type ?? null,
      item.drawn,
      item.answered,
      round(item.facility),
      round(item.discrimination),
      round(item.unansweredShare),
      item.meanTimeMs === null ? null : Math.round(item.meanTimeMs / 100) / 10,
      item.flags.map((f) => flagWords(f, label)).join(' '),
      ...options,
      ...Array.from({ length: (optionSlots - (item.options?.length ?? 0)) * 5 }, () => null),
    ];
  });
  return toCsv(header, rows);
}
