import type { ShowAfter } from '../../src/engine/assessment';
import type { Band } from '../../src/engine/blueprint';
import type { Member } from '../../src/middleware/auth';
import { plural } from '../candidate/format';
import { Field, type FormErrors } from '../pages/auth';
import { ManageLayout } from './shell';

export interface AreaChoice {
  id: string;
  title: string;
  /** Active questions per difficulty band: what a draw can take from. */
  byBand: Record<Band, number>;
}

export interface BlueprintRowValues {
  area: string;
  count: string;
  easy: string;
  medium: string;
  hard: string;
}

/** The form as typed: strings, so a rejected value comes back exactly as the person wrote it. */
export interface AssessmentFormValues {
  title: string;
  description: string;
  rows: BlueprintRowValues[];
  timeLimitMinutes: string;
  passMark: string;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  showAfter: ShowAfter;
  opensAt: string;
  closesAt: string;
}

export interface EditingInfo {
  id: string;
  title: string;
  version: number;
  /** Candidates who started this version: above 0, frozen fields can only change in a new version. */
  attempts: number;
}

export interface AssessmentFormView {
  editing?: EditingInfo;
  areas: AreaChoice[];
  values: AssessmentFormValues;
  errors: FormErrors;
  /** Per area with questions: how many easy / medium / hard questions each candidate will get. */
  plans: Record<string, Record<Band, number>>;
  /** Shown after "Check the draw" found nothing wrong. */
  checked?: boolean;
}

const showAfterChoices: { value: ShowAfter; label: string; hint: string }[] = [
  {
    value: 'thanks',
    label: 'A thank-you message only',
    hint: 'Candidates learn nothing about their score. Usual for hiring.',
  },
  {
    value: 'score',
    label: 'Their score, with a breakdown per skill area',
    hint: 'No questions or answers are shown.',
  },
  {
    value: 'review',
    label: 'A full review: every question, their answer, the correct answer and the explanation',
    hint: 'Best for learning; it also exposes the questions they were drawn.',
  },
];

const bandLabels: Record<Band, string> = { easy: 'Easy', medium: 'Medium', hard: 'Hard' };

/** Errors first, each linking to its field, so a keyboard or screen reader user lands on what to fix. */
function ErrorSummary({ errors }: { errors: FormErrors }) {
  const entries = Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1]));
  if (entries.length === 0) return null;
  return (
    <div class="alert alert-error" role="alert" aria-labelledby="error-summary-title">
      <p id="error-summary-title">
        <strong>
          {entries.length === 1 ? 'One thing needs your attention:' : `${entries.length} things need your attention:`}
        </strong>
      </p>
      <ul>
        {entries.map(([key, message]) => (
          <li>{key === 'form' ? message : <a href={`#f-${key}`}>{message}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

function NumberInput(props: {
  name: string;
  value: string;
  label: string;
  error?: string;
  min: number;
  max: number;
  labelHidden?: boolean;
  describedBy?: string;
  /** Where the error message is, when it is not this input's own `-error` paragraph. */
  errorId?: string;
}) {
  const id = `f-${props.name}`;
  const described = [props.describedBy, props.error ? (props.errorId ?? `${id}-error`) : ''].filter(Boolean).join(' ');
  return (
    <>
      <label for={id} class={props.labelHidden ? 'sr-only' : undefined}>
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        type="number"
        inputmode="numeric"
        min={String(props.min)}
        max={String(props.max)}
        step="1"
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
    </>
  );
}

function BlueprintTable({ view }: { view: AssessmentFormView }) {
  const rows = new Map(view.values.rows.map((r) => [r.area, r]));
  const total = view.values.rows.reduce((sum, r) => sum + (/^\d+$/.test(r.count) ? Number(r.count) : 0), 0);
  return (
    <fieldset class="blueprint">
      <legend>Questions</legend>
      <p class="hint" id="blueprint-hint">
        For each skill area, choose how many questions every candidate gets; 0 leaves the area out. Each candidate gets
        their own random draw from the area's active questions, spread over its topics. The difficulty mix is a ratio
        between easy (difficulty 1–2), medium (3) and hard (4–5) questions: 1 : 2 : 1 means a quarter easy, half medium
        and a quarter hard; 1 : 0 : 0 means easy only. When a band runs short, the draw takes the nearest band instead,
        so the count is always met.
      </p>
      {view.errors.blueprint ? (
        <p class="alert alert-error" id="f-blueprint">
          {view.errors.blueprint}
        </p>
      ) : null}
      <div class="table-wrap">
        <table class="blueprint-table">
          <caption class="sr-only">Questions per skill area and their difficulty mix</caption>
          <thead>
            <tr>
              <th scope="col">Skill area</th>
              <th scope="col" class="num">
                Questions
              </th>
              <th scope="col">Difficulty mix (easy : medium : hard)</th>
              <th scope="col">Each candidate gets</th>
            </tr>
          </thead>
          <tbody>
            {view.areas.map((area) => {
              const row = rows.get(area.id) ?? { area: area.id, count: '0', easy: '1', medium: '2', hard: '1' };
              const available = area.byBand.easy + area.byBand.medium + area.byBand.hard;
              const countError = view.errors[`count_${area.id}`];
              const mixError = view.errors[`mix_${area.id}`];
              const plan = view.plans[area.id];
              const availableId = `avail-${area.id}`;
              return (
                <>
                  <tr>
                    <th scope="row">
                      {area.title}
                      <span class="hint" id={availableId}>
                        {plural(available, 'active question')}: {area.byBand.easy} easy · {area.byBand.medium} medium ·{' '}
                        {area.byBand.hard} hard
                      </span>
                    </th>
                    <td class="num" data-label="Questions">
                      <NumberInput
                        name={`count_${area.id}`}
                        value={row.count}
                        label={`Questions from ${area.title}`}
                        labelHidden
                        min={0}
                        max={available}
                        error={countError}
                        describedBy={availableId}
                      />
                    </td>
                    <td data-label="Difficulty mix (easy : medium : hard)">
                      <div class="mix">
                        {(['easy', 'medium', 'hard'] as const).map((band) => (
                          <span>
                            <NumberInput
                              name={`${band}_${area.id}`}
                              value={row[band]}
                              label={`${bandLabels[band]} weight for ${area.title}`}
                              labelHidden
                              min={0}
                              max={100}
                              error={mixError}
                              errorId={`f-mix_${area.id}`}
                            />
                            <span aria-hidden="true" class="small muted">
                              {bandLabels[band].toLowerCase()}
                            </span>
                          </span>
                        ))}
                      </div>
                    </td>
                    <td data-label="Each candidate gets">
                      {plan ? (
                        <span class="small">
                          {plan.easy} easy · {plan.medium} medium · {plan.hard} hard
                        </span>
                      ) : (
                        <span class="small muted">—</span>
                      )}
                    </td>
                  </tr>
                  {countError || mixError ? (
                    <tr class="row-error">
                      <td colspan={4}>
                        {countError ? (
                          <p class="alert alert-error small" id={`f-count_${area.id}-error`}>
                            {countError}
                          </p>
                        ) : null}
                        {mixError ? (
                          <p class="alert alert-error small" id={`f-mix_${area.id}`}>
                            {mixError}
                          </p>
                        ) : null}
                      </td>
                    </tr>
                  ) : null}
                </>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td class="num">{total}</td>
              <td colspan={2} class="small muted">
                The split per candidate is shown after you check the draw or save.
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </fieldset>
  );
}

function DateField(props: { name: string; label: string; value: string; error?: string; hint: string }) {
  const id = `f-${props.name}`;
  return (
    <div>
      <label for={id}>{props.label}</label>
      <span class="hint" id={`${id}-hint`}>
        {props.hint}
      </span>
      <input
        id={id}
        name={props.name}
        type="datetime-local"
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={[`${id}-hint`, props.error ? `${id}-error` : ''].filter(Boolean).join(' ')}
      />
      {props.error ? (
        <p class="alert alert-error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

function FieldError({ name, error }: { name: string; error?: string }) {
  return error ? (
    <p class="alert alert-error" id={`f-${name}-error`}>
      {error}
    </p>
  ) : null;
}

export function AssessmentFormPage({
  member,
  view,
  nonce,
}: {
  member: Member;
  view: AssessmentFormView;
  nonce?: string;
}) {
  const { values, errors, editing } = view;
  const title = editing ? `Edit ${editing.title}` : 'New assessment';
  const action = editing ? `/app/assessments/${editing.id}` : '/app/assessments';
  return (
    <ManageLayout member={member} title={title} nonce={nonce} section="assessments">
      <nav aria-label="Breadcrumb" class="breadcrumb small">
        <a href="/app">Assessments</a>
        {editing ? (
          <>
            {' › '}
            <a href={`/app/assessments/${editing.id}`}>{editing.title}</a>
          </>
        ) : null}
      </nav>
      <h1>{title}</h1>
      {editing && editing.attempts > 0 ? (
        <div class="alert alert-warn" role="note">
          <p>
            <strong>
              {plural(editing.attempts, 'candidate has', 'candidates have')} started version {editing.version}.
            </strong>{' '}
            For fairness, what they were tested on never changes. If you change the questions, the time limit, the pass
            mark or the shuffling, saving creates <strong>version {editing.version + 1}</strong>: new invitations use
            it, version {editing.version} is archived with its results, and invitations already sent stay on version{' '}
            {editing.version}.
          </p>
          <p>The title, the description, what candidates see after finishing and the dates change in place.</p>
        </div>
      ) : null}
      {view.checked ? (
        <p class="alert alert-ok" role="status">
          The draw works: every candidate will get the questions shown below. Nothing was saved yet.
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="post" action={action} class="assessment-form" novalidate>
        <fieldset>
          <legend>About</legend>
          <div class="stack">
            <Field name="title" label="Title" value={values.title} error={errors.title} hint="Up to 200 characters." />
            <div>
              <label for="f-description">Description for candidates</label>
              <span class="hint" id="f-description-hint">
                Shown on the invitation page and in the email, before they start. Say what the role is and what the test
                covers. Optional, up to 2000 characters.
              </span>
              <textarea
                id="f-description"
                name="description"
                maxlength={2000}
                aria-invalid={errors.description ? 'true' : undefined}
                aria-describedby={`f-description-hint${errors.description ? ' f-description-error' : ''}`}
              >
                {values.description}
              </textarea>
              <FieldError name="description" error={errors.description} />
            </div>
          </div>
        </fieldset>

        <BlueprintTable view={view} />

        <fieldset>
          <legend>Time and pass mark</legend>
          <div class="form-row">
            <div>
              <NumberInput
                name="timeLimitMinutes"
                value={values.timeLimitMinutes}
                label="Time limit (minutes)"
                min={1}
                max={600}
                error={errors.timeLimitMinutes}
                describedBy="f-timeLimitMinutes-hint"
              />
              <span class="hint" id="f-timeLimitMinutes-hint">
                One sitting, counted by the server from the moment the candidate starts. About 1 to 2 minutes per
                question is usual.
              </span>
              <FieldError name="timeLimitMinutes" error={errors.timeLimitMinutes} />
            </div>
            <div>
              <NumberInput
                name="passMark"
                value={values.passMark}
                label="Pass mark (%)"
                min={0}
                max={100}
                error={errors.passMark}
                describedBy="f-passMark-hint"
              />
              <span class="hint" id="f-passMark-hint">
                Scores at or above it are marked as passed in reports.
              </span>
              <FieldError name="passMark" error={errors.passMark} />
            </div>
          </div>
        </fieldset>

        <fieldset>
          <legend>Delivery</legend>
          <label class="check">
            <input type="checkbox" name="shuffleQuestions" value="1" checked={values.shuffleQuestions} /> Shuffle the
            order of questions for each candidate
          </label>
          <label class="check">
            <input type="checkbox" name="shuffleOptions" value="1" checked={values.shuffleOptions} /> Shuffle the
            options of each question
          </label>
          <fieldset class="choices" id="f-showAfter">
            <legend>After finishing, candidates see</legend>
            {showAfterChoices.map((choice) => (
              <label class="check">
                <input type="radio" name="showAfter" value={choice.value} checked={values.showAfter === choice.value} />{' '}
                {choice.label}
                <span class="hint">{choice.hint}</span>
              </label>
            ))}
            <FieldError name="showAfter" error={errors.showAfter} />
          </fieldset>
        </fieldset>

        <fieldset>
          <legend>Availability (optional)</legend>
          <div class="form-row">
            <DateField
              name="opensAt"
              label="Opens at (UTC)"
              value={values.opensAt}
              error={errors.opensAt}
              hint="Before this, invitation links say when the test opens. Empty: open now."
            />
            <DateField
              name="closesAt"
              label="Closes at (UTC)"
              value={values.closesAt}
              error={errors.closesAt}
              hint="After this, nobody can start. Empty: no closing date; invitations still expire."
            />
          </div>
        </fieldset>

        <div class="actions">
          <button type="submit">{editing ? 'Save changes' : 'Create assessment'}</button>
          <button type="submit" name="intent" value="check" class="secondary">
            Check the draw without saving
          </button>
          <a class="button secondary" href={editing ? `/app/assessments/${editing.id}` : '/app'}>
            Cancel
          </a>
        </div>
      </form>
    </ManageLayout>
  );
}

/**
 * Duplicate and archive / unarchive, as POST forms, for the assessment's own page (admins only):
 * `<AssessmentAdminActions id={a.id} status={a.status} />`.
 */
export function AssessmentAdminActions({ id, status }: { id: string; status: 'active' | 'archived' }) {
  return (
    <div class="actions admin-actions">
      <form method="post" action={`/app/assessments/${id}/duplicate`}>
        <button type="submit" class="secondary small">
          Duplicate
        </button>
      </form>
      {status === 'active' ? (
        <form method="post" action={`/app/assessments/${id}/archive`}>
          <button type="submit" class="secondary small" aria-describedby={`archive-hint-${id}`}>
            Archive
          </button>
          <span class="hint" id={`archive-hint-${id}`}>
            Hides it from the list; links not yet used stop working. Results stay.
          </span>
        </form>
      ) : (
        <form method="post" action={`/app/assessments/${id}/unarchive`}>
          <button type="submit" class="secondary small">
            Unarchive
          </button>
        </form>
      )}
    </div>
  );
}
