import { Breadcrumbs } from '../../components/breadcrumbs';
import { ErrorSummary, Field, TextArea } from '../../components/form';
import { plural } from '../../components/format';
import { BlueprintSection } from './blueprint-section';
import { CandidateViewSection } from './candidate-view-section';
import { AvailabilitySection, TimingSection } from './timing-section';
import type { AssessmentFormView, EditingInfo } from './types';

export type { AreaChoice, AssessmentFormValues, AssessmentFormView, BlueprintRowValues, EditingInfo } from './types';

/** Editing a version candidates have started: what changes in place and what makes a new version. */
function VersionNotice({ editing }: { editing: EditingInfo }) {
  return (
    <div class="alert alert-warn" role="note">
      <p>
        <strong>
          {plural(editing.attempts, 'candidate has', 'candidates have')} started version {editing.version}.
        </strong>{' '}
        For fairness, what they were tested on never changes. If you change the questions, the time limit, the pass mark
        or the shuffling, saving creates <strong>version {editing.version + 1}</strong>: new invitations use it, version{' '}
        {editing.version} is archived with its results, and invitations already sent stay on version {editing.version}.
      </p>
      <p>The title, the description, what candidates see after finishing and the dates change in place.</p>
    </div>
  );
}

/** A new assessment, or an edit of one: about, questions, timing, what candidates see, availability. */
/** "New assessment", or "Edit Backend engineer": the page's title and heading. */
export const assessmentFormTitle = (view: AssessmentFormView) =>
  view.editing ? `Edit ${view.editing.title}` : 'New assessment';

export function AssessmentFormPage({ view }: { view: AssessmentFormView }) {
  const { values, errors, editing } = view;
  const action = editing ? `/app/assessments/${editing.id}` : '/app/assessments';
  return (
    <>
      <Breadcrumbs
        trail={[
          { label: 'Assessments', href: '/app' },
          ...(editing ? [{ label: editing.title, href: `/app/assessments/${editing.id}` }] : []),
        ]}
      />
      <h1>{assessmentFormTitle(view)}</h1>
      {editing && editing.attempts > 0 ? <VersionNotice editing={editing} /> : null}
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
            <Field
              required
              name="title"
              label="Title"
              value={values.title}
              error={errors.title}
              hint="Up to 200 characters."
            />
            <TextArea
              name="description"
              label="Description for candidates"
              hint="Shown on the invitation page and in the email, before they start. Say what the role is and what the test covers. Optional, up to 2000 characters."
              maxlength={2000}
              value={values.description}
              error={errors.description}
            />
          </div>
        </fieldset>

        <BlueprintSection view={view} />
        <TimingSection values={values} errors={errors} />
        <CandidateViewSection values={values} errors={errors} />
        <AvailabilitySection values={values} errors={errors} />

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
    </>
  );
}
