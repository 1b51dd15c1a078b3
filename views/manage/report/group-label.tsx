/** The team's own group label for this candidate (source, location...), read by the pass-rates-by-group view. */
import type { ReportView } from './types';

export function GroupLabel({ view }: { view: ReportView }) {
  const label = view.groupLabel;
  if (!label || (!label.canEdit && label.value === null)) return null;
  const fairness = `/app/assessments/${view.assessment.id}/fairness`;
  return (
    <section class="panel no-print" aria-labelledby="group-label-title">
      <h2 id="group-label-title">Group label</h2>
      {label.canEdit ? (
        <form method="post" action={`/app/invitations/${label.invitationId}/group-label`} class="stack">
          <div>
            <label for="f-group-label">Your team's label for this candidate (optional)</label>
            <span class="hint" id="f-group-label-hint">
              For example the source or location. Only your team sees it; it feeds the pass rates by group. Leave empty
              to remove it.
            </span>
            <input
              id="f-group-label"
              name="label"
              type="text"
              maxlength={60}
              value={label.value ?? ''}
              aria-describedby="f-group-label-hint"
            />
          </div>
          <p>
            <button type="submit" class="secondary small">
              Save the label
            </button>{' '}
            <a href={fairness}>Pass rates by group</a>
          </p>
        </form>
      ) : (
        <p>
          {label.value} · <a href={fairness}>Pass rates by group</a>
        </p>
      )}
    </section>
  );
}
