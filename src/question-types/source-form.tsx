import type { AnswerControlProps } from './forms';

/**
 * A plain text area named `source`, usable without JavaScript: monospaced, no spell check or
 * autocorrect, Tab left to move focus (keyboard users are not trapped in the field). The test
 * page enhances it into a code editor (src/browser/code-editor.ts) for `language`.
 */
export function SourceForm({
  q,
  label,
  hint,
  language,
}: AnswerControlProps & { label: string; hint: string; language: 'javascript' | 'sql' }) {
  return (
    <div class="answer answer-source">
      <label for="answer-source">
        {label} <span class="hint">{hint}</span>
      </label>
      <textarea
        id="answer-source"
        name="source"
        rows={16}
        spellcheck={false}
        autocomplete="off"
        autocapitalize="off"
        autocorrect="off"
        data-code-editor={language}
        class="code-editor"
      >
        {q.text}
      </textarea>
      {q.runnable ? (
        // Shown by public/static/attempt/run-tests.js: without JavaScript nothing can run here.
        <div class="run-tests" data-runnable={q.runnable} hidden>
          <button type="button" class="secondary small" data-run-tests="">
            Run visible tests
          </button>
          <div class="run-output" data-run-output="" role="status" aria-live="polite" />
        </div>
      ) : null}
    </div>
  );
}
