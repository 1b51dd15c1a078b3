/** The cells of a candidate's row: the pipeline table, the report and the comparison show them alike. */
import {
  type CandidateRow,
  type CandidateStatus,
  decisionLabels,
  integrityWords,
  statusLabels,
} from '../../../src/manage/candidates';
import { standardErrorNote } from '../../../src/manage/stats';
import { formatDuration, formatPercent, ordinal } from '../../components/format';

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
      <strong>{formatPercent(row.scorePercent)}</strong>
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

/** 62.5 -> "63rd"; no percentile yet -> "–". */
export function percentileText(p: number | null): string {
  return p === null ? '–' : ordinal(Math.round(p));
}

/** A completed candidate's percent in one skill area, or "–". */
export function areaPercent(row: CandidateRow, area: string) {
  const t = row.status === 'completed' ? row.result?.byArea[area] : undefined;
  return t ? formatPercent(t.percent) : <span class="muted">–</span>;
}
