/** The summary at the top: score with its ±, pass or not, percentile, time, decision, signals. */
import { standardErrorNote } from '../../../src/manage/stats';
import { formatDateTime, formatPercent, plural } from '../../components/format';
import { DecisionText, IntegrityText, percentileText, StatusBadge, TimeText } from '../pipeline/cells';
import type { ReportView } from './types';

export function Verdict({ view }: { view: ReportView }) {
  const { row, assessment } = view;
  if (row.status !== 'completed') {
    return (
      <div class="verdict">
        <p>
          <StatusBadge row={row} />
        </p>
        <p>
          Started {row.startedAt === null ? '' : formatDateTime(row.startedAt)}; time is up at{' '}
          {row.deadlineAt === null ? '–' : formatDateTime(row.deadlineAt)}. The score and the answers appear here when
          the candidate finishes.
        </p>
      </div>
    );
  }
  return (
    <div class="verdict">
      <div class="verdict-score">
        <p class="score-big" title={standardErrorNote}>
          {row.scorePercent === null ? '–' : formatPercent(row.scorePercent)}
          {row.standardError === null ? null : <span class="score-se"> ± {Math.round(row.standardError)}</span>}
        </p>
        <p>
          <span class={row.passed ? 'badge ok' : 'badge bad'}>{row.passed ? 'Passed' : 'Below the pass mark'}</span>{' '}
          <span class="muted">pass mark {assessment.passMark}%</span>
        </p>
      </div>
      <dl class="kpis">
        <div>
          <dt>Percentile</dt>
          <dd>{percentileText(row.percentile)}</dd>
          <dd class="small muted">
            {row.percentile === null
              ? 'first to finish'
              : `scored higher than ${Math.round(row.percentile)}% of ${plural(view.others, 'other finished candidate')}`}
          </dd>
        </div>
        <div>
          <dt>Time used</dt>
          <dd>
            <TimeText row={row} />
          </dd>
          <dd class="small muted">{row.timedOut ? 'time ran out' : 'submitted before the limit'}</dd>
        </div>
        <div>
          <dt>Completed</dt>
          <dd class="small">{row.completedAt === null ? '–' : formatDateTime(row.completedAt)}</dd>
        </div>
        <div>
          <dt>Decision</dt>
          <dd>
            <DecisionText row={row} />
          </dd>
        </div>
      </dl>
      <p class="small">
        <strong>Integrity signals:</strong> <IntegrityText row={row} />{' '}
        <a href="#integrity" class="no-print">
          see the timeline
        </a>
      </p>
    </div>
  );
}
