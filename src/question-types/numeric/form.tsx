import type { AnswerControlProps } from '../forms';

/** One text field named `number`, with the decimal keypad on phones. */
export function NumericForm({ q }: AnswerControlProps) {
  return (
    <div class="answer">
      <label for="answer-number">
        Your answer <span class="hint">A number; use a dot for decimals.</span>
      </label>
      <input id="answer-number" type="text" name="number" value={q.text} inputmode="decimal" autocomplete="off" />
    </div>
  );
}
