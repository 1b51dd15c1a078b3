import { AnswerLegend } from '../answer-legend';
import type { AnswerControlProps } from '../forms';

/** One select per item, named `pos_<display position>`, choosing the item's place from 1. */
export function OrderingForm({ q, number }: AnswerControlProps) {
  return (
    <fieldset class="answer">
      <AnswerLegend number={number} />
      <p class="hint">Give each item its position, 1 being first.</p>
      <ol class="order-list">
        {q.options.map((o, i) => (
          <li>
            <select name={`pos_${o.index}`} aria-label={`Position of item ${i + 1}`}>
              <option value="">–</option>
              {q.options.map((_, p) => (
                <option value={String(p + 1)} selected={q.positions[i] === String(p + 1)}>
                  {p + 1}
                </option>
              ))}
            </select>
            <span dangerouslySetInnerHTML={{ __html: o.html }} />
          </li>
        ))}
      </ol>
    </fieldset>
  );
}
