import type { QuestionType } from '../../src/engine/question';

export interface QuestionView {
  type: QuestionType;
  promptHtml: string;
  /** In display order; `index` is all the browser ever learns about an option. */
  options: { index: number; html: string }[];
  checked: Set<string>;
  text: string;
  positions: string[];
}

/** The answer controls of one question, usable by keyboard and screen reader, without JavaScript. */
export function AnswerFields({ q, number }: { q: QuestionView; number: number }) {
  const legend = <legend class="sr-only">Your answer to question {number}</legend>;
  switch (q.type) {
    case 'single':
    case 'multiple':
      return (
        <fieldset class="answer">
          {legend}
          {q.type === 'multiple' ? <p class="hint">Choose every option that applies.</p> : null}
          <ul class="options">
            {q.options.map((o) => (
              <li>
                <label>
                  <input
                    type={q.type === 'single' ? 'radio' : 'checkbox'}
                    name={q.type === 'single' ? 'choice' : 'choices'}
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
    case 'truefalse':
      return (
        <fieldset class="answer">
          {legend}
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
    case 'text':
      return (
        <div class="answer">
          <label for="answer-text">Your answer</label>
          <input
            id="answer-text"
            type="text"
            name="text"
            value={q.text}
            maxlength={200}
            autocomplete="off"
            spellcheck={false}
          />
        </div>
      );
    case 'numeric':
      return (
        <div class="answer">
          <label for="answer-number">
            Your answer <span class="hint">A number; use a dot for decimals.</span>
          </label>
          <input id="answer-number" type="text" name="number" value={q.text} inputmode="decimal" autocomplete="off" />
        </div>
      );
    case 'ordering':
      return (
        <fieldset class="answer">
          {legend}
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
}
