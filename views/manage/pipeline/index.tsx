/**
 * An assessment's own page: its set-up, the pipeline in numbers, who waits for a decision, the
 * score distribution and the candidate table with its filters.
 */
import type { CandidateRow, PipelineKpis } from '../../../src/manage/candidates';
import type { DrawProblem } from '../../../src/manage/draw-problems';
import type { Bin } from '../../../src/manage/stats';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { AssessmentTabs } from '../assessment-tabs';
import { ScoreHistogram } from '../charts';
import { DrawProblems } from '../draw-problems';
import { AssessmentAdminActions } from './admin-actions';
import { Filters } from './filters';
import { Kpis } from './kpis';
import { type OverviewAssessment, SetupFacts } from './setup';
import { CandidateTable, type TableView } from './table';
import { WaitingList } from './waiting-list';

export type { OverviewAssessment } from './setup';
export { CandidateTable, type TableView } from './table';

export interface OverviewView {
  assessment: OverviewAssessment;
  areaTitles: Record<string, string>;
  kpis: PipelineKpis;
  bins: Bin[];
  awaiting: CandidateRow[];
  versions: { id: string; version: number; status: string }[];
  table: TableView;
  /** Why candidates cannot start it now (the bank changed since it was saved); empty when they can. */
  drawProblems: DrawProblem[];
}

function VersionLine({
  assessment: a,
  versions,
}: {
  assessment: OverviewAssessment;
  versions: OverviewView['versions'];
}) {
  return (
    <p class="muted">
      Version {a.version}
      {a.status === 'archived' ? (
        <>
          {' '}
          · <span class="badge">archived</span>
        </>
      ) : null}
      {versions.length > 1 ? (
        <>
          {' '}
          · other versions:{' '}
          {versions
            .filter((v) => v.id !== a.id)
            .map((v, i) => (
              <>
                {i > 0 ? ', ' : ''}
                <a href={`/app/assessments/${v.id}`}>v{v.version}</a>
              </>
            ))}
        </>
      ) : null}
    </p>
  );
}

export function AssessmentOverview(p: { canEdit: boolean; view: OverviewView }) {
  const { assessment: a, kpis } = p.view;
  const base = `/app/assessments/${a.id}`;
  return (
    <>
      <Breadcrumbs trail={[{ label: 'Assessments', href: '/app' }, { label: a.title }]} />
      <div class="page-head">
        <div>
          <h1>{a.title}</h1>
          <VersionLine assessment={a} versions={p.view.versions} />
          {p.canEdit ? (
            <AssessmentAdminActions
              id={a.id}
              status={a.status}
              superseded={p.view.versions.some((v) => v.version > a.version)}
            />
          ) : null}
        </div>
        <p class="actions no-print">
          <a class="button secondary" href={`${base}/preview`}>
            Preview
          </a>
          <a class="button secondary" href={`${base}/pool`}>
            Question pool
          </a>
          {p.canEdit ? (
            <>
              <a class="button secondary" href={`${base}/edit`}>
                Edit
              </a>
              <a class="button" href={`${base}/invitations`}>
                Invite candidates
              </a>
            </>
          ) : null}
        </p>
      </div>
      <AssessmentTabs assessmentId={a.id} current="candidates" />

      <DrawProblems problems={p.view.drawProblems} editHref={p.canEdit ? `${base}/edit` : undefined} />
      <SetupFacts assessment={a} areaTitles={p.view.areaTitles} />

      <div class="grid-2">
        <section class="panel" aria-labelledby="kpi-title">
          <h2 id="kpi-title">Pipeline</h2>
          <Kpis kpis={kpis} />
          <h3>Waiting for a decision</h3>
          <WaitingList assessmentId={a.id} awaiting={p.view.awaiting} completed={kpis.completed} />
        </section>
        <section class="panel" aria-labelledby="dist-title">
          <h2 id="dist-title">Score distribution</h2>
          {kpis.completed === 0 ? (
            <p class="muted">The chart appears when the first candidate finishes.</p>
          ) : (
            <ScoreHistogram id="score-histogram" bins={p.view.bins} passMark={a.passMark} />
          )}
        </section>
      </div>

      <section class="panel" aria-labelledby="candidates-title">
        <h2 id="candidates-title">Candidates</h2>
        {p.view.table.total === 0 ? null : <Filters view={p.view.table} />}
        <CandidateTable view={p.view.table} />
      </section>
    </>
  );
}
