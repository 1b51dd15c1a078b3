/** Decisions and notes: the team's record on a candidate, newest first, and the forms that add to it. */
import { decisionLabels } from '../../../src/manage/candidates';
import { FieldError, TextArea } from '../../components/form';
import { Time } from '../../components/time';
import type { DecisionEntry, NoteEntry, ReportView } from './types';

export function Activity({ view }: { view: ReportView }) {
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

export function DecisionForm({ view }: { view: ReportView }) {
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

export function NoteForm({ view }: { view: ReportView }) {
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
