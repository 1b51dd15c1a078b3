/** The candidate table: a part of the page, and the htmx fragment that sorting and filtering swap in. */
import type { CandidateRow } from '../../../src/manage/candidates';
import {
  defaultDir,
  isFiltered,
  type PipelineQuery,
  queryParams,
  type SortColumn,
} from '../../../src/manage/pipeline-query';
import { standardErrorNote } from '../../../src/manage/stats';
import { formatDateTime, plural } from '../../components/format';
import { TableWrap } from '../../components/table-wrap';
import { Time } from '../../components/time';
import {
  areaPercent,
  DecisionText,
  IntegrityText,
  percentileText,
  ResultBadge,
  ScoreText,
  StatusBadge,
  TimeText,
} from './cells';

export interface TableView {
  assessmentId: string;
  rows: CandidateRow[];
  total: number;
  query: PipelineQuery;
  areas: { id: string; title: string }[];
}

/** Where sort links and the filter form put their answer: the table, replaced whole, its URL in history. */
export const tableTarget = {
  'hx-target': '#candidate-table',
  'hx-swap': 'outerHTML',
  'hx-push-url': 'true',
};

function SortHeader(p: { view: TableView; column: SortColumn; label: string; num?: boolean }) {
  const { query } = p.view;
  const active = query.sort === p.column;
  const dir = active ? (query.dir === 'asc' ? 'desc' : 'asc') : defaultDir(p.column);
  const href = `/app/assessments/${p.view.assessmentId}?${queryParams(query, { sort: p.column, dir })}`;
  return (
    <th
      scope="col"
      class={p.num ? 'num' : undefined}
      aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <a href={href} hx-get={href} {...tableTarget} class="sort-link">
        {p.label}
        <span aria-hidden="true" class="sort-mark">
          {active ? (query.dir === 'asc' ? ' ▲' : ' ▼') : ''}
        </span>
        <span class="sr-only">
          {active ? `, sorted ${query.dir === 'asc' ? 'ascending' : 'descending'}` : ', sort'}
        </span>
      </a>
    </th>
  );
}

function CandidateRowCells({ row, areas }: { row: CandidateRow; areas: TableView['areas'] }) {
  return (
    <tr data-invitation={row.invitationId}>
      <td>
        {row.attemptId ? (
          <input
            type="checkbox"
            name="ids"
            value={row.attemptId}
            aria-label={`Select ${row.candidateName} to compare`}
          />
        ) : null}
      </td>
      <th scope="row" class="candidate">
        {row.attemptId ? (
          <a href={`/app/attempts/${row.attemptId}`}>{row.candidateName}</a>
        ) : (
          <span>{row.candidateName}</span>
        )}
        <span class="muted small block">{row.candidateEmail}</span>
        {row.groupLabel ? (
          <span class="small block">
            <span class="sr-only">Group label: </span>
            <span class="badge muted-badge">{row.groupLabel}</span>
          </span>
        ) : null}
      </th>
      <td>
        <StatusBadge row={row} />
      </td>
      <td class="num">
        <ScoreText row={row} />
      </td>
      <td>
        <ResultBadge row={row} />
      </td>
      <td class="num">{percentileText(row.percentile)}</td>
      <td class="integrity-cell">
        <IntegrityText row={row} />
      </td>
      <td>
        {row.completedAt === null ? (
          <span class="muted">–</span>
        ) : (
          <Time at={row.completedAt} format="date" title={formatDateTime(row.completedAt)} />
        )}
      </td>
      <td>
        <DecisionText row={row} />
      </td>
      <td class="num">
        <TimeText row={row} />
      </td>
      {areas.map((a) => (
        <td class="num">{areaPercent(row, a.id)}</td>
      ))}
    </tr>
  );
}

/**
 * The table with its own controls. It is the htmx swap target: sort links and the filter form
 * replace it whole. The sort inputs live here but belong to the filter form (form="..."), so a
 * filter change keeps the sort the table currently shows.
 */
export function CandidateTable({ view }: { view: TableView }) {
  const { rows, query } = view;
  const base = `/app/assessments/${view.assessmentId}`;
  const params = queryParams(query).toString();
  return (
    <div id="candidate-table" class="candidate-table">
      <input type="hidden" name="sort" value={query.sort} form="pipeline-filters" />
      <input type="hidden" name="dir" value={query.dir} form="pipeline-filters" />
      <div class="table-head">
        <p class="muted" role="status">
          {isFiltered(query)
            ? `${plural(rows.length, 'candidate')} of ${view.total} match`
            : plural(view.total, 'candidate')}
        </p>
        <p class="actions small">
          <a href={`${base}/export/candidates.csv${params ? `?${params}` : ''}`} download>
            Download {isFiltered(query) ? 'these rows' : 'table'} (CSV)
          </a>
          <a href={`${base}/export/answers.csv`} download>
            All answers (CSV)
          </a>
        </p>
      </div>
      {view.total === 0 ? (
        <div class="empty">
          <p>Nobody is invited yet.</p>
        </div>
      ) : rows.length === 0 ? (
        <div class="empty">
          <p>No candidate matches these filters.</p>
          <p>
            <a href={base}>Show everyone</a>
          </p>
        </div>
      ) : (
        <form method="get" action="/app/compare" class="compare-form">
          {/* What decides who is next comes first; time and per-area scores follow. */}
          <TableWrap label="Candidates table">
            <table class="pipeline">
              <caption class="sr-only">
                Candidates, sorted by {query.sort.replace('area:', '')}{' '}
                {query.dir === 'asc' ? 'ascending' : 'descending'}
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span class="sr-only">Select to compare</span>
                  </th>
                  <SortHeader view={view} column="name" label="Candidate" />
                  <SortHeader view={view} column="status" label="Status" />
                  <SortHeader view={view} column="score" label="Score" num />
                  <th scope="col">Result</th>
                  <SortHeader view={view} column="percentile" label="Percentile" num />
                  <SortHeader view={view} column="flags" label="Integrity signals" />
                  <SortHeader view={view} column="completed" label="Completed" />
                  <SortHeader view={view} column="decision" label="Decision" />
                  <SortHeader view={view} column="time" label="Time used" num />
                  {view.areas.map((a) => (
                    <SortHeader view={view} column={`area:${a.id}`} label={a.title} num />
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <CandidateRowCells row={row} areas={view.areas} />
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p class="actions">
            <button type="submit" class="secondary">
              Compare selected
            </button>
            <span class="muted small">Tick 2 to 4 candidates.</span>
          </p>
        </form>
      )}
      <p class="muted small footnote">
        {standardErrorNote} Percentile: the share of the other finished candidates of this assessment who scored lower
        (ties count half). Integrity signals are evidence for a person to weigh, never a verdict.
      </p>
    </div>
  );
}
