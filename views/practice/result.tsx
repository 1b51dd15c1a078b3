import type { EndReason } from '../../src/practice/select';
import { Review, type ReviewItem } from '../candidate/result';
import { Notice } from '../components/form';
import { formatDateTime, formatDuration, plural } from '../components/format';
import { TableWrap } from '../components/table-wrap';
import { ScaleChart } from './charts';
import { type PercentileInfo, percentileSentence } from './percentile';
import { ScaleNote } from './scale-note';

export interface TopicLine {
  id: string;
  title: string;
  docsUrl: string | null;
  answered: number;
  percent: number;
  weak: boolean;
}

export interface PracticeResultView {
  attemptId: string;
  areaId: string;
  areaTitle: string;
  state: 'submitted' | 'expired';
  submittedAt: number;
  durationSeconds: number;
  scaleScore: number;
  uncertainty: number;
  band: string;
  endReason: EndReason;
  answered: number;
  percentile: PercentileInfo;
  topics: TopicLine[];
  review: ReviewItem[];
  /** The live share link, or null when there is none (never made, or withdrawn). */
  share: { url: string; shareId: string; createdAt: number } | null;
  /** Whose result this is, for the "keep it" offer. */
  owner: {
    claimed: boolean;
    signedIn: { name: string } | null;
    /** The private link that opens this result in any browser, while it is in no account. */
    privateUrl: string | null;
  };
  nextStartAt: number | null;
  notice?: string;
}

const endReasons: Record<EndReason, string> = {
  'se-target': 'The test stopped once your score was measured precisely enough.',
  'max-length': 'The test stopped at its maximum length.',
  'pool-exhausted': 'The test stopped because this area has no more questions to ask you.',
  time: 'Time ran out: the questions you answered were scored.',
};

export function PracticeResultPage({ view }: { view: PracticeResultView }) {
  const weak = view.topics.filter((t) => t.weak);
  return (
    <>
      <section class="panel practice-result" aria-labelledby="result-title">
        <p class="muted small">Practice test · {view.areaTitle}</p>
        <h1 id="result-title">Your result in {view.areaTitle}</h1>
        <Notice text={view.notice} />
        <p class="score-line">
          <span class="score-big">
            {view.scaleScore} <span class="score-pm">± {view.uncertainty}</span>
          </span>{' '}
          <span class="badge band-badge">{view.band}</span>
        </p>
        <ScaleChart score={view.scaleScore} uncertainty={view.uncertainty} id="scale-chart-title" />
        <p class="percentile">{percentileSentence(view.percentile, view.areaTitle)}</p>
        <p class="muted">
          {endReasons[view.endReason]} {plural(view.answered, 'question')} answered in{' '}
          {formatDuration(view.durationSeconds)}, finished {formatDateTime(view.submittedAt)}.
        </p>
        <ScaleNote />
      </section>

      <section class="panel" aria-labelledby="topics-title">
        <h2 id="topics-title">By topic</h2>
        <TableWrap labelledBy="topics-title">
          <table>
            <caption class="sr-only">Share of credit earned per topic</caption>
            <thead>
              <tr>
                <th scope="col">Topic</th>
                <th scope="col" class="num">
                  Questions
                </th>
                <th scope="col">Credit</th>
              </tr>
            </thead>
            <tbody>
              {view.topics.map((t) => (
                <tr>
                  <th scope="row">{t.title}</th>
                  <td class="num">{t.answered}</td>
                  <td>
                    {t.answered === 0 ? (
                      <span class="muted">not asked</span>
                    ) : (
                      <span class="topic-meter">
                        <meter min={0} max={100} low={50} optimum={100} value={t.percent}>
                          {t.percent}%
                        </meter>{' '}
                        {t.percent}%{t.weak ? <span class="badge bad">to work on</span> : null}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <p class="muted small">
          An adaptive test asks harder questions as you do well, so the share of credit per topic reads differently from
          a fixed test: it shows where your answers fell short, and the score above accounts for how hard each question
          was.
        </p>
        {weak.length > 0 ? (
          <div class="weak-topics">
            <h3>Where to read up</h3>
            <ul>
              {weak.map((t) => (
                <li>
                  {t.title}:{' '}
                  {t.docsUrl ? (
                    <a href={t.docsUrl} rel="noopener noreferrer">
                      official documentation
                    </a>
                  ) : (
                    'see the explanations below'
                  )}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <ShareSection view={view} />
      <KeepSection view={view} />

      {view.review.length > 0 ? <Review items={view.review} /> : null}

      <p>
        <a href={`/practice/${view.areaId}`}>Practice {view.areaTitle} again</a>
        {view.nextStartAt ? <span class="muted small"> (possible from {formatDateTime(view.nextStartAt)})</span> : null}
        {' · '}
        <a href="/#practice">Other areas</a>
      </p>
    </>
  );
}

function ShareSection({ view }: { view: PracticeResultView }) {
  return (
    <section class="panel" aria-labelledby="share-title">
      <h2 id="share-title">Share a verified result</h2>
      {view.share ? (
        <>
          <p>
            Anyone with this link sees the area, your score and level, and the date, verified by Skillcheck. It does not
            show your name, your answers or your other results.
          </p>
          <div class="share-link">
            <label for="share-url">Your result link</label>
            <input id="share-url" type="text" readonly value={view.share.url} />
            <button type="button" class="secondary small" data-copy={view.share.url}>
              Copy
            </button>
            <a class="button secondary small" href={view.share.url}>
              Open
            </a>
          </div>
          <form method="post" action={`/attempts/${view.attemptId}/share/revoke`} class="share-revoke">
            <input type="hidden" name="share" value={view.share.shareId} />
            <button type="submit" class="danger small">
              Withdraw this link
            </button>
            <span class="muted small"> Anyone who opens it afterwards is told it was withdrawn.</span>
          </form>
        </>
      ) : (
        <form method="post" action={`/attempts/${view.attemptId}/share`}>
          <p>
            Create a link that shows this result (area, score, level and date) to anyone you give it to, such as an
            employer. You can withdraw it at any time.
          </p>
          <button type="submit">Create a result link</button>
        </form>
      )}
    </section>
  );
}

function KeepSection({ view }: { view: PracticeResultView }) {
  if (view.owner.claimed) {
    return (
      <p class="muted">
        This result is in <a href="/me">your history</a>.
      </p>
    );
  }
  const back = `/attempts/${view.attemptId}/result`;
  return (
    <section class="panel" aria-labelledby="keep-title">
      <h2 id="keep-title">Keep this result in your history</h2>
      {view.owner.signedIn ? (
        <form method="post" action={`/attempts/${view.attemptId}/claim`}>
          <p>
            You are signed in as {view.owner.signedIn.name}. Add this result to your history to follow your scores over
            time.
          </p>
          <button type="submit">Add to my history</button>
        </form>
      ) : (
        <>
          <p>
            This result is kept in this browser only. With an account (email and password, nothing else) your results
            stay in one history, with a chart of your scores over time, on any device.
          </p>
          <p class="actions">
            <a class="button" href={`/signup?next=${encodeURIComponent(back)}`}>
              Create an account
            </a>
            <a class="button secondary" href={`/login?next=${encodeURIComponent(back)}`}>
              Sign in
            </a>
          </p>
        </>
      )}
      {view.owner.privateUrl ? (
        <details class="private-link">
          <summary>No account? Keep a private link instead</summary>
          <p>
            This link opens this result, as its owner, in any browser: save it somewhere safe. Do not send it to others
            (anyone with it can withdraw your result link); share the result link above instead.
          </p>
          <div class="share-link">
            <label for="private-url">Private link to this result</label>
            <input id="private-url" type="text" readonly value={view.owner.privateUrl} />
            <button type="button" class="secondary small" data-copy={view.owner.privateUrl}>
              Copy
            </button>
          </div>
        </details>
      ) : null}
    </section>
  );
}
