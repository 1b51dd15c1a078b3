import type { PipelineKpis } from '../../../src/manage/candidates';
import { formatDuration, formatPercent } from '../../components/format';

const dash = (n: number | null, text: (n: number) => string) => (n === null ? '–' : text(n));

/** The pipeline in six numbers: how far candidates got, and how the finished ones did. */
export function Kpis({ kpis }: { kpis: PipelineKpis }) {
  return (
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
        <dd>{dash(kpis.passRate, formatPercent)}</dd>
      </div>
      <div>
        <dt>Median score</dt>
        <dd>{dash(kpis.medianScore, formatPercent)}</dd>
      </div>
      <div>
        <dt>Median time</dt>
        <dd>{dash(kpis.medianTimeSeconds, formatDuration)}</dd>
      </div>
    </dl>
  );
}
