/**
 * Why candidates cannot start an assessment right now (src/manage/draw-problems.ts), shown above
 * its set-up and its question pool so the manager can fix it before a candidate is refused.
 */
export function DrawProblems({ problems, editHref }: { problems: readonly string[]; editHref?: string }) {
  if (problems.length === 0) return null;
  return (
    <section class="alert alert-error" role="alert" aria-labelledby="draw-problems-title">
      <h2 id="draw-problems-title">Candidates cannot start this assessment now</h2>
      <ul>
        {problems.map((p) => (
          <li>{p}</li>
        ))}
      </ul>
      {editHref ? (
        <p>
          <a href={editHref}>Edit the assessment</a>
        </p>
      ) : null}
    </section>
  );
}
