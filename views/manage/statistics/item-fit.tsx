/**
 * The 2PL curve against what takers did, per ability group: a table and its reading. Shown for the
 * pooled practice tests (abilities from the tests themselves) and for the assessment's own
 * candidates (abilities estimated from their other answers).
 */
import { fitWords, type ItemFit, minFitGroupSize } from '../../../src/engine/item-fit';
import { TableWrap } from '../../components/table-wrap';
import { percentText } from './format';

const sources = {
  practice: {
    title: 'Fit of the curve: practice tests',
    takers: 'practice tests',
    how: "Practice takers sorted by their test's ability estimate",
  },
  assessment: {
    title: 'Fit of the curve: this assessment',
    takers: 'finished attempts of this assessment',
    how: "Your candidates sorted by an ability estimated from their other answers (EAP under those questions' curves)",
  },
} as const;

export function ItemFitSection({ id, fit, source }: { id: string; fit: ItemFit | null; source: keyof typeof sources }) {
  const words = sources[source];
  return (
    <div class="item-fit">
      <h3 id={`${id}-title`}>{words.title}</h3>
      {fit === null ? (
        <p class="muted small">
          Fit is shown from {2 * minFitGroupSize} {words.takers} that showed this question (two ability groups of{' '}
          {minFitGroupSize}); there are not enough yet.
        </p>
      ) : (
        <>
          <p id={`${id}-words`}>{fitWords(fit)}</p>
          <dl class="kpis">
            <div>
              <dt>RMSE</dt>
              <dd id={`${id}-rmse`}>{fit.rmse.toFixed(3)}</dd>
            </div>
            <div>
              <dt>Yen's Q1</dt>
              <dd id={`${id}-q1`}>
                {fit.q1.toFixed(1)}
                {fit.df > 0 ? ` on ${fit.df} df` : ''}
              </dd>
            </div>
          </dl>
          <TableWrap labelledBy={`${id}-title`}>
            <table>
              <thead>
                <tr>
                  <th scope="col">Ability group (mean θ)</th>
                  <th scope="col">Takers</th>
                  <th scope="col">Observed right</th>
                  <th scope="col">Curve expects</th>
                </tr>
              </thead>
              <tbody>
                {fit.groups.map((g) => (
                  <tr>
                    <th scope="row">{g.meanTheta.toFixed(2).replace('-', '−')}</th>
                    <td>{g.n}</td>
                    <td>{percentText(g.observed)}</td>
                    <td>{percentText(g.expected)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          <p class="muted small">
            {words.how}, cut into equal groups; in each, the share who got it right against the curve's average chance.
            RMSE is the typical gap (under 0.05 fits well, over 0.10 poorly); Q1 = Σ n·(observed − expected)² /
            (expected·(1 − expected)), large against its degrees of freedom when the curve misfits (Yen, 1981).
          </p>
        </>
      )}
    </div>
  );
}
