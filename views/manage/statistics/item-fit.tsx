/** The 2PL curve against what practice takers did, per ability group: a table and its reading. */
import { fitWords, type ItemFit, minFitGroupSize } from '../../../src/engine/item-fit';
import { TableWrap } from '../../components/table-wrap';
import { percentText } from './format';

export function ItemFitSection({ fit }: { fit: ItemFit | null }) {
  return (
    <div class="item-fit">
      <h3 id="fit-title">Fit of the curve</h3>
      {fit === null ? (
        <p class="muted small">
          Fit is shown from {2 * minFitGroupSize} practice tests that showed this question (two ability groups of{' '}
          {minFitGroupSize}); there are not enough yet.
        </p>
      ) : (
        <>
          <p id="fit-words">{fitWords(fit)}</p>
          <dl class="kpis">
            <div>
              <dt>RMSE</dt>
              <dd id="fit-rmse">{fit.rmse.toFixed(3)}</dd>
            </div>
            <div>
              <dt>Yen's Q1</dt>
              <dd id="fit-q1">
                {fit.q1.toFixed(1)}
                {fit.df > 0 ? ` on ${fit.df} df` : ''}
              </dd>
            </div>
          </dl>
          <TableWrap labelledBy="fit-title">
            <table>
              <caption class="sr-only">Observed and expected share right per ability group</caption>
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
            Practice takers sorted by their ability estimate and cut into equal groups; in each, the share who got it
            right against the curve's average chance. RMSE is the typical gap (under 0.05 fits well, over 0.10 poorly);
            Q1 = Σ n·(observed − expected)² / (expected·(1 − expected)), large against its degrees of freedom when the
            curve misfits (Yen, 1981).
          </p>
        </>
      )}
    </div>
  );
}
