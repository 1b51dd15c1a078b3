import { Field, type FormErrors } from '../../components/form';
import type { AssessmentFormValues } from './types';

/** The time limit and the pass mark: frozen once candidates have started (a change makes a new version). */
export function TimingSection({ values, errors }: { values: AssessmentFormValues; errors: FormErrors }) {
  return (
    <fieldset>
      <legend>Time and pass mark</legend>
      <div class="form-row">
        <Field
          name="timeLimitMinutes"
          label="Time limit (minutes)"
          hint="One sitting, counted by the server from the moment the candidate starts. About 1 to 2 minutes per question is usual."
          type="number"
          inputmode="numeric"
          min={1}
          max={600}
          step={1}
          value={values.timeLimitMinutes}
          error={errors.timeLimitMinutes}
        />
        <Field
          name="passMark"
          label="Pass mark (%)"
          hint="Scores at or above it are marked as passed in reports."
          type="number"
          inputmode="numeric"
          min={0}
          max={100}
          step={1}
          value={values.passMark}
          error={errors.passMark}
        />
      </div>
    </fieldset>
  );
}

/** When candidates can start: optional dates, in UTC like every date the server shows. */
export function AvailabilitySection({ values, errors }: { values: AssessmentFormValues; errors: FormErrors }) {
  return (
    <fieldset>
      <legend>Availability (optional)</legend>
      <div class="form-row">
        <Field
          name="opensAt"
          label="Opens at (UTC)"
          hint="Before this, invitation links say when the test opens. Empty: open now."
          type="datetime-local"
          value={values.opensAt}
          error={errors.opensAt}
        />
        <Field
          name="closesAt"
          label="Closes at (UTC)"
          hint="After this, nobody can start. Empty: no closing date; invitations still expire."
          type="datetime-local"
          value={values.closesAt}
          error={errors.closesAt}
        />
      </div>
    </fieldset>
  );
}
