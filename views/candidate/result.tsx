import type { AttemptResult } from '../../src/db/schema';
import { Layout } from '../layout';
import { formatDateTime } from './format';

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
  result: AttemptResult | null;
  passMark: number | null;
  areaTitles: Record<string, string>;
  review: ReviewItem[];
}

/** A horizontal bar per area: percent with the pass mark drawn across. */
export function AreaBars({
  byArea,
  titles,
  passMark,
}: {
  byArea: AttemptResult['byArea'];
  titles: Record<string, string>;
  passMark: number | null;
}) {
  const entries = Object.entries(byArea);
  const rowHeight = 34;
  const height = entries.length * rowHeight + 20;
  const x0 = 170;
  const width = 300;
  return (
    <svg class="chart" viewBox={`0 0 500 ${height}`} role="img" aria-labelledby="area-bars-title">
      <title id="area-bars-title">
        {entries.map(([area, t]) => `${titles[area] ?? area}: ${t.percent}%`).join('; ')}
      </title>
      {entries.map(([area, t], i) => (
        <g>
          <text x={x0 - 8} y={i * rowHeight + 22} text-anchor="end" class="axis-label">
            {titles[area] ?? area}
          </text>
          <rect x={x0} y={i * rowHeight + 8} width={width} height="18" rx="3" class="band" />
          <rect
            x={x0}
            y={i * rowHeight + 8}
            width={Math.round((t.percent / 100) * width)}
            height="18"
            rx="3"
            class={passMark === null ? 'bar' : t.percent >= passMark ? 'bar pass' : 'bar fail'}
          />
          <text x={x0 + width + 6} y={i * rowHeight + 22} class="bar-value">
            {t.percent}%
          </text>
        </g>
      ))}
      {passMark === null ? null : (
        <line
          x1={x0 + (passMark / 100) * width}
          x2={x0 + (passMark / 100) * width}
          y1="2"
          y2={height - 6}
          class="mark"
        />
      )}
    </svg>
  );
}

export function ResultPage({ view, nonce }: { view: ResultView; nonce?: string }) {
  const r = view.result;
  return (
    <Layout title={`Submitted · ${view.title}`} nonce={nonce} bare>
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
            <AreaBars byArea={r.byArea} titles={view.areaTitles} passMark={view.passMark} />
          </>
        )}
      </section>
      {view.showAfter === 'review' && view.review.length > 0 ? <Review items={view.review} /> : null}
    </Layout>
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
                  ? `Partly correct (${Math.round(item.credit * 100)}%)`
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
