/**
 * Duplicate and archive / unarchive, as POST forms, on the assessment's own page (for those who
 * may edit). A version replaced by a newer one is never unarchived (the route refuses it): it
 * offers Duplicate alone.
 */
export function AssessmentAdminActions({
  id,
  status,
  superseded,
}: {
  id: string;
  status: 'active' | 'archived';
  superseded: boolean;
}) {
  return (
    <div class="actions admin-actions no-print">
      <form method="post" action={`/app/assessments/${id}/duplicate`}>
        <button type="submit" class="secondary small">
          Duplicate
        </button>
      </form>
      {status === 'active' ? (
        <form method="post" action={`/app/assessments/${id}/archive`}>
          <button type="submit" class="secondary small" aria-describedby={`archive-hint-${id}`}>
            Archive
          </button>
          <span class="hint" id={`archive-hint-${id}`}>
            Hides it from the list; links not yet used stop working. Results stay.
          </span>
        </form>
      ) : superseded ? null : (
        <form method="post" action={`/app/assessments/${id}/unarchive`}>
          <button type="submit" class="secondary small">
            Unarchive
          </button>
        </form>
      )}
    </div>
  );
}
