import { Notice } from '../components/form';
import { formatDate, plural } from '../components/format';
import { TableWrap } from '../components/table-wrap';
import { HistoryChart } from './charts';
import { ScaleNote } from './scale-note';

export interface HistoryResult {
  attemptId: string;
  at: number;
  score: number;
  uncertainty: number;
  band: string;
  endedByClock: boolean;
  items: number;
}

export interface HistoryAreaView {
  areaId: string;
  areaTitle: string;
  results: HistoryResult[];
}

export interface HistoryView {
  /** Signed in: the account's history. Null: the results this browser took without an account. */
  user: { name: string; email: string } | null;
  areas: HistoryAreaView[];
  /** Signed in: results this browser took before signing in that are in no account yet. */
  unclaimedHere: number;
  notice?: string;
}

/** /me: scores over time per area, each with its margin, and a link to every result. */
export function HistoryPage({ view }: { view: HistoryView }) {
  return (
    <>
      <section class="panel history-head">
        <h1>Your practice results</h1>
        <Notice text={view.notice} />
        {view.user ? (
          <form method="post" action="/logout" class="muted signed-in-as">
            Signed in as {view.user.name} ({view.user.email}). <a href="/account/password">Change your password</a> ·{' '}
            <button type="submit" class="link-button">
              Sign out
            </button>
          </form>
        ) : (
          <>
            <p>
              These are the results taken in this browser. They are kept only here: clear your cookies and they are gone
              from this list.
            </p>
            <p class="actions">
              <a class="button" href="/signup?next=/me">
                Create an account to keep them
              </a>
              <a class="button secondary" href="/login?next=/me">
                Sign in
              </a>
            </p>
          </>
        )}
        {view.user && view.unclaimedHere > 0 ? (
          <form method="post" action="/me/claim-browser" class="alert alert-warn">
            <p>
              {plural(view.unclaimedHere, 'result')} taken in this browser before you signed in{' '}
              {view.unclaimedHere === 1 ? 'is' : 'are'} not in your history yet.
            </p>
            <button type="submit">Add {view.unclaimedHere === 1 ? 'it' : 'them'} to my history</button>
          </form>
        ) : null}
      </section>
      {view.areas.length === 0 ? (
        <section class="panel empty">
          <p>No results yet.</p>
          <p>
            <a class="button" href="/#practice">
              Choose an area to practise
            </a>
          </p>
        </section>
      ) : (
        view.areas.map((area, index) => <AreaHistory area={area} index={index} />)
      )}
      {view.areas.length > 0 ? <ScaleNote /> : null}
    </>
  );
}

function AreaHistory({ area, index }: { area: HistoryAreaView; index: number }) {
  const latest = area.results[area.results.length - 1];
  const titleId = `history-${index}`;
  return (
    <section class="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{area.areaTitle}</h2>
      {latest ? (
        <p>
          Latest: <strong>{latest.score}</strong> ± {latest.uncertainty} ({latest.band}) on{' '}
          <span class="history-when">{formatDate(latest.at)}</span> · {plural(area.results.length, 'result')} ·{' '}
          <a href={`/practice/${area.areaId}`}>Practise again</a>
        </p>
      ) : null}
      <HistoryChart
        id={`${titleId}-chart`}
        label={`${area.areaTitle} scores over time`}
        points={area.results.map((r) => ({ at: r.at, score: r.score, uncertainty: r.uncertainty }))}
      />
      <TableWrap label={`${area.areaTitle}: every result`}>
        <table class="history-table">
          <caption class="sr-only">{area.areaTitle}: every result</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col" class="num">
                Score
              </th>
              <th scope="col">Level</th>
              <th scope="col" class="num questions">
                Questions
              </th>
            </tr>
          </thead>
          <tbody>
            {[...area.results].reverse().map((r) => (
              <tr>
                <td>
                  <a href={`/attempts/${r.attemptId}/result`}>
                    <span class="sr-only">Result of </span>
                    {formatDate(r.at)}
                  </a>
                </td>
                <td class="num">
                  {r.score} ± {r.uncertainty}
                </td>
                <td>
                  {r.band}
                  {r.endedByClock ? <span class="muted small"> (time ran out)</span> : null}
                </td>
                <td class="num questions">{r.items}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
