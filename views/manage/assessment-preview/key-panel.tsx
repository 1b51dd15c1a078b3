/**
 * What a manager adds to the candidate's view in a preview: a switch for the answer key, a link to
 * the whole pool, and the key itself when switched on. Rendered around the candidate's page, never
 * inside it, so the candidate's markup stays exactly what candidates get.
 */

export interface PreviewKeyView {
  /** Whether the key is shown now. */
  shown: boolean;
  /** This question with the key switched the other way. */
  toggleHref: string;
  poolHref: string;
  /** The correct answer and the explanation, sanitized HTML; only when shown. */
  key?: { correctHtml: string; explanationHtml: string };
}

export function PreviewTools({ view }: { view: PreviewKeyView }) {
  return (
    <nav class="preview-tools actions" aria-label="Preview tools">
      <a class="button secondary small" href={view.toggleHref}>
        {view.shown ? 'Hide the answer key' : 'Show the answer key'}
      </a>
      <a class="button secondary small" href={view.poolHref}>
        Every question a draw can take
      </a>
    </nav>
  );
}

export function PreviewKey({ view }: { view: PreviewKeyView }) {
  if (!view.key) return null;
  return (
    <section class="panel preview-key" aria-labelledby="preview-key-title">
      <h2 id="preview-key-title">Answer key (shown to you only)</h2>
      <dl class="answer-pair">
        <dt>Correct answer</dt>
        <dd dangerouslySetInnerHTML={{ __html: view.key.correctHtml }} />
      </dl>
      <div class="explanation">
        <p class="small muted">Explanation</p>
        <div dangerouslySetInnerHTML={{ __html: view.key.explanationHtml }} />
      </div>
    </section>
  );
}
