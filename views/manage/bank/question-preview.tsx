import { AnswerFields, type QuestionView } from '../../candidate/question';

/** A question as candidates see it, and under it what only its authors and managers see. */
export interface QuestionPreviewView {
  /** From questionViewOf: the candidate's own rendering, options in a display order. */
  question: QuestionView;
  /** The key as a review shows it, and the explanation: sanitized HTML. */
  keyHtml: string;
  explanationHtml: string;
}

/**
 * The prompt and answer control exactly as on the test page (the same components), outside any
 * form so nothing in them is ever posted, then the key. `idPrefix` keeps ids unique on a page.
 */
export function QuestionPreview({ view, label }: { view: QuestionPreviewView; label: string }) {
  return (
    <div class="bank-preview">
      <section class="panel candidate-view" aria-label={label}>
        <div class="prompt" dangerouslySetInnerHTML={{ __html: view.question.promptHtml }} />
        <AnswerFields q={view.question} number={1} />
      </section>
      <section class="panel preview-key" aria-label="Answer key">
        <dl class="answer-pair">
          <dt>Correct answer</dt>
          <dd dangerouslySetInnerHTML={{ __html: view.keyHtml }} />
        </dl>
        <div class="explanation">
          <p class="small muted">Explanation</p>
          <div dangerouslySetInnerHTML={{ __html: view.explanationHtml }} />
        </div>
      </section>
    </div>
  );
}
