import { raw } from 'hono/html';
import { maxReportBody, type ReportReason, reportReasonLabels, reportReasons } from '../../src/engine/question-report';
import { filledTemplates } from '../components/filled-template';
import { FormError } from '../components/form';

/** What the report panel under a question shows: the form, what was sent, and a refusal to act on. */
export interface ReportPanelView {
  attemptId: string;
  position: number;
  /** The report this attempt already sent about the question, if any. */
  sent?: { reason: ReportReason; body: string } | null;
  /** The form as posted, kept after a refusal. */
  draft?: { reason?: string; body?: string };
  error?: string;
}

/**
 * "Report a problem with this question", under the question: a disclosure with a small form that
 * posts without leaving the page (htmx swaps this panel) or, without JavaScript, as a plain form
 * that comes back to the same question. Answers are saved by their own form, so nothing typed
 * there is touched. One panel per question; attempt.js swaps it with the question.
 */
export function ReportPanel({ view }: { view: ReportPanelView }) {
  // The panel before anything was sent or typed is the same for every question but for the
  // attempt and the position: rendered once, filled in per page.
  if (!view.sent && !view.draft && view.error === undefined) {
    const values = { attemptId: view.attemptId, position: String(view.position) };
    return raw(
      blankPanels.fill('blank', values, (hole) =>
        // The panel writes the position only as text, so the marker can stand in for the number.
        String(<ReportSection view={{ attemptId: hole.attemptId, position: hole.position as unknown as number }} />),
      ),
    );
  }
  return <ReportSection view={view} />;
}

const blankPanels = filledTemplates(['attemptId', 'position'] as const);

function ReportSection({ view }: { view: ReportPanelView }) {
  return (
    <section class="question-report panel" aria-labelledby={`report-title-${view.position}`}>
      <ReportPanelContent view={view} />
    </section>
  );
}

/** The inside of the panel: what htmx swaps, so the panel itself stays (attempt.js keeps a copy per question). */
export function ReportPanelContent({ view }: { view: ReportPanelView }) {
  const id = (part: string) => `report-${part}-${view.position}`;
  const chosen = view.draft?.reason ?? view.sent?.reason ?? '';
  const body = view.draft?.body ?? view.sent?.body ?? '';
  return (
    <>
      {view.sent && !view.error ? (
        <div role="status">
          <p class="alert alert-ok" id={id('title')}>
            <strong>Report received.</strong> Thank you: the authors of the question will read it. Keep answering as you
            think best.
          </p>
          <p class="small">
            You reported: {reportReasonLabels[view.sent.reason]}
            {view.sent.body ? (
              <>
                {' '}
                · <q class="report-text">{view.sent.body}</q>
              </>
            ) : null}
          </p>
        </div>
      ) : null}
      <details open={view.error !== undefined}>
        <summary id={view.sent && !view.error ? undefined : id('title')}>
          {view.sent ? 'Change your report' : 'Report a problem with this question'}
        </summary>
        <form
          method="post"
          action={`/attempts/${view.attemptId}/reports`}
          hx-post={`/attempts/${view.attemptId}/reports`}
          hx-target="closest .question-report"
          hx-swap="innerHTML"
          class="stack"
        >
          <input type="hidden" name="q" value={String(view.position)} />
          <FormError error={view.error} />
          <fieldset>
            <legend>What is wrong?</legend>
            {reportReasons.map((reason) => (
              <label class="choice-line">
                <input type="radio" name="reason" value={reason} checked={chosen === reason} required />{' '}
                {reportReasonLabels[reason]}
              </label>
            ))}
          </fieldset>
          <div>
            <label for={id('body')}>Details (optional, required for "Something else")</label>
            <span class="hint" id={id('hint')}>
              Up to {maxReportBody} characters. Your answer is not sent with it and stays as it is.
            </span>
            <textarea id={id('body')} name="body" rows={3} maxlength={maxReportBody} aria-describedby={id('hint')}>
              {body}
            </textarea>
          </div>
          <p>
            <button type="submit" class="secondary small">
              {view.sent ? 'Update the report' : 'Send the report'}
            </button>
          </p>
        </form>
      </details>
    </>
  );
}
