/**
 * The pipeline table's sort, filters and search, read from the query string (the filter form is
 * a plain GET form) and applied to the rows. Pure: the page, its htmx fragment and the CSV export
 * read the same query the same way.
 */
import { type Decision, decisionValues } from '../engine/decisions';
import { type CandidateRow, type CandidateStatus, candidateStatuses } from './candidates';

export const sortColumns = ['name', 'status', 'score', 'time', 'percentile', 'flags', 'completed', 'decision'] as const;
export type SortColumn = (typeof sortColumns)[number] | `area:${string}`;
export type SortDir = 'asc' | 'desc';

export const outcomes = ['passed', 'failed'] as const;
export type Outcome = (typeof outcomes)[number];
export type DecisionFilter = Decision | 'none';

export interface PipelineQuery {
  sort: SortColumn;
  dir: SortDir;
  status: CandidateStatus | null;
  outcome: Outcome | null;
  decision: DecisionFilter | null;
  q: string;
}

export const defaultQuery: PipelineQuery = {
  sort: 'score',
  dir: 'desc',
  status: null,
  outcome: null,
  decision: null,
  q: '',
};

/** Names and numbers read best A to Z; scores, times and dates best high first. */
export function defaultDir(sort: SortColumn): SortDir {
  return sort === 'name' || sort === 'status' || sort === 'decision' ? 'asc' : 'desc';
}

const maxSearch = 100;

export type ParsedQuery = { ok: true; query: PipelineQuery } | { ok: false; error: string };

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | null | undefined {
  if (value === undefined || value === '') return null;
  return (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/**
 * Reads the query string. Empty values mean "any"; an unknown value is refused with a message
 * naming what is allowed (links we render never produce one, so it is a typo or an old bookmark).
 */
export function parsePipelineQuery(
  params: Record<string, string | undefined>,
  areaIds: readonly string[],
): ParsedQuery {
  const columns: string[] = [...sortColumns, ...areaIds.map((a) => `area:${a}`)];
  const sort = params.sort === undefined || params.sort === '' ? defaultQuery.sort : params.sort;
  if (!columns.includes(sort)) {
    return { ok: false, error: `The table cannot be sorted by "${sort}". Sort by one of: ${columns.join(', ')}.` };
  }
  const dir = oneOf(params.dir, ['asc', 'desc'] as const);
  if (dir === undefined) return { ok: false, error: 'The sort direction must be "asc" or "desc".' };
  const status = oneOf(params.status, candidateStatuses);
  if (status === undefined) {
    return { ok: false, error: `Unknown status "${params.status}". Use one of: ${candidateStatuses.join(', ')}.` };
  }
  const outcome = oneOf(params.outcome, outcomes);
  if (outcome === undefined) return { ok: false, error: 'The result filter must be "passed" or "failed".' };
  const decision = oneOf(params.decision, [...decisionValues, 'none'] as const);
  if (decision === undefined) {
    return { ok: false, error: 'The decision filter must be one of: advance, hold, reject, none.' };
  }
  const q = (params.q ?? '').trim();
  if (q.length > maxSearch) return { ok: false, error: `Search for at most ${maxSearch} characters.` };
  return {
    ok: true,
    query: { sort: sort as SortColumn, dir: dir ?? defaultDir(sort as SortColumn), status, outcome, decision, q },
  };
}

const decisionOrder: Record<Decision, number> = { advance: 0, hold: 1, reject: 2 };

function sortValue(row: CandidateRow, sort: SortColumn): number | string | null {
  switch (sort) {
    case 'name':
      return row.candidateName.toLocaleLowerCase('en');
    case 'status':
      return candidateStatuses.indexOf(row.status);
    case 'score':
      return row.status === 'completed' ? row.scorePercent : null;
    case 'time':
      return row.timeUsedSeconds;
    case 'percentile':
      return row.percentile;
    case 'flags':
      return row.attemptId ? row.integrity.total : null;
    case 'completed':
      return row.completedAt;
    case 'decision':
      return row.decision ? decisionOrder[row.decision.decision] : null;
    default:
      return row.result?.byArea[sort.slice('area:'.length)]?.percent ?? null;
  }
}

function compare(a: number | string, b: number | string): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'en');
}

function matches(row: CandidateRow, q: PipelineQuery): boolean {
  if (q.status && row.status !== q.status) return false;
  if (q.outcome && (row.status !== 'completed' || row.passed !== (q.outcome === 'passed'))) return false;
  if (q.decision && (row.decision?.decision ?? 'none') !== q.decision) return false;
  if (q.q) {
    const needle = q.q.toLocaleLowerCase('en');
    const hay = `${row.candidateName}\n${row.candidateEmail}`.toLocaleLowerCase('en');
    if (!hay.includes(needle)) return false;
  }
  return true;
}

/** Filters, then sorts; rows without a value (no score yet...) go last in either direction, then by name. */
export function applyPipelineQuery(rows: readonly CandidateRow[], q: PipelineQuery): CandidateRow[] {
  const sign = q.dir === 'asc' ? 1 : -1;
  return rows
    .filter((row) => matches(row, q))
    .map((row) => ({ row, key: sortValue(row, q.sort) }))
    .sort((x, y) => {
      if (x.key === null || y.key === null) {
        if (x.key !== y.key) return x.key === null ? 1 : -1;
      } else {
        const c = compare(x.key, y.key);
        if (c !== 0) return sign * c;
      }
      return (
        x.row.candidateName.localeCompare(y.row.candidateName, 'en') ||
        x.row.invitationId.localeCompare(y.row.invitationId)
      );
    })
    .map(({ row }) => row);
}

/** The query as URL parameters, defaults left out, so links and the pushed URL stay short. */
export function queryParams(q: PipelineQuery, change: Partial<PipelineQuery> = {}): URLSearchParams {
  const next = { ...q, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  if (next.status) params.set('status', next.status);
  if (next.outcome) params.set('outcome', next.outcome);
  if (next.decision) params.set('decision', next.decision);
  if (next.sort !== defaultQuery.sort || next.dir !== defaultDir(next.sort)) {
    params.set('sort', next.sort);
    params.set('dir', next.dir);
  }
  return params;
}

export function isFiltered(q: PipelineQuery): boolean {
  return Boolean(q.q || q.status || q.outcome || q.decision);
}
