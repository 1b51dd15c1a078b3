/** The report's note that the score was regraded: which question, how, and the score before and after. */
import { formatPercent } from '../../components/format';
import { Time } from '../../components/time';
import type { ReportView } from './types';

const passWords = (passed: boolean | null) => (passed === null ? '' : passed ? ' (passed)' : ' (not passed)');
const percentWords = (p: number | null) => (p === null ? '–' : formatPercent(p));

export function Regrades({ view }: { view: ReportView }) {
  const regrades = view.regrades ?? [];
  if (regrades.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="regrades-title" id="regrades">
      <h2 id="regrades-title">Regraded</h2>
      <p class="small muted">
        The score above is after these regrades; they were applied to every finished attempt that showed the question.
      </p>
      <ul>
        {regrades.map((r) => (
          <li>
            <Time at={r.at} format="date" /> · {r.questionId}: {r.what} · score {percentWords(r.beforePercent)}
            {passWords(r.beforePassed)} → {percentWords(r.afterPercent)}
            {passWords(r.afterPassed)} · by {r.actorName}
            {r.note ? ` · ${r.note}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
