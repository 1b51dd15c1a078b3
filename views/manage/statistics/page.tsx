/**
 * An assessment's statistics: how reliable its scores are (alpha, SEM, per area), how scores
 * spread, and how each question behaved (facility, discrimination, options chosen, flags).
 */
import { minResponsesForFlags } from '../../../src/engine/item-analysis';
import type { AssessmentStatistics } from '../../../src/manage/item-statistics';
import { reliabilitySentence } from '../../../src/manage/statistics-words';
import type { Bin } from '../../../src/manage/stats';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { plural } from '../../components/format';
import { TableWrap } from '../../components/table-wrap';
import { AssessmentTabs } from '../assessment-tabs';
import { ScoreHistogram } from '../charts';
import { correlationText, percentText, pointsText } from './format';
import { ItemsTable, itemRows } from './items';
import { OptionBars } from './options';
import { FacilityDiscriminationScatter } from './scatter';

/** The assessment the statistics are of. */
export interface StatisticsAssessment {
  id: string;
  title: string;
  passMark: number;
}

export interface StatisticsView {
  assessment: StatisticsAssessment;
  /** Versions of the assessment whose finished attempts are counted. */
  versions: number[];
  areaTitles: Record<string, string>;
  stats: AssessmentStatistics;
  bins: Bin[];
  /** The mean ± the candidate reports show (their binomial standard error), for comparison. */
  reportStandardError: number | null;
}

/** Two decimals with a real minus sign: alpha can be negative when questions disagree. */
const alphaText = (alpha: number | null) => (alpha === null ? '–' : alpha.toFixed(2).replace('-', '−'));

export function StatisticsPage(p: { view: StatisticsView }) {
  const { assessment: a, stats, areaTitles } = p.view;
  const { analysis } = stats;
  const base = `/app/assessments/${a.id}`;
  const rows = itemRows(analysis.items, stats.meta, (m) => `${base}/statistics/questions/${m.questionId}`);
  const plotted = rows.filter((r) => r.item.facility !== null && r.item.discrimination !== null);
  const coefficient = stats.dichotomous ? "Cronbach's alpha (KR-20)" : "Cronbach's alpha";
  return (
    <>
      <Breadcrumbs
        trail={[{ label: 'Assessments', href: '/app' }, { label: a.title, href: base }, { label: 'Statistics' }]}
      />
      <div class="page-head">
        <div>
          <h1>Statistics: {a.title}</h1>
          <p class="muted">
            From {plural(analysis.attempts, 'finished attempt')}
            {p.view.versions.length > 1 ? ` of versions ${p.view.versions.map((v) => `v${v}`).join(', ')}` : ''}.
          </p>
        </div>
        {analysis.attempts > 0 ? (
          <p class="actions no-print">
            <a class="button secondary" href={`${base}/statistics/items.csv`} download>
              Download item statistics (CSV)
            </a>{' '}
            <a class="button secondary" href="/app/question-reports">
              Question reports
            </a>{' '}
            <a class="button secondary" href={`${base}/fairness`}>
              Pass rates by group
            </a>
          </p>
        ) : null}
      </div>
      <AssessmentTabs assessmentId={a.id} current="statistics" />

      {analysis.attempts === 0 ? (
        <section class="panel">
          <p>Statistics appear when the first candidate finishes this assessment.</p>
        </section>
      ) : (
        <>
          <section class="panel" aria-labelledby="reliability-title">
            <h2 id="reliability-title">Reliability</h2>
            <dl class="kpis">
              <div>
                <dt>Finished attempts</dt>
                <dd id="stat-attempts">{analysis.attempts}</dd>
              </div>
              <div>
                <dt>{coefficient}</dt>
                <dd id="stat-alpha">{alphaText(analysis.reliability.alpha)}</dd>
              </div>
              <div>
                <dt>Standard error of measurement</dt>
                <dd id="stat-sem">
                  {analysis.reliability.sem === null ? '–' : `±${pointsText(analysis.reliability.sem)} points`}
                </dd>
              </div>
              <div>
                <dt>Mean score</dt>
                <dd>{analysis.summary ? `${pointsText(analysis.summary.mean)}%` : '–'}</dd>
              </div>
              <div>
                <dt>Standard deviation</dt>
                <dd>{analysis.summary ? `${pointsText(analysis.summary.sd)} points` : '–'}</dd>
              </div>
            </dl>
            <p id="reliability-sentence">{reliabilitySentence(analysis.reliability)}</p>
            {p.view.reportStandardError === null ? null : (
              <p class="muted small">
                Candidate reports show each score with its own ± (on average ±{pointsText(p.view.reportStandardError)}{' '}
                points here), worked out from the number of questions a candidate answered. The standard error of
                measurement above comes from how consistently the questions ranked everyone; when it is much larger, the
                questions disagree with each other.
              </p>
            )}
            {analysis.attempts < minResponsesForFlags ? (
              <p class="muted small">
                Based on {plural(analysis.attempts, 'attempt')}: these figures will move as more candidates finish.
                Flags on questions wait for {minResponsesForFlags} attempts.
              </p>
            ) : null}
            {analysis.areas.length > 1 ? (
              <TableWrap label="Reliability per area">
                <table>
                  <caption class="sr-only">Reliability and scores per skill area</caption>
                  <thead>
                    <tr>
                      <th scope="col">Area</th>
                      <th scope="col" class="num">
                        Questions each
                      </th>
                      <th scope="col" class="num">
                        Mean
                      </th>
                      <th scope="col" class="num">
                        SD
                      </th>
                      <th scope="col" class="num">
                        Alpha
                      </th>
                      <th scope="col" class="num">
                        SEM
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {analysis.areas.map((area) => (
                      <tr>
                        <th scope="row">{areaTitles[area.area] ?? area.area}</th>
                        <td class="num">{pointsText(area.reliability.k)}</td>
                        <td class="num">{area.summary ? `${pointsText(area.summary.mean)}%` : '–'}</td>
                        <td class="num">{area.summary ? pointsText(area.summary.sd) : '–'}</td>
                        <td class="num">{alphaText(area.reliability.alpha)}</td>
                        <td class="num">
                          {area.reliability.sem === null ? '–' : `±${pointsText(area.reliability.sem)}`}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            ) : null}
          </section>

          <div class="grid-2">
            <section class="panel" aria-labelledby="dist-title">
              <h2 id="dist-title">Score distribution</h2>
              <ScoreHistogram id="score-histogram" bins={p.view.bins} passMark={a.passMark} />
            </section>
            <section class="panel" aria-labelledby="map-title">
              <h2 id="map-title">Questions at a glance</h2>
              <p class="muted small">
                Higher is better: those questions tell stronger from weaker candidates. Near either side nearly everyone
                or nearly no one gets them right.
              </p>
              <FacilityDiscriminationScatter
                id="item-map"
                points={plotted.map((r) => ({
                  n: r.n,
                  name: r.name,
                  facility: r.item.facility as number,
                  discrimination: r.item.discrimination as number,
                  flagged: r.item.flags.length > 0,
                }))}
                unplotted={rows.filter((r) => !plotted.includes(r)).map((r) => r.name)}
              />
              <details>
                <summary>The chart's figures as a table</summary>
                <TableWrap label="Figures of the chart">
                  <table id="item-map-data">
                    <caption class="sr-only">Facility and discrimination per question, as plotted</caption>
                    <thead>
                      <tr>
                        <th scope="col" class="num">
                          #
                        </th>
                        <th scope="col">Question</th>
                        <th scope="col" class="num">
                          Facility
                        </th>
                        <th scope="col" class="num">
                          Discrimination
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((r) => (
                        <tr>
                          <td class="num">{r.n}</td>
                          <th scope="row">{r.name}</th>
                          <td class="num">{percentText(r.item.facility)}</td>
                          <td class="num">{correlationText(r.item.discrimination)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              </details>
            </section>
          </div>

          <section class="panel" aria-labelledby="items-title">
            <h2 id="items-title">Questions</h2>
            <p class="muted small">
              Facility is the share of credit earned (100%: everyone right). Discrimination is the correlation between a
              question's credit and the rest of the test: from +0.3 a question separates candidates well, near 0 it does
              not, below 0 stronger candidates do worse on it.
            </p>
            <ItemsTable rows={rows} areaTitles={areaTitles} />
          </section>

          {rows.some((r) => r.item.options !== null) ? (
            <section class="panel" aria-labelledby="options-title">
              <h2 id="options-title">Options chosen</h2>
              <p class="muted small">
                Options are lettered in the author's order; candidates saw them shuffled. r is each option's correlation
                with the rest of the test: a wrong option should have a negative r.
              </p>
              <div class="grid-2">
                {rows
                  .filter((r) => r.item.options !== null)
                  .map((r) => (
                    <section aria-labelledby={`options-${r.n}-title`}>
                      <h3 id={`options-${r.n}-title`}>
                        {r.n}. <a href={r.href}>{r.name}</a>
                      </h3>
                      <OptionBars id={`options-${r.n}`} item={r.item} meta={r.meta} title={r.name} />
                    </section>
                  ))}
              </div>
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
