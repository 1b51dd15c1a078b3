import { AreaBars } from '../components/charts';
import { formatDateTime, formatShare } from '../components/format';

export interface ReviewItem {
  position: number;
  promptHtml: string;
  yourAnswerHtml: string;
  correctAnswerHtml: string;
  explanationHtml: string;
  credit: number;
  ref: string | null;
}

export interface ResultView {
  title: string;
  orgName: string;
  showAfter: 'thanks' | 'score' | 'review';
  state: 'submitted' | 'expired';
  submittedAt: number;
  result: { percent: number; passed: boolean | null; byArea: Record<string, { percent: number }> } | null;
  passMark: number | null;
  areaTitles: Record<string, string>;
  review: ReviewItem[];
}

export function ResultPage({ view }: { view: ResultView }) {
  const r = view.result;
  return (
    <>
      <section class="panel narrow">
        <h1>Thank you, your answers are in</h1>
        <p>
          {view.title} · {view.orgName}
        </p>
        <p class="muted">
          {view.state === 'expired'
            ? 'Time ran out; the answers saved before the deadline were submitted'
            : 'Submitted'}{' '}
          at {formatDateTime(view.submittedAt)}.
        </p>
        {view.showAfter === 'thanks' || !r ? (
          <p>The organization that invited you will review your results and be in touch.</p>
        ) : (
          <>
            <p class="score-big">{r.percent}%</p>
            {r.passed === null ? null : (
              <p>
                <span class={r.passed ? 'badge ok' : 'badge bad'}>{r.passed ? 'Passed' : 'Below the pass mark'}</span>{' '}
                <span class="muted">pass mark {view.passMark}%</span>
              </p>
            )}
            <h2>By area</h2>
            <AreaBars id="area-bars" byArea={r.byArea} titles={view.areaTitles} passMark={view.passMark} />
          </>
        )}
      </section>
      {view.showAfter === 'review' && view.review.length > 0 ? <Review items={view.review} /> : null}
    </>
  );
}

export function Review({ items }: { items: ReviewItem[] }) {
  return (
    <section class="panel" aria-labelledby="review-title">
      <h2 id="review-title">Review</h2>
      {items.map((item) => (
        <article class="review-item">
          <h3>
            Question {item.position + 1}{' '}
            <span class={item.credit >= 1 ? 'badge ok' : item.credit > 0 ? 'badge warn' : 'badge bad'}>
              {item.credit >= 1
                ? 'Correct'
                : item.credit > 0
                  ? `Partly correct (${formatShare(item.credit)})`
                  : 'Not correct'}
            </span>
          </h3>
          <div dangerouslySetInnerHTML={{ __html: item.promptHtml }} />
          <p>
            <strong>Your answer:</strong> <span dangerouslySetInnerHTML={{ __html: item.yourAnswerHtml }} />
          </p>
          <p>
            <strong>Correct answer:</strong> <span dangerouslySetInnerHTML={{ __html: item.correctAnswerHtml }} />
          </p>
          <details>
            <summary>Explanation</summary>
            <div dangerouslySetInnerHTML={{ __html: item.explanationHtml }} />
            {item.ref ? (
              <p>
                <a href={item.ref} rel="noopener noreferrer">
                  Documentation
                </a>
              </p>
            ) : null}
          </details>
        </article>
      ))}
    </section>
  );
}
