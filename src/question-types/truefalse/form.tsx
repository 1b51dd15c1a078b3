import { AnswerLegend } from '../answer-legend';
import type { AnswerControlProps } from '../forms';

/** Two radio buttons named `choice`, valued `true` and `false`. */
export function TrueFalseForm({ q, number }: AnswerControlProps) {
  return (
    <fieldset class="answer">
      <AnswerLegend number={number} />
      <ul class="options">
        {['true', 'false'].map((value) => (
          <li>
            <label>
              <input type="radio" name="choice" value={value} checked={q.checked.has(value)} />
              <span>{value === 'true' ? 'True' : 'False'}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
