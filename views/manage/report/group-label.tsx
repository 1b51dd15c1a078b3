/**
 * The team's own group label for this candidate (source, location...), read by the pass-rates-by-group
 * view. The form posts without JavaScript (a refusal comes back as the whole report with the form
 * kept); with htmx it swaps this section only, refused or saved.
 */
import { maxGroupLabel } from '../../../src/engine/group-label';
import { describedBy } from '../../components/form';
import type { GroupLabelView } from './types';

export function GroupLabel({ label, assessmentId }: { label?: GroupLabelView; assessmentId: string }) {
  if (!label || (!label.canEdit && label.value === null)) return null;
  const fairness = `/app/assessments/${assessmentId}/fairness`;
  const action = `/app/invitations/${label.invitationId}/group-label`;
  return (
    <section class="panel no-print" id="group-label" aria-labelledby="group-label-title">
      <h2 id="group-label-title">Group label</h2>
      {label.canEdit ? (
        <form method="post" action={action} hx-post={action} hx-target="#group-label" hx-swap="outerHTML" class="stack">
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
              maxlength={maxGroupLabel}
              value={label.draft ?? label.value ?? ''}
              list={label.suggestions.length > 0 ? 'group-label-suggestions' : undefined}
              autocomplete="off"
              aria-invalid={label.error ? 'true' : undefined}
              aria-describedby={describedBy('f-group-label-hint', label.error ? 'f-group-label-error' : false)}
            />
            {label.suggestions.length > 0 ? (
              <datalist id="group-label-suggestions">
                {label.suggestions.map((s) => (
                  <option value={s} />
                ))}
              </datalist>
            ) : null}
            {label.error ? (
              <p class="alert alert-error" id="f-group-label-error" role="alert">
                {label.error}
              </p>
            ) : null}
          </div>
          <p>
            <button type="submit" class="secondary small">
              Save the label
            </button>{' '}
            <a href={fairness}>Pass rates by group</a>
          </p>
          {label.saved ? (
            <p class="small" role="status">
              {label.value === null ? 'Group label removed.' : 'Group label saved.'}
            </p>
          ) : null}
        </form>
      ) : (
        <p>
          {label.value} · <a href={fairness}>Pass rates by group</a>
        </p>
      )}
    </section>
  );
}
