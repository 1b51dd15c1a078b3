/** A practice area as the catalog lists it. */
export interface AreaCard {
  id: string;
  title: string;
  summary: string;
  questionCount: number;
}

export function LandingPage({
  areas,
  noAccounts = false,
}: {
  areas: AreaCard[];
  /** This server has no accounts yet: say how the first one is made. */
  noAccounts?: boolean;
}) {
  return (
    <>
      {noAccounts ? (
        <p class="alert alert-warn">
          No account yet: <a href="/signup">create the first one</a>, it becomes the owner of your organization.
        </p>
      ) : null}
      <section class="hero">
        <h1>Skill assessments that are fair, honest and hard to game</h1>
        <p class="lead">
          Timed tests drawn from an open question bank. Every answer is saved as you go, the server keeps the only
          clock, and every score comes with its uncertainty and percentile.
        </p>
        <p class="actions">
          <a class="button" href="#practice">
            Benchmark yourself
          </a>
          <a class="button secondary" href="/signup">
            Test candidates
          </a>
        </p>
      </section>

      <section id="practice" aria-labelledby="practice-title">
        <h2 id="practice-title">Practice areas</h2>
        <p class="muted">
          Adaptive tests of 15 to 25 questions, no account needed: a score with its margin of error, your level and
          percentile, and a review of every question. <a href="/me">Your practice results</a>
        </p>
        {areas.length === 0 ? (
          <p class="muted">The question bank has not been imported yet.</p>
        ) : (
          <ul class="card-grid">
            {areas.map((area) => (
              <li class="card">
                <h3>
                  <a href={`/areas/${area.id}`}>{area.title}</a>
                </h3>
                <p>{area.summary}</p>
                <p class="muted small">{area.questionCount} questions</p>
                <a
                  class="button small"
                  href={`/practice/${area.id}`}
                  aria-label={`Start a practice test in ${area.title}`}
                >
                  Start a practice test
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="how-title" class="how">
        <h2 id="how-title">How it works</h2>
        <ol class="steps">
          <li>
            <strong>Hiring teams</strong> build an assessment from skill areas, invite candidates by link, and read a
            report they can act on in a minute.
          </li>
          <li>
            <strong>Candidates</strong> take a timed test that saves every answer the moment it changes, even on a flaky
            connection.
          </li>
          <li>
            <strong>Individuals</strong> take short adaptive practice tests and get a score with its margin of error, a
            percentile and a result link anyone can verify.
          </li>
        </ol>
      </section>
    </>
  );
}
