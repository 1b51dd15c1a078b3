/**
 * One question's statistics: how it behaved in this assessment, beside how it behaved in the
 * public practice tests (pooled over everyone who practised, and labelled so), with its 2PL
 * parameters from practice calibration.
 */

import type { ItemAnalysis } from '../../../src/engine/item-analysis';
import type { ItemFit } from '../../../src/engine/item-fit';
import type { ItemMeta } from '../../../src/manage/item-statistics';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { formatDateTime, plural } from '../../components/format';
import { AssessmentTabs } from '../assessment-tabs';
import { typeLabels } from '../report';
import { correlationText, percentText, secondsText } from './format';
import { ItemFitSection } from './item-fit';
import { FlagList } from './items';
import { OptionBars, OptionTable } from './options';
import type { StatisticsAssessment } from './page';

export interface QuestionVersionStatistics {
  meta: ItemMeta;
  promptHtml: string;
  difficulty: number;
  assessment: ItemAnalysis;
  practice: ItemAnalysis;
}

export interface QuestionStatisticsView {
  assessment: StatisticsAssessment;
  questionId: string;
  areaTitle: string;
  topic: string;
  irt: { a: number; b: number; calibratedAt: number | null };
  /** The curve against the pooled practice tests' abilities; null below two groups' worth. */
  fit: ItemFit | null;
  /** The curve against this assessment's candidates, abilities estimated from their other answers. */
  assessmentFit: ItemFit | null;
  versions: QuestionVersionStatistics[];
}

function Figures(p: { id: string; item: ItemAnalysis; meta: ItemMeta; criterion: string }) {
  const { item } = p;
  return (
    <>
      <dl class="kpis" id={p.id}>
        <div>
          <dt>Drawn</dt>
          <dd>{item.drawn}</dd>
        </div>
        <div>
          <dt>Answered</dt>
          <dd>{item.answered}</dd>
        </div>
        <div>
          <dt>Facility</dt>
          <dd data-stat="facility">{percentText(item.facility)}</dd>
        </div>
        <div>
          <dt>Discrimination</dt>
          <dd data-stat="discrimination">{correlationText(item.discrimination)}</dd>
        </div>
        <div>
          <dt>Mean time</dt>
          <dd>{secondsText(item.meanTimeMs)}</dd>
        </div>
      </dl>
      <p class="muted small">Discrimination here is the correlation of credit with {p.criterion}.</p>
      <FlagList item={item} meta={p.meta} />
    </>
  );
}

export function QuestionStatisticsPage(p: { view: QuestionStatisticsView }) {
  const { assessment: a, questionId, irt } = p.view;
  const base = `/app/assessments/${a.id}`;
  return (
    <>
      <Breadcrumbs
        trail={[
          { label: 'Assessments', href: '/app' },
          { label: a.title, href: base },
          { label: 'Statistics', href: `${base}/statistics` },
          { label: questionId },
        ]}
      />
      <h1>Question {questionId}</h1>
      <p class="muted">
        {p.view.areaTitle} · {p.view.topic}
      </p>
      <AssessmentTabs assessmentId={a.id} current="statistics" />
      <p class="no-print">
        <a href={`/app/questions/${questionId}/reports`}>
          Reports from your candidates about this question, and regrading
        </a>
      </p>
      <section class="panel" aria-labelledby="irt-title">
        <h2 id="irt-title">Item response theory (2PL)</h2>
        <dl class="kpis">
          <div>
            <dt>Difficulty b</dt>
            <dd id="irt-b">{irt.b.toFixed(2)}</dd>
          </div>
          <div>
            <dt>Discrimination a</dt>
            <dd id="irt-a">{irt.a.toFixed(2)}</dd>
          </div>
        </dl>
        <p class="muted small">
          {irt.calibratedAt === null
            ? 'Not calibrated yet: these are the starting values from the difficulty its author gave it, until enough practice answers exist.'
            : `Calibrated on practice answers, ${formatDateTime(irt.calibratedAt)}.`}{' '}
          b is the ability (0 the average practice taker, ±1 one standard deviation) at which half get it right; a is
          how sharply the chance rises around b.
        </p>
        <ItemFitSection id="fit" fit={p.view.fit} source="practice" />
        <ItemFitSection id="fit-here" fit={p.view.assessmentFit} source="assessment" />
      </section>
      {p.view.versions.map((v) => {
        const title = p.view.versions.length > 1 ? `Version ${v.meta.version}` : 'The question';
        const key = `v${v.meta.version}`;
        return (
          <>
            <section class="panel" aria-labelledby={`${key}-prompt-title`}>
              <h2 id={`${key}-prompt-title`}>{title}</h2>
              <p class="muted small">
                {typeLabels[v.meta.type] ?? v.meta.type} · difficulty {v.difficulty} of 5
              </p>
              <div class="prompt" dangerouslySetInnerHTML={{ __html: v.promptHtml }} />
            </section>
            <div class="grid-2">
              <section class="panel" aria-labelledby={`${key}-here-title`}>
                <h2 id={`${key}-here-title`}>In this assessment</h2>
                <p class="muted small">
                  Your organization's {plural(v.assessment.drawn, 'finished attempt')} that drew this question.
                </p>
                <Figures
                  id={`${key}-assessment`}
                  item={v.assessment}
                  meta={v.meta}
                  criterion="the candidate's score on the rest of the test"
                />
                <OptionBars
                  id={`${key}-assessment-options`}
                  item={v.assessment}
                  meta={v.meta}
                  title="In this assessment"
                />
                <OptionTable item={v.assessment} meta={v.meta} caption="Options chosen in this assessment" />
              </section>
              <section class="panel" aria-labelledby={`${key}-practice-title`}>
                <h2 id={`${key}-practice-title`}>Pooled practice data</h2>
                <p class="muted small">
                  Pooled over everyone who took a public practice test of this area and was shown this question, not
                  only your candidates: {plural(v.practice.drawn, 'practice test')} so far. Practice tests are adaptive,
                  picking questions near each person's level, so facility sits nearer 50% than in a fixed test.
                </p>
                {v.practice.drawn === 0 ? (
                  <p class="muted">No practice test has shown this version yet.</p>
                ) : (
                  <>
                    <Figures
                      id={`${key}-practice`}
                      item={v.practice}
                      meta={v.meta}
                      criterion="the practice test's ability estimate"
                    />
                    <OptionBars id={`${key}-practice-options`} item={v.practice} meta={v.meta} title="Practice tests" />
                  </>
                )}
              </section>
            </div>
          </>
        );
      })}
    </>
  );
}
