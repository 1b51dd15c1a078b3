import type { AnswerControlProps } from '../forms';
import { maxTextAnswerLength } from './rules';

/** One text field named `text`. */
export function TextForm({ q }: AnswerControlProps) {
  return (
    <div class="answer">
      <label for="answer-text">Your answer</label>
      <input
        id="answer-text"
        type="text"
        name="text"
        value={q.text}
        maxlength={maxTextAnswerLength}
        autocomplete="off"
        spellcheck={false}
      />
    </div>
  );
}
