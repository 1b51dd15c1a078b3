/** Seconds on each question against an even pace, coloured by how the answer scored. */
import { type HBar, HBarChart } from '../../components/charts';
import { formatDuration } from '../../components/format';
import type { ReportView } from './types';

export function TimePerQuestion({ view }: { view: ReportView }) {
  const qs = view.questions;
  const pace = qs.length ? view.row.timeAllowedSeconds / qs.length : 0;
  const seconds = qs.map((q) => Math.round(q.timeSpentMs / 1000));
  const bars = qs.map(
    (q, i): HBar => ({
      label: `Q${q.position + 1}`,
      value: seconds[i] ?? 0,
      display: formatDuration(seconds[i] ?? 0),
      tone: !q.answered || q.credit <= 0 ? 'fail' : q.credit >= 1 ? 'pass' : 'partial',
      note: `${!q.answered ? 'not answered' : q.credit >= 1 ? 'correct' : q.credit > 0 ? 'partly correct' : 'not correct'}${q.flagged ? ', flagged' : ''}`,
    }),
  );
  return (
    <HBarChart
      id="time-bars"
      summary="Time spent on each question; green correct, amber partly correct, red not correct or not answered"
      bars={bars}
      max={Math.max(1, ...seconds, Math.round(pace * 1.25))}
      mark={pace > 0 ? { value: Math.round(pace), label: `Even pace ${formatDuration(pace)}` } : null}
    />
  );
}
