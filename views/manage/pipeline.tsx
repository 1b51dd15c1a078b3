import type { assessments } from '../../src/db/schema';
import {
  type CandidateRow,
  type CandidateStatus,
  candidateStatuses,
  decisionLabels,
  integrityWords,
  type PipelineKpis,
  statusLabels,
} from '../../src/manage/candidates';
import {
  defaultDir,
  isFiltered,
  type PipelineQuery,
  queryParams,
  type SortColumn,
} from '../../src/manage/pipeline-query';
import { type Bin, standardErrorNote } from '../../src/manage/stats';
import type { Member } from '../../src/middleware/auth';
import { formatDateTime, formatDuration, formatMinutes, plural } from '../candidate/format';
import { AssessmentTabs } from './assessment-tabs';
import { ScoreHistogram } from './charts';
import { ManageLayout } from './shell';

type Assessment = typeof assessments.$inferSelect;

// ---------------------------------------------------------------- cells shared with the report and compare views

const statusTone: Record<CandidateStatus, string> = {
  invited: 'badge',
  opened: 'badge',
  started: 'badge warn',
  completed: 'badge ok',
  expired: 'badge muted-badge',
  revoked: 'badge muted-badge',
};

export function StatusBadge({ row }: { row: CandidateRow }) {
  return (
    <span class={statusTone[row.status]}>
      {statusLabels[row.status]}
      {row.timedOut ? ' (time ran out)' : ''}
    </span>
  );
}

export function ResultBadge({ row }: { row: CandidateRow }) {
  if (row.status !== 'completed' || row.passed === null) return <span class="muted">–</span>;
  return <span class={row.passed ? 'badge ok' : 'badge bad'}>{row.passed ? 'Pass' : 'Fail'}</span>;
}

/** "72.5% ± 9": the ± explained in the title (and in the page's footnote). */
export function ScoreText({ row }: { row: CandidateRow }) {
  if (row.status !== 'completed' || row.scorePercent === null) return <span class="muted">–</span>;
  return (
    <span class="score" title={standardErrorNote}>
      <strong>{row.scorePercent}%</strong>
      {row.standardError === null ? null : <span class="muted small"> ± {Math.round(row.standardError)}</span>}
    </span>
  );
}

export function TimeText({ row }: { row: CandidateRow }) {
  if (row.timeUsedSeconds === null) return <span class="muted">–</span>;
  return (
    <span>
      {formatDuration(row.timeUsedSeconds)}
      <span class="muted small"> / {formatDuration(row.timeAllowedSeconds)}</span>
    </span>
  );
}

export function IntegrityText({ row }: { row: CandidateRow }) {
  if (!row.attemptId) return <span class="muted">–</span>;
  const words = integrityWords(row.integrity);
  if (words.length === 0) return <span class="muted small">none</span>;
  return (
    <span class="integrity">
      <span class="badge warn">{row.integrity.total}</span> <span class="small">{words.join('; ')}</span>
    </span>
  );
}

export function DecisionText({ row }: { row: CandidateRow }) {
  if (!row.decision) return <span class="muted small">{row.status === 'completed' ? 'not yet' : '–'}</span>;
  const tone =
    row.decision.decision === 'advance' ? 'badge ok' : row.decision.decision === 'reject' ? 'badge bad' : 'badge warn';
  return (
    <span>
      <span class={tone}>{decisionLabels[row.decision.decision]}</span>
      <span class="muted small block">by {row.decision.decidedBy}</span>
    </span>
  );
}

/** 62.5 -> "63rd": English ordinals (11th-13th are the exceptions to 1st, 2nd, 3rd). */
export function percentileText(p: number | null): string {
  if (p === null) return '–';
  const n = Math.round(p);
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

// ---------------------------------------------------------------- the candidate table (page part and htmx fragment)

export interface TableView {
  assessmentId: string;
  rows: CandidateRow[];
  total: number;
  query: PipelineQuery;
  areas: { id: string; title: string }[];
}

const tableTarget = {
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
          {/* What decides who is next comes first; time and per-area scores follow. A table wider
              than the screen scrolls inside this region, which takes focus so a keyboard can scroll it. */}
          <section class="table-wrap" aria-label="Candidates table" tabindex={0}>
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
                        <time
                          datetime={new Date(row.completedAt).toISOString()}
                          title={formatDateTime(row.completedAt)}
                        >
                          {formatDateTime(row.completedAt).slice(0, 10)}
                        </time>
                      )}
                    </td>
                    <td>
                      <DecisionText row={row} />
                    </td>
                    <td class="num">
                      <TimeText row={row} />
                    </td>
                    {view.areas.map((a) => {
                      const area = row.status === 'completed' ? row.result?.byArea[a.id] : undefined;
                      return <td class="num">{area ? `${area.percent}%` : <span class="muted">–</span>}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
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

// ---------------------------------------------------------------- the whole page

export interface OverviewView {
  assessment: Assessment;
  areaTitles: Record<string, string>;
  kpis: PipelineKpis;
  bins: Bin[];
  awaiting: CandidateRow[];
  versions: { id: string; version: number; status: string }[];
  table: TableView;
}

function Filters({ view }: { view: TableView }) {
  const base = `/app/assessments/${view.assessmentId}`;
  const q = view.query;
  return (
    <form
      id="pipeline-filters"
      method="get"
      action={base}
      aria-label="Filter candidates"
      class="toolbar filters no-print"
      hx-get={base}
      hx-trigger="submit, input changed delay:400ms"
      hx-sync="this:replace"
      {...tableTarget}
    >
      <div>
        <label for="f-q">Search</label>
        <input type="search" id="f-q" name="q" value={q.q} placeholder="Name or email" maxlength={100} />
      </div>
      <div>
        <label for="f-status">Status</label>
        <select id="f-status" name="status">
          <option value="">Any</option>
          {candidateStatuses.map((s) => (
            <option value={s} selected={q.status === s}>
              {statusLabels[s]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="f-outcome">Result</label>
        <select id="f-outcome" name="outcome">
          <option value="">Any</option>
          <option value="passed" selected={q.outcome === 'passed'}>
            Passed
          </option>
          <option value="failed" selected={q.outcome === 'failed'}>
            Failed
          </option>
        </select>
      </div>
      <div>
        <label for="f-decision">Decision</label>
        <select id="f-decision" name="decision">
          <option value="">Any</option>
          <option value="none" selected={q.decision === 'none'}>
            No decision yet
          </option>
          {(['advance', 'hold', 'reject'] as const).map((d) => (
            <option value={d} selected={q.decision === d}>
              {decisionLabels[d]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">Apply</button>
      {isFiltered(q) ? <a href={base}>Clear filters</a> : null}
    </form>
  );
}

function blueprintSummary(a: Assessment, titles: Record<string, string>) {
  return a.blueprint.sections.map((s) => {
    const mix = s.mix ? ` (easy ${s.mix.easy} : medium ${s.mix.medium} : hard ${s.mix.hard})` : '';
    return `${titles[s.area] ?? s.area}: ${plural(s.count, 'question')}${mix}`;
  });
}

const showAfterLabels = {
  thanks: 'a thank-you only',
  score: 'their score',
  review: 'their score and every answer with explanations',
};

export function AssessmentOverview(p: { member: Member; canEdit: boolean; view: OverviewView; nonce?: string }) {
  const { assessment: a, kpis } = p.view;
  const base = `/app/assessments/${a.id}`;
  const questionCount = a.blueprint.sections.reduce((n, s) => n + s.count, 0);
  return (
    <ManageLayout member={p.member} title={a.title} nonce={p.nonce} section="assessments">
      <nav aria-label="Breadcrumb" class="crumbs small no-print">
        <a href="/app">Assessments</a> › <span aria-current="page">{a.title}</span>
      </nav>
      <div class="page-head">
        <div>
          <h1>{a.title}</h1>
          <p class="muted">
            Version {a.version}
            {a.status === 'archived' ? (
              <>
                {' '}
                · <span class="badge">archived</span>
              </>
            ) : null}
            {p.view.versions.length > 1 ? (
              <>
                {' '}
                · other versions:{' '}
                {p.view.versions
                  .filter((v) => v.id !== a.id)
                  .map((v, i) => (
                    <>
                      {i > 0 ? ', ' : ''}
                      <a href={`/app/assessments/${v.id}`}>v{v.version}</a>
                    </>
                  ))}
              </>
            ) : null}
          </p>
        </div>
        <p class="actions no-print">
          <a class="button secondary" href={`${base}/preview`}>
            Preview
          </a>
          {p.canEdit ? (
            <>
              <a class="button secondary" href={`${base}/edit`}>
                Edit
              </a>
              <a class="button" href={`${base}/invitations`}>
                Invite candidates
              </a>
            </>
          ) : null}
        </p>
      </div>
      <AssessmentTabs assessmentId={a.id} current="candidates" />

      <section class="panel" aria-labelledby="setup-title">
        <h2 id="setup-title" class="sr-only">
          Set-up
        </h2>
        <dl class="facts">
          <div>
            <dt>Questions</dt>
            <dd>
              {questionCount}
              <ul class="plain small muted">
                {blueprintSummary(a, p.view.areaTitles).map((line) => (
                  <li>{line}</li>
                ))}
              </ul>
            </dd>
          </div>
          <div>
            <dt>Time limit</dt>
            <dd>{formatMinutes(a.timeLimitSeconds)}</dd>
          </div>
          <div>
            <dt>Pass mark</dt>
            <dd>{a.passMark}%</dd>
          </div>
          <div>
            <dt>Candidates see afterwards</dt>
            <dd>{showAfterLabels[a.showAfter]}</dd>
          </div>
          {a.opensAt !== null || a.closesAt !== null ? (
            <div>
              <dt>Open</dt>
              <dd>
                {a.opensAt !== null ? `from ${formatDateTime(a.opensAt)}` : ''}
                {a.closesAt !== null ? ` until ${formatDateTime(a.closesAt)}` : ''}
              </dd>
            </div>
          ) : null}
        </dl>
        {a.description ? <p class="muted">{a.description}</p> : null}
      </section>

      <div class="grid-2">
        <section class="panel" aria-labelledby="kpi-title">
          <h2 id="kpi-title">Pipeline</h2>
          <dl class="kpis">
            <div>
              <dt>Invited</dt>
              <dd>{kpis.invited}</dd>
            </div>
            <div>
              <dt>Started</dt>
              <dd>{kpis.started}</dd>
            </div>
            <div>
              <dt>Completed</dt>
              <dd>{kpis.completed}</dd>
            </div>
            <div>
              <dt>Pass rate</dt>
              <dd>{kpis.passRate === null ? '–' : `${kpis.passRate}%`}</dd>
            </div>
            <div>
              <dt>Median score</dt>
              <dd>{kpis.medianScore === null ? '–' : `${Math.round(kpis.medianScore * 10) / 10}%`}</dd>
            </div>
            <div>
              <dt>Median time</dt>
              <dd>{kpis.medianTimeSeconds === null ? '–' : formatDuration(kpis.medianTimeSeconds)}</dd>
            </div>
          </dl>
          <h3>Waiting for a decision</h3>
          {p.view.awaiting.length === 0 ? (
            <p class="muted">
              {kpis.completed === 0 ? 'Nobody has finished yet.' : 'Every finished candidate has a decision.'}
            </p>
          ) : (
            <ol class="next-up">
              {p.view.awaiting.slice(0, 5).map((row) => (
                <li>
                  <a href={`/app/attempts/${row.attemptId}`}>{row.candidateName}</a> <ScoreText row={row} />{' '}
                  <ResultBadge row={row} />
                  {row.integrity.total > 0 ? (
                    <span class="muted small"> · {plural(row.integrity.total, 'integrity signal')}</span>
                  ) : null}
                </li>
              ))}
              {p.view.awaiting.length > 5 ? (
                <li class="muted">
                  <a href={`${base}?decision=none`}>and {p.view.awaiting.length - 5} more</a>
                </li>
              ) : null}
            </ol>
          )}
        </section>
        <section class="panel" aria-labelledby="dist-title">
          <h2 id="dist-title">Score distribution</h2>
          {kpis.completed === 0 ? (
            <p class="muted">The chart appears when the first candidate finishes.</p>
          ) : (
            <ScoreHistogram id="score-histogram" bins={p.view.bins} passMark={a.passMark} />
          )}
        </section>
      </div>

      <section class="panel" aria-labelledby="candidates-title">
        <h2 id="candidates-title">Candidates</h2>
        {p.view.table.total === 0 ? null : <Filters view={p.view.table} />}
        <CandidateTable view={p.view.table} />
      </section>
    </ManageLayout>
  );
}
