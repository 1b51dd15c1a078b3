import type { Decision } from '../../src/engine/decisions';
import { type CandidateRow, decisionLabels, integrityWords } from '../../src/manage/candidates';
import { standardErrorNote } from '../../src/manage/stats';
import type { TimelineEntry } from '../../src/manage/timeline';
import { Breadcrumbs } from '../components/breadcrumbs';
import { AreaBars, type HBar, HBarChart } from '../components/charts';
import { FieldError, TextArea } from '../components/form';
import { formatDateTime, formatDuration, formatPercent, formatShare, plural } from '../components/format';
import { Time } from '../components/time';
import { DecisionText, IntegrityText, percentileText, StatusBadge, TimeText } from './pipeline/cells';

export interface NoteEntry {
  body: string;
  authorName: string;
  createdAt: number;
}

export interface DecisionEntry {
  decision: Decision;
  decidedBy: string;
  decidedAt: number;
}

export interface ReportQuestion {
  position: number;
  questionId: string;
  areaTitle: string;
  topic: string;
  type: string;
  difficulty: number;
  promptHtml: string;
  answerHtml: string;
  correctHtml: string;
  explanationHtml: string;
  ref: string | null;
  answered: boolean;
  credit: number;
  timeSpentMs: number;
  flagged: boolean;
}

export interface ReportView {
  row: CandidateRow & { attemptId: string };
  assessment: { id: string; title: string; version: number; passMark: number };
  areaTitles: Record<string, string>;
  /** Finished candidates of the assessment other than this one: what the percentile ranks against. */
  others: number;
  questions: ReportQuestion[];
  timeline: TimelineEntry[];
  notes: NoteEntry[];
  decisions: DecisionEntry[];
  canDecide: boolean;
  notice?: string;
  errors?: { note?: string; decision?: string };
  draft?: { note?: string; reason?: string; decision?: string };
}

export const typeLabels: Record<string, string> = {
  single: 'one answer',
  multiple: 'several answers',
  truefalse: 'true or false',
  text: 'short text',
  numeric: 'number',
  ordering: 'ordering',
};

function creditBadge(q: ReportQuestion) {
  if (!q.answered) return <span class="badge bad">Not answered</span>;
  if (q.credit >= 1) return <span class="badge ok">Correct</span>;
  if (q.credit > 0) return <span class="badge warn">Partly correct ({formatShare(q.credit)})</span>;
  return <span class="badge bad">Not correct</span>;
}

function Verdict({ view }: { view: ReportView }) {
  const { row, assessment } = view;
  if (row.status !== 'completed') {
    return (
      <div class="verdict">
        <p>
          <StatusBadge row={row} />
        </p>
        <p>
          Started {row.startedAt === null ? '' : formatDateTime(row.startedAt)}; time is up at{' '}
          {row.deadlineAt === null ? '–' : formatDateTime(row.deadlineAt)}. The score and the answers appear here when
          the candidate finishes.
        </p>
      </div>
    );
  }
  return (
    <div class="verdict">
      <div class="verdict-score">
        <p class="score-big" title={standardErrorNote}>
          {row.scorePercent === null ? '–' : formatPercent(row.scorePercent)}
          {row.standardError === null ? null : <span class="score-se"> ± {Math.round(row.standardError)}</span>}
        </p>
        <p>
          <span class={row.passed ? 'badge ok' : 'badge bad'}>{row.passed ? 'Passed' : 'Below the pass mark'}</span>{' '}
          <span class="muted">pass mark {assessment.passMark}%</span>
        </p>
      </div>
      <dl class="kpis">
        <div>
          <dt>Percentile</dt>
          <dd>{percentileText(row.percentile)}</dd>
          <dd class="small muted">
            {row.percentile === null
              ? 'first to finish'
              : `scored higher than ${Math.round(row.percentile)}% of ${plural(view.others, 'other finished candidate')}`}
          </dd>
        </div>
        <div>
          <dt>Time used</dt>
          <dd>
            <TimeText row={row} />
          </dd>
          <dd class="small muted">{row.timedOut ? 'time ran out' : 'submitted before the limit'}</dd>
        </div>
        <div>
          <dt>Completed</dt>
          <dd class="small">{row.completedAt === null ? '–' : formatDateTime(row.completedAt)}</dd>
        </div>
        <div>
          <dt>Decision</dt>
          <dd>
            <DecisionText row={row} />
          </dd>
        </div>
      </dl>
      <p class="small">
        <strong>Integrity signals:</strong> <IntegrityText row={row} />{' '}
        <a href="#integrity" class="no-print">
          see the timeline
        </a>
      </p>
    </div>
  );
}

function Activity({ view }: { view: ReportView }) {
  type Entry =
    | { at: number; kind: 'note'; note: NoteEntry }
    | { at: number; kind: 'decision'; d: DecisionEntry; prev?: DecisionEntry };
  const entries: Entry[] = [
    ...view.notes.map((note): Entry => ({ at: note.createdAt, kind: 'note', note })),
    ...view.decisions.map((d, i): Entry => ({ at: d.decidedAt, kind: 'decision', d, prev: view.decisions[i - 1] })),
  ];
  // Newest first; a decision sits above the reason noted with it at the same moment.
  entries.sort((a, b) => b.at - a.at || (a.kind === 'decision' ? -1 : 1));
  if (entries.length === 0) return <p class="muted">No notes or decisions yet.</p>;
  return (
    <ol class="activity">
      {entries.map((e) =>
        e.kind === 'note' ? (
          <li class="note">
            <p class="note-body">{e.note.body}</p>
            <p class="muted small">
              {e.note.authorName} · <Time at={e.at} />
            </p>
          </li>
        ) : (
          <li class="decision-entry">
            <p>
              <strong>{e.d.decidedBy}</strong> decided <strong>{decisionLabels[e.d.decision]}</strong>
              {e.prev && e.prev.decision !== e.d.decision ? ` (was ${decisionLabels[e.prev.decision]})` : ''}
            </p>
            <p class="muted small">
              <Time at={e.at} />
            </p>
          </li>
        ),
      )}
    </ol>
  );
}

function DecisionForm({ view }: { view: ReportView }) {
  const action = `/app/attempts/${view.row.attemptId}/decision`;
  if (!view.canDecide) {
    return (
      <p class="muted small">
        Decisions are recorded by admins and owners. Add a note with your recommendation and they will see it here.
      </p>
    );
  }
  if (view.row.status !== 'completed') {
    return <p class="muted small">You can record a decision once the candidate has finished.</p>;
  }
  const current = view.draft?.decision ?? view.row.decision?.decision;
  return (
    <form method="post" action={action} class="stack decision-form">
      <fieldset aria-describedby={view.errors?.decision ? 'decision-error' : undefined}>
        <legend>Decision</legend>
        <div class="choice-row">
          {(['advance', 'hold', 'reject'] as const).map((d) => (
            <label class="choice">
              <input type="radio" name="decision" value={d} checked={current === d} required /> {decisionLabels[d]}
            </label>
          ))}
        </div>
      </fieldset>
      <FieldError id="decision-error" error={view.errors?.decision} />
      <div>
        <label for="f-reason">
          Reason <span class="hint">Optional; kept with the decision as a note for your team.</span>
        </label>
        <textarea id="f-reason" name="reason" maxlength={2000} rows={2}>
          {view.draft?.reason ?? ''}
        </textarea>
      </div>
      <button type="submit">Record decision</button>
    </form>
  );
}

function NoteForm({ view }: { view: ReportView }) {
  const error = view.errors?.note;
  return (
    <form method="post" action={`/app/attempts/${view.row.attemptId}/notes`} class="stack note-form">
      <TextArea
        name="body"
        id="f-note"
        label="Add a note"
        hint="Visible to your team only, never to the candidate. Up to 2,000 characters."
        required
        maxlength={2000}
        rows={3}
        value={view.draft?.note}
        error={error}
      />
      <button type="submit" class="secondary">
        Add note
      </button>
    </form>
  );
}

function TimePerQuestion({ view }: { view: ReportView }) {
  const qs = view.questions;
  const pace = qs.length ? view.row.timeAllowedSeconds / qs.length : 0;
  const seconds = qs.map((q) => Math.round(q.timeSpentMs / 1000));
  const bars = qs.map(
    (q, i): HBar => ({
      label: `Q${q.position + 1}`,
      value: seconds[i] ?? 0,
      display: formatDuration(seconds[i] ?? 0),
      tone: !q.answered || q.credit <= 0 ? 'fail' : q.credit >= 1 ? 'pass' : 'partial',
      note: `${!q.answered ? 'not answered' : q.credit >= 1 ? 'correct' : q.credit > 0 ? 'partly correct' : 'not correct'}${q.flagged ? ', flagged' : ''}`,
    }),
  );
  return (
    <HBarChart
      id="time-bars"
      summary="Time spent on each question; green correct, amber partly correct, red not correct or not answered"
      bars={bars}
      max={Math.max(1, ...seconds, Math.round(pace * 1.25))}
      mark={pace > 0 ? { value: Math.round(pace), label: `Even pace ${formatDuration(pace)}` } : null}
    />
  );
}

function Integrity({ view }: { view: ReportView }) {
  const words = integrityWords(view.row.integrity);
  return (
    <section class="panel" id="integrity" aria-labelledby="integrity-title">
      <h2 id="integrity-title">Integrity timeline</h2>
      <p>{words.length === 0 ? 'No signals were recorded.' : `Recorded: ${words.join('; ')}.`}</p>
      <p class="muted small">
        These signals are evidence for a person to weigh, never a verdict on their own. People glance at another window
        to check the time or a message, paste their own notes, and laptops change networks (a train's Wi-Fi, a phone's
        hotspot). Read them together with the answers, and ask the candidate when something matters.
      </p>
      <ol class="timeline">
        {view.timeline.map((e) => (
          <li class={e.signal ? 'signal' : undefined}>
            <Time at={e.at} class="mono">
              +{formatDuration(e.offsetMs / 1000)}
            </Time>{' '}
            {e.words}
            {e.signal ? <span class="sr-only"> (signal)</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Answers({ view }: { view: ReportView }) {
  return (
    <section class="panel answers" aria-labelledby="answers-title">
      <h2 id="answers-title">Answers</h2>
      {view.questions.map((q) => (
        <article class="review-item" id={`q${q.position + 1}`}>
          <h3>
            Question {q.position + 1} {creditBadge(q)}
            {q.flagged ? <span class="badge warn"> ⚑ flagged by the candidate</span> : null}
          </h3>
          <p class="muted small">
            {q.areaTitle} · {q.topic} · {typeLabels[q.type] ?? q.type} · difficulty {q.difficulty} of 5 ·{' '}
            {formatDuration(q.timeSpentMs / 1000)} on this question · <code>{q.questionId}</code>
          </p>
          <div class="prompt" dangerouslySetInnerHTML={{ __html: q.promptHtml }} />
          <dl class="answer-pair">
            <dt>Candidate's answer</dt>
            <dd dangerouslySetInnerHTML={{ __html: q.answerHtml }} />
            <dt>Correct answer</dt>
            <dd dangerouslySetInnerHTML={{ __html: q.correctHtml }} />
          </dl>
          <div class="explanation">
            <p class="small muted">Explanation</p>
            <div dangerouslySetInnerHTML={{ __html: q.explanationHtml }} />
            {q.ref ? (
              <p class="small">
                <a href={q.ref} rel="noopener noreferrer">
                  Documentation
                </a>
              </p>
            ) : null}
          </div>
        </article>
      ))}
    </section>
  );
}

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
      <Integrity view={p.view} />
      {done ? <Answers view={p.view} /> : null}
    </>
  );
}
