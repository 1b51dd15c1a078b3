import type { NavItem } from './test-page';
import { Timer } from './test-page';

export function FinishPage({
  attemptId,
  title,
  navigator,
  remainingSeconds,
  closesInSeconds,
}: {
  attemptId: string;
  title: string;
  navigator: NavItem[];
  remainingSeconds: number;
  closesInSeconds: number;
}) {
  const unanswered = navigator.filter((n) => !n.answered);
  const flagged = navigator.filter((n) => n.flagged);
  const link = (n: NavItem) => (
    <li>
      <a href={`/attempts/${attemptId}?q=${n.position}`}>Question {n.position + 1}</a>
    </li>
  );
  return (
    <>
      <div class="test-bar">
        <strong>{title}</strong>
        <Timer remainingSeconds={remainingSeconds} closesInSeconds={closesInSeconds} />
      </div>
      <section class="panel narrow" id="finish" data-attempt={attemptId}>
        <h1>Ready to finish?</h1>
        <div id="save-status" class="save-status" role="status" aria-live="polite" />
        {unanswered.length > 0 ? (
          <div class="alert alert-warn">
            <p>
              <strong>{unanswered.length} not answered.</strong> Unanswered questions score nothing.
            </p>
            <ul>{unanswered.map(link)}</ul>
          </div>
        ) : (
          <p class="alert alert-ok">You answered every question.</p>
        )}
        {flagged.length > 0 ? (
          <div>
            <p>
              <strong>{flagged.length} flagged for review:</strong>
            </p>
            <ul>{flagged.map(link)}</ul>
          </div>
        ) : null}
        <p>Once you finish you cannot change your answers.</p>
        <form method="post" action={`/attempts/${attemptId}/finish`} id="finish-form" class="actions">
          <button type="submit">Finish the test</button>
          <a class="button secondary" href={`/attempts/${attemptId}`}>
            Back to the questions
          </a>
        </form>
      </section>
    </>
  );
}
