/**
 * What takers chose on a choice question: one bar per option (the share choosing it) with the
 * option's discrimination beside it, the key in green and a wrong option that draws stronger
 * takers in red; and the same as a table where the whole option text fits.
 */
import type { ItemAnalysis } from '../../../src/engine/item-analysis';
import { htmlToText } from '../../../src/manage/answer-text';
import { type ItemMeta, optionLabel } from '../../../src/manage/item-statistics';
import { type HBar, HBarChart } from '../../components/charts';
import { TableWrap } from '../../components/table-wrap';
import { correlationText, percentText } from './format';

const shortText = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function optionText(meta: ItemMeta, optionId: string): string {
  const html = meta.options.find((o) => o.id === optionId)?.html;
  return html === undefined ? '' : htmlToText(html);
}

const drawsStrong = (item: ItemAnalysis, optionId: string) =>
  item.flags.some((f) => f.kind === 'distractor-draws-strong' && f.optionId === optionId);

export function OptionBars(props: { id: string; item: ItemAnalysis; meta: ItemMeta; title: string }) {
  const { item, meta } = props;
  if (!item.options) return null;
  const bars: HBar[] = item.options.map((o) => {
    const label = optionLabel(meta, o.id);
    const text = optionText(meta, o.id);
    const strong = drawsStrong(item, o.id);
    return {
      label: text && text !== label ? `${label}. ${shortText(text)}` : label,
      value: o.share * 100,
      display: `${percentText(o.share)} · r ${correlationText(o.discrimination)}`,
      tone: o.keyed ? 'pass' : strong ? 'fail' : null,
      note: o.keyed ? 'the key' : strong ? 'a wrong option chosen more by stronger candidates' : 'a wrong option',
    };
  });
  if ((item.unansweredShare ?? 0) > 0) {
    bars.push({
      label: 'No answer',
      value: (item.unansweredShare ?? 0) * 100,
      display: percentText(item.unansweredShare),
    });
  }
  return (
    <HBarChart
      id={props.id}
      summary={`${props.title}: share of ${item.drawn} attempts choosing each option, with each option's discrimination (r). The key is green; a red bar is a wrong option chosen more by stronger candidates.`}
      bars={bars}
      max={100}
    />
  );
}

/** Every option in full, with the key marked: for the question's own page. */
export function OptionTable(props: { item: ItemAnalysis; meta: ItemMeta; caption: string }) {
  const { item, meta } = props;
  if (!item.options) return null;
  return (
    <TableWrap label={props.caption}>
      <table>
        <caption class="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Option</th>
            <th scope="col">Right?</th>
            <th scope="col" class="num">
              Chosen
            </th>
            <th scope="col" class="num">
              Discrimination
            </th>
          </tr>
        </thead>
        <tbody>
          {item.options.map((o) => (
            <tr>
              <th scope="row">
                {optionLabel(meta, o.id)}
                {optionText(meta, o.id) && optionText(meta, o.id) !== optionLabel(meta, o.id) ? (
                  <span class="block small">{optionText(meta, o.id)}</span>
                ) : null}
              </th>
              <td>
                {o.keyed ? (
                  <span class="badge ok">key</span>
                ) : drawsStrong(item, o.id) ? (
                  <span class="badge bad">wrong · check</span>
                ) : (
                  <span class="muted">wrong</span>
                )}
              </td>
              <td class="num">
                {percentText(o.share)} <span class="muted small">({o.count})</span>
              </td>
              <td class="num">{correlationText(o.discrimination)}</td>
            </tr>
          ))}
          {(item.unansweredShare ?? 0) > 0 ? (
            <tr>
              <th scope="row">No answer</th>
              <td />
              <td class="num">{percentText(item.unansweredShare)}</td>
              <td class="num">–</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </TableWrap>
  );
}
