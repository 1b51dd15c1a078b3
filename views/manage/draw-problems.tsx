/**
 * Why candidates cannot start an assessment right now (src/manage/draw-problems.ts), shown above
 * its set-up and its question pool so the manager can fix it before a candidate is refused.
 */
import type { DrawProblem } from '../../src/manage/draw-problems';

/** A pinned question as the bank lists it: the first words of its prompt, linked to its page, and its short id. */
function PinnedName({ question: q }: { question: NonNullable<DrawProblem['question']> }) {
  const words = q.excerpt ? `“${q.excerpt}”` : q.shortId;
  return (
    <>
      {q.href ? <a href={q.href}>{words}</a> : words}
      {q.excerpt ? (
        <>
          {' '}
          (<code>{q.shortId}</code>)
        </>
      ) : null}
    </>
  );
}

export function DrawProblems({ problems, editHref }: { problems: readonly DrawProblem[]; editHref?: string }) {
  if (problems.length === 0) return null;
  return (
    <section class="alert alert-error" role="alert" aria-labelledby="draw-problems-title">
      <h2 id="draw-problems-title">Candidates cannot start this assessment now</h2>
      <ul>
        {problems.map((p) =>
          p.question ? (
            <li>
              The pinned question <PinnedName question={p.question} /> {p.text}
            </li>
          ) : (
            <li>{p.text}</li>
          ),
        )}
      </ul>
      {editHref ? (
        <p>
          <a href={editHref}>Edit the assessment</a>
        </p>
      ) : null}
    </section>
  );
}
