/**
 * Duplicate and archive / unarchive, as POST forms, for the assessment's own page (admins only):
 * `<AssessmentAdminActions id={a.id} status={a.status} />`.
 */
export function AssessmentAdminActions({ id, status }: { id: string; status: 'active' | 'archived' }) {
  return (
    <div class="actions admin-actions">
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
      ) : (
        <form method="post" action={`/app/assessments/${id}/unarchive`}>
          <button type="submit" class="secondary small">
            Unarchive
          </button>
        </form>
      )}
    </div>
  );
}
