/**
 * The items table of the statistics page: one row per question version, and under a flagged one a
 * row across the table with the flags in words.
 */
import { type ItemAnalysis, minResponsesForFlags } from '../../../src/engine/item-analysis';
import { type ItemMeta, optionLabel } from '../../../src/manage/item-statistics';
import { flagWords } from '../../../src/manage/statistics-words';
import { TableWrap } from '../../components/table-wrap';
import { typeLabels } from '../report';
import { correlationText, percentText, questionName, secondsText } from './format';

export interface ItemRow {
  n: number;
  item: ItemAnalysis;
  meta: ItemMeta;
  name: string;
  href: string;
}

export function FlagList({ item, meta }: { item: ItemAnalysis; meta: ItemMeta }) {
  if (item.drawn < minResponsesForFlags) {
    return <span class="block muted small">flags from {minResponsesForFlags} attempts</span>;
  }
  if (item.flags.length === 0) return null;
  return (
    <ul class="plain small">
      {item.flags.map((f) => (
        <li>
          <span class="badge warn">check</span> {flagWords(f, (id) => optionLabel(meta, id))}
        </li>
      ))}
    </ul>
  );
}

export function ItemsTable(props: { rows: ItemRow[]; areaTitles: Record<string, string> }) {
  return (
    <TableWrap label="Questions table">
      <table class="items-table">
        <caption class="sr-only">
          Every question drawn, with its facility (share of credit earned), discrimination (correlation with the rest of
          the test), exposure and time; what needs attention follows a question's row
        </caption>
        <thead>
          <tr>
            <th scope="col" class="num">
              #
            </th>
            <th scope="col">Question</th>
            <th scope="col" class="num">
              Facility
            </th>
            <th scope="col" class="num">
              Discrimination
            </th>
            <th scope="col" class="num">
              Drawn
            </th>
            <th scope="col" class="num">
              Answered
            </th>
            <th scope="col" class="num">
              Mean time
            </th>
          </tr>
        </thead>
        {props.rows.map(({ n, item, meta, name, href }) => (
          <tbody id={`item-${n}`}>
            <tr>
              <td class="num">{n}</td>
              <th scope="row">
                <a href={href}>{name}</a>
                <span class="block muted small">
                  {props.areaTitles[meta.area] ?? meta.area} · {typeLabels[meta.type] ?? meta.type}
                  {item.drawn < minResponsesForFlags ? ` · flags from ${minResponsesForFlags} attempts` : ''}
                </span>
              </th>
              <td class="num">{percentText(item.facility)}</td>
              <td class="num">{correlationText(item.discrimination)}</td>
              <td class="num">{item.drawn}</td>
              <td class="num">{item.answered}</td>
              <td class="num">{secondsText(item.meanTimeMs)}</td>
            </tr>
            {item.flags.length > 0 ? (
              // Its own row across the table: on a phone the words stay beside the name, not off-screen.
              <tr>
                <td />
                <td colspan={6}>
                  <FlagList item={item} meta={meta} />
                </td>
              </tr>
            ) : null}
          </tbody>
        ))}
      </table>
    </TableWrap>
  );
}

/** Names each item row, with the version only where a question shows up in more than one. */
export function itemRows(
  items: readonly ItemAnalysis[],
  meta: ReadonlyMap<string, ItemMeta>,
  hrefOf: (m: ItemMeta) => string,
): ItemRow[] {
  const versions = new Map<string, number>();
  for (const m of meta.values()) versions.set(m.questionId, (versions.get(m.questionId) ?? 0) + 1);
  return items.flatMap((item, i) => {
    const m = meta.get(item.itemId);
    if (!m) return [];
    return [
      {
        n: i + 1,
        item,
        meta: m,
        name: questionName(m.questionId, m.version, (versions.get(m.questionId) ?? 0) > 1),
        href: hrefOf(m),
      },
    ];
  });
}
