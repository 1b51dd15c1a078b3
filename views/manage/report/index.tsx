/** A candidate's report: summary, per-area and time charts, decision and notes, integrity timeline, answers. */
import { Breadcrumbs } from '../../components/breadcrumbs';
import { AreaBars } from '../../components/charts';
import { Activity, DecisionForm, NoteForm } from './activity';
import { Answers } from './answers';
import { GroupLabel } from './group-label';
import { Integrity } from './integrity';
import { Regrades } from './regrades';
import { TimePerQuestion } from './time-chart';
import type { ReportView } from './types';
import { Verdict } from './verdict';

export { typeLabels } from './answers';
export { GroupLabel } from './group-label';
export type { DecisionEntry, GroupLabelView, NoteEntry, ReportQuestion, ReportView } from './types';

export function ReportPage(p: { view: ReportView }) {
  const { row, assessment } = p.view;
  const done = row.status === 'completed';
  return (
    <>
      <Breadcrumbs
        trail={[
          { label: 'Assessments', href: '/app' },
          { label: assessment.title, href: `/app/assessments/${assessment.id}` },
          { label: row.candidateName },
        ]}
      />
      <div class="page-head">
        <div>
          <h1>{row.candidateName}</h1>
          <p class="muted">
            {row.candidateEmail} · {assessment.title} (version {assessment.version})
          </p>
        </div>
        <p class="muted small no-print print-hint">Print or save as PDF with your browser's Print command.</p>
      </div>
      {p.view.notice ? (
        <p class="alert alert-ok no-print" role="status">
          {p.view.notice}
        </p>
      ) : null}
      <section class="panel report-summary" aria-label="Summary">
        <Verdict view={p.view} />
      </section>
      <Regrades view={p.view} />
      <div class="grid-2">
        {done && row.result ? (
          <div class="report-charts">
            <section class="panel" aria-labelledby="areas-title">
              <h2 id="areas-title">By skill area</h2>
              <AreaBars
                id="area-bars"
                byArea={row.result.byArea}
                titles={p.view.areaTitles}
                passMark={assessment.passMark}
              />
            </section>
            {p.view.questions.length > 0 ? (
              <section class="panel" aria-labelledby="time-title">
                <h2 id="time-title">Time per question</h2>
                <p class="muted small">
                  Measured in the candidate's browser while each question was on screen. The dashed line is an even
                  pace: the time limit divided by the number of questions.
                </p>
                <TimePerQuestion view={p.view} />
              </section>
            ) : null}
          </div>
        ) : null}
        <section class="panel" id="activity" aria-labelledby="activity-title">
          <h2 id="activity-title">Decision and notes</h2>
          <DecisionForm view={p.view} />
          <Activity view={p.view} />
          <NoteForm view={p.view} />
        </section>
      </div>
      <GroupLabel label={p.view.groupLabel} assessmentId={assessment.id} />
      <Integrity view={p.view} />
      {done ? <Answers view={p.view} /> : null}
    </>
  );
}
