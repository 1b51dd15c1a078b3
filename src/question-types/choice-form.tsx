import { AnswerLegend } from './answer-legend';
import type { AnswerControlProps } from './forms';

/** The options of a single or multiple choice question: radio buttons `choice`, or checkboxes `choices`. */
export function ChoiceList({ q, number, multiple }: AnswerControlProps & { multiple: boolean }) {
  return (
    <fieldset class="answer">
      <AnswerLegend number={number} />
      {multiple ? <p class="hint">Choose every option that applies.</p> : null}
      <ul class="options">
        {q.options.map((o) => (
          <li>
            <label>
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name={multiple ? 'choices' : 'choice'}
                value={String(o.index)}
                checked={q.checked.has(String(o.index))}
              />
              <span dangerouslySetInnerHTML={{ __html: o.html }} />
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
