import type { Child } from 'hono/jsx';
import type { CandidateRow } from '../../src/manage/candidates';
import { standardErrorNote } from '../../src/manage/stats';
import { Breadcrumbs } from '../components/breadcrumbs';
import { TableWrap } from '../components/table-wrap';
import {
  areaPercent,
  DecisionText,
  IntegrityText,
  percentileText,
  ResultBadge,
  ScoreText,
  StatusBadge,
  TimeText,
} from './pipeline/cells';

export interface CompareView {
  rows: CandidateRow[];
  /** Every area any of the candidates was tested on, in first-seen order. */
  areas: { id: string; title: string }[];
}

/** Index of the highest value, when there is one clear best (no ties, at least two values). */
function bestOf(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  if (present.length < 2) return null;
  const top = Math.max(...present);
  return present.filter((v) => v === top).length === 1 ? values.indexOf(top) : null;
}

function MetricRow(p: {
  label: string;
  rows: CandidateRow[];
  cell: (r: CandidateRow) => Child;
  best?: (r: CandidateRow) => number | null;
  num?: boolean;
}) {
  const best = p.best ? bestOf(p.rows.map(p.best)) : null;
  return (
    <tr>
      <th scope="row">{p.label}</th>
      {p.rows.map((r, i) => (
        <td class={[p.num ? 'num' : '', i === best ? 'best' : ''].filter(Boolean).join(' ') || undefined}>
          {p.cell(r)}
          {i === best ? <span class="sr-only"> (highest)</span> : null}
        </td>
      ))}
    </tr>
  );
}

const count = (n: number) => (n === 0 ? <span class="muted">0</span> : <strong>{n}</strong>);

export function ComparePage(p: { view: CompareView }) {
  const { rows, areas } = p.view;
  const done = (r: CandidateRow) => r.status === 'completed';
  const assessmentIds = new Set(rows.map((r) => r.assessmentId));
  return (
    <>
      <Breadcrumbs
        trail={[
          { label: 'Assessments', href: '/app' },
          ...(assessmentIds.size === 1 && rows[0]
            ? [{ label: rows[0].assessmentTitle, href: `/app/assessments/${rows[0].assessmentId}` }]
            : []),
          { label: 'Compare' },
        ]}
      />
      <h1>Compare {rows.length} candidates</h1>
      {assessmentIds.size > 1 ? (
        <p class="alert alert-warn">
          These candidates took different assessments: scores and percentiles are each measured against their own test.
        </p>
      ) : null}
      <TableWrap class="panel" label="Candidates side by side">
        <table class="compare">
          <caption class="sr-only">Candidates side by side; the highest value in a row is marked</caption>
          <thead>
            <tr>
              <td />
              {rows.map((r) => (
                <th scope="col">
                  <a href={`/app/attempts/${r.attemptId}`}>{r.candidateName}</a>
                  <span class="muted small block">{r.candidateEmail}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {assessmentIds.size > 1 ? (
              <MetricRow label="Assessment" rows={rows} cell={(r) => r.assessmentTitle} />
            ) : null}
            <MetricRow label="Status" rows={rows} cell={(r) => <StatusBadge row={r} />} />
            <MetricRow
              label="Score"
              rows={rows}
              num
              cell={(r) => <ScoreText row={r} />}
              best={(r) => (done(r) ? r.scorePercent : null)}
            />
            <MetricRow label="Result" rows={rows} cell={(r) => <ResultBadge row={r} />} />
            {areas.map((a) => (
              <MetricRow
                label={a.title}
                rows={rows}
                num
                cell={(r) => areaPercent(r, a.id)}
                best={(r) => (done(r) ? (r.result?.byArea[a.id]?.percent ?? null) : null)}
              />
            ))}
            <MetricRow
              label="Percentile"
              rows={rows}
              num
              cell={(r) => percentileText(r.percentile)}
              best={(r) => r.percentile}
            />
            <MetricRow label="Time used" rows={rows} num cell={(r) => <TimeText row={r} />} />
            <MetricRow label="Left the test window" rows={rows} num cell={(r) => count(r.integrity.focusLost)} />
            <MetricRow label="Pasted text" rows={rows} num cell={(r) => count(r.integrity.paste)} />
            <MetricRow label="New browser or network" rows={rows} num cell={(r) => count(r.integrity.newOrigin)} />
            <MetricRow label="Answers after time was up" rows={rows} num cell={(r) => count(r.integrity.lateSave)} />
            <MetricRow label="Integrity in words" rows={rows} cell={(r) => <IntegrityText row={r} />} />
            <MetricRow label="Decision" rows={rows} cell={(r) => <DecisionText row={r} />} />
          </tbody>
        </table>
      </TableWrap>
      <p class="muted small">
        {standardErrorNote} Two scores whose ranges overlap are not clearly different. Integrity signals are evidence
        for a person to weigh, never a verdict.
      </p>
    </>
  );
}
