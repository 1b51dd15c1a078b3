/**
 * One question's reports from the organization's candidates, with its item statistics beside
 * them, what earlier regrades did, and (for those who may) resolving and regrading.
 */
import { type QueuedReport, reportReasonLabels } from '../../../src/engine/question-report';
import { type RegradeKind, regradeKindLabels } from '../../../src/engine/regrade';
import type { QuestionFigures } from '../../../src/manage/question-queue';
import { flagWords } from '../../../src/manage/statistics-words';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { FormError, Notice, TextArea } from '../../components/form';
import { plural } from '../../components/format';
import { TableWrap } from '../../components/table-wrap';
import { Time } from '../../components/time';
import { correlationText, percentText } from '../statistics/format';

/** One report as the page lists it. */
export type ReportEntry = QueuedReport;

export interface RegradeSummary {
  id: string;
  kind: RegradeKind;
  acceptedHtml: string | null;
  note: string;
  actorName: string;
  at: number;
  moved: number;
}

export interface QuestionReportsView {
  questionId: string;
  /** The author's short id, as the bank lists the question. */
  label: string;
  version: number;
  promptHtml: string;
  keyHtml: string;
  figures: QuestionFigures[];
  reports: ReportEntry[];
  regrades: RegradeSummary[];
  /** The question in the bank: its history, and for a private one its edit page (a new version). */
  bankHref: string;
  /** May resolve and regrade (regrade.apply). */
  canAct: boolean;
  notice?: string;
  error?: string;
}

export function QuestionReportsPage({ view }: { view: QuestionReportsView }) {
  const open = view.reports.filter((r) => r.status === 'open');
  const base = `/app/questions/${view.questionId}`;
  return (
    <>
      <Breadcrumbs
        trail={[
          { label: 'Question bank', href: '/app/bank' },
          { label: 'Question reports', href: '/app/question-reports' },
          { label: view.label },
        ]}
      />
      <div class="page-head">
        <div>
          <h1>Reports on {view.label}</h1>
          <p class="muted">
            {plural(view.reports.length, 'report')} from your candidates, {open.length} open. Version {view.version} is
            the current one.
          </p>
        </div>
        {view.canAct ? (
          <p class="actions no-print">
            <a class="button" href={`${base}/regrade`}>
              Regrade…
            </a>
          </p>
        ) : null}
      </div>
      <Notice text={view.notice} />
      <FormError error={view.error} />

      <section class="panel" aria-labelledby="question-title">
        <h2 id="question-title">The question (version {view.version})</h2>
        <p class="small">
          <a href={view.bankHref}>Open it in the question bank</a> to read its history or, for your own questions, edit
          it (a new version; attempts keep the version they showed).
        </p>
        <div class="prompt" dangerouslySetInnerHTML={{ __html: view.promptHtml }} />
        <p>
          <strong>Key:</strong> <span dangerouslySetInnerHTML={{ __html: view.keyHtml }} />
        </p>
      </section>

      <section class="panel" aria-labelledby="figures-title">
        <h2 id="figures-title">How it behaved in your assessments</h2>
        {view.figures.length === 0 ? (
          <p>No finished attempt of your assessments showed this question yet.</p>
        ) : (
          <TableWrap labelledBy="figures-title">
            <table>
              <thead>
                <tr>
                  <th scope="col">Assessment</th>
                  <th scope="col">Version</th>
                  <th scope="col">Shown</th>
                  <th scope="col">Facility</th>
                  <th scope="col">Discrimination</th>
                  <th scope="col">Needs attention</th>
                </tr>
              </thead>
              <tbody>
                {view.figures.map((f) => (
                  <tr>
                    <th scope="row">
                      <a href={`/app/assessments/${f.assessmentId}/statistics/questions/${view.questionId}`}>
                        {f.assessmentTitle}
                      </a>
                    </th>
                    <td>v{f.version}</td>
                    <td>{f.item.drawn}</td>
                    <td>{percentText(f.item.facility)}</td>
                    <td>{correlationText(f.item.discrimination)}</td>
                    <td>
                      {f.item.flags.length === 0
                        ? '–'
                        : f.item.flags.map((flag) => flagWords(flag, (id) => id.toUpperCase())).join(' ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        <p class="small muted">
          Facility is the mean credit; discrimination the corrected point-biserial (how well the question separates
          stronger from weaker candidates). Flags appear from 30 responses on.
        </p>
      </section>

      <section class="panel" aria-labelledby="reports-title">
        <h2 id="reports-title">Reports</h2>
        {view.canAct && open.length > 0 ? (
          <form method="post" action={`${base}/reports/resolve`} class="stack">
            <ReportList reports={view.reports} selectable />
            <TextArea
              name="note"
              label="Resolution note"
              hint="What you did about it (edited the question, regraded, the key is right). Up to 1000 characters."
              rows={2}
              maxlength={1000}
              required
            />
            <p>
              <button type="submit" class="secondary">
                Mark the checked reports resolved
              </button>
            </p>
          </form>
        ) : (
          <ReportList reports={view.reports} selectable={false} />
        )}
      </section>

      <section class="panel" aria-labelledby="regrades-title">
        <h2 id="regrades-title">Regrades</h2>
        {view.regrades.length === 0 ? (
          <p>This question has not been regraded in your organization.</p>
        ) : (
          <ul>
            {view.regrades.map((g) => (
              <li>
                <Time at={g.at} /> · {regradeKindLabels[g.kind]}
                {g.acceptedHtml ? (
                  <>
                    {' '}
                    (<span dangerouslySetInnerHTML={{ __html: g.acceptedHtml }} />)
                  </>
                ) : null}{' '}
                by {g.actorName}: {plural(g.moved, 'score')} changed{g.note ? ` · ${g.note}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function ReportList({ reports, selectable }: { reports: ReportEntry[]; selectable: boolean }) {
  return (
    <ul class="report-list">
      {reports.map((r) => (
        <li>
          {selectable && r.status === 'open' ? (
            <label class="choice-line">
              <input type="checkbox" name="reportIds" value={r.id} checked /> Resolve this report
            </label>
          ) : null}
          <p>
            <strong>{reportReasonLabels[r.reason]}</strong> · version {r.questionVersion} · <Time at={r.createdAt} /> ·{' '}
            {r.status === 'open' ? 'open' : 'resolved'} ·{' '}
            <a href={`/app/attempts/${r.attemptId}`}>{r.candidateName ?? 'the candidate'}'s report</a>
          </p>
          {r.body ? <blockquote class="report-text">{r.body}</blockquote> : null}
          {r.status === 'resolved' ? (
            <p class="small muted">
              Resolved{r.resolvedByName ? ` by ${r.resolvedByName}` : ''}
              {r.resolvedAt ? (
                <>
                  {' '}
                  on <Time at={r.resolvedAt} format="date" />
                </>
              ) : null}
              {r.resolution ? `: ${r.resolution}` : ''}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
