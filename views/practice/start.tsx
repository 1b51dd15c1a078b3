import { FormError } from '../components/form';
import { formatDate, formatMinutes } from '../components/format';
import { Time } from '../components/time';

export interface PracticeStartView {
  area: { id: string; title: string; summary: string; topics: { id: string; title: string }[] };
  standing: 'ready' | 'running' | 'cooldown' | 'too-small';
  poolSize: number;
  minLength: number;
  maxLength: number;
  secondsPerQuestion: number;
  timeLimitSeconds: number;
  /** The ± a score has when the test stops on precision, in scale points. */
  precision: number;
  cooldownHours: number;
  /** When the next test may start (cooldown). */
  until?: number;
  last?: { attemptId: string; scaleScore: number; uncertainty: number; band: string; submittedAt: number } | null;
  signedIn: { name: string } | null;
  /** Shown above the form: why a start was refused. */
  error?: string;
}

/** The rules of a practice test, and the one button that starts (or resumes) it. */
export function PracticeStartPage({ view }: { view: PracticeStartView }) {
  const { area } = view;
  const lengthText = view.minLength === view.maxLength ? `${view.maxLength}` : `${view.minLength}–${view.maxLength}`;
  return (
    <section class="panel narrow practice-start">
      <p class="muted small">
        <a href="/#practice">Practice</a> · <a href={`/areas/${area.id}`}>About this area</a>
      </p>
      <h1>Practice test: {area.title}</h1>
      <p class="lead">{area.summary}</p>
      {view.standing === 'too-small' ? (
        <p class="alert alert-warn">
          This area has only {view.poolSize} questions so far, too few for a meaningful adaptive test. Try another area.
        </p>
      ) : (
        <>
          <dl class="kpis">
            <div>
              <dt>Questions</dt>
              <dd>{lengthText}</dd>
            </div>
            <div>
              <dt>Time per question</dt>
              <dd>{view.secondsPerQuestion} s</dd>
            </div>
            <div>
              <dt>Time limit</dt>
              <dd>{formatMinutes(view.timeLimitSeconds)}</dd>
            </div>
          </dl>
          <FormError error={view.error} />
          {view.standing === 'cooldown' && view.until ? (
            <p class="alert alert-warn" id="cooldown">
              You took this test recently. You can take {area.title} again from <Time at={view.until} />.
            </p>
          ) : null}
          <h2>How it works</h2>
          <ul class="rules">
            <li>
              <strong>The test adapts to your answers.</strong> It starts near the middle of the scale; each next
              question is the one that tells the most about your level given your answers so far (harder after right
              answers, easier after wrong ones), with the topics of the area balanced:{' '}
              {area.topics.map((t) => t.title).join(', ')}.
            </li>
            <li>
              {view.minLength === view.maxLength
                ? `This area's bank is still small, so the test asks all ${view.maxLength} of its questions, in the order that tells the most.`
                : `It ends once your score is measured to within about ± ${view.precision} points, but never before ${view.minLength} questions and always at ${view.maxLength}.`}
            </li>
            <li>
              One question at a time: answer it to see the next, there is no going back. If you are unsure, give your
              best guess.
            </li>
            <li>
              About {view.secondsPerQuestion} seconds per question: the clock covers the whole test (
              {formatMinutes(view.timeLimitSeconds)}) and keeps running if you close the page. If time runs out, the
              questions you answered are scored.
            </li>
            <li>
              You get a score on a 100–300 scale with its margin of error, a level, your percentile among everyone who
              took {area.title}, a breakdown by topic and a review of every question with explanations and links to the
              documentation.
            </li>
            <li>
              One test per area every {view.cooldownHours} hours; a retake avoids the questions you have already seen.
            </li>
          </ul>
          {view.standing === 'cooldown' ? null : (
            <form method="post" action={`/practice/${area.id}`}>
              <button type="submit">{view.standing === 'running' ? 'Continue your test' : 'Start the test'}</button>
            </form>
          )}
          {view.standing === 'running' ? (
            <p class="muted small">You have a test of this area running: continuing brings you back to it.</p>
          ) : null}
        </>
      )}
      {view.last ? (
        <p>
          Your last result in {area.title}: <strong>{view.last.scaleScore}</strong> ± {view.last.uncertainty} (
          {view.last.band}), {formatDate(view.last.submittedAt)}.{' '}
          <a href={`/attempts/${view.last.attemptId}/result`}>See the result</a>
        </p>
      ) : null}
      <p class="muted small">
        {view.signedIn ? (
          <>
            Signed in as {view.signedIn.name}: your results go into <a href="/me">your history</a>.
          </>
        ) : (
          <>
            No account needed. <a href={`/login?next=/practice/${area.id}`}>Sign in</a> or{' '}
            <a href={`/signup?next=/practice/${area.id}`}>create an account</a> to keep your results in a history.
          </>
        )}
      </p>
    </section>
  );
}
