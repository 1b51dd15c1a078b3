/** Inviting: one candidate by name and email, or many from a pasted list or a CSV file. */
import { Field, FormError, type FormErrors, TextArea } from '../../components/form';
import type { InvitationsView } from './types';

/** Expiry and extra time; both invite forms have them, so ids carry the form's name to stay unique. */
function Terms(p: {
  form: string;
  values: Record<string, string>;
  errors: FormErrors;
  days: number;
  expiryLabel: string;
  extraHint: string;
}) {
  const input = (name: string, label: string, value: string, min: number, max: number, hint: string) => (
    <Field
      name={name}
      id={`${p.form}-${name}`}
      label={label}
      hint={hint}
      type="number"
      inputmode="numeric"
      min={min}
      max={max}
      value={value}
      error={p.errors[name]}
    />
  );
  return (
    <div class="form-row">
      {input('expiryDays', p.expiryLabel, p.values.expiryDays ?? String(p.days), 1, 90, 'From 1 to 90 days.')}
      {input('extraMinutes', 'Extra time (minutes)', p.values.extraMinutes ?? '0', 0, 600, p.extraHint)}
    </div>
  );
}

export function InviteOneForm({ view }: { view: InvitationsView }) {
  const { values, errors } = view.single;
  return (
    <section class="panel" aria-labelledby="invite-one">
      <h2 id="invite-one">Invite one candidate</h2>
      <form method="post" action={`/app/assessments/${view.assessment.id}/invitations`} class="stack" novalidate>
        <FormError error={errors.form} />
        <Field required name="name" label="Name" value={values.name} error={errors.name} autocomplete="off" />
        <Field
          required
          name="email"
          label="Email"
          type="email"
          value={values.email}
          error={errors.email}
          autocomplete="off"
        />
        <Terms
          form="one"
          values={values}
          errors={errors}
          days={view.defaultExpiryDays}
          expiryLabel="Link valid for (days)"
          extraHint="An accommodation for this candidate only."
        />
        <div>
          <button type="submit">{view.emailMode === 'webhook' ? 'Send invitation' : 'Create invitation link'}</button>
        </div>
      </form>
    </section>
  );
}

export function InviteManyForm({ view }: { view: InvitationsView }) {
  const { values, errors, problems, summary } = view.bulk;
  return (
    <section class="panel" aria-labelledby="invite-many">
      <h2 id="invite-many">Invite many at once</h2>
      {summary ? (
        <div class="alert alert-warn" role="alert">
          <p>
            <strong>{summary}</strong> Nothing was created for the lines below; fix them and send them again.
          </p>
          <ul class="problems">
            {problems.map((p) => (
              <li>
                <strong>{p.where}</strong>: {p.message} <code>{p.raw}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form
        method="post"
        action={`/app/assessments/${view.assessment.id}/invitations/bulk`}
        enctype="multipart/form-data"
        class="stack"
        novalidate
      >
        <FormError error={errors.form} />
        <TextArea
          name="lines"
          label="Paste a list"
          hint={
            <>
              One person per line: <code>Ada Lovelace, ada@example.com</code> or{' '}
              <code>Ada Lovelace &lt;ada@example.com&gt;</code>. Rows copied from a spreadsheet work too.
            </>
          }
          rows={6}
          spellcheck={false}
          value={values.lines}
        />
        <div>
          <label for="f-csv">Or upload a CSV file</label>
          <span class="hint" id="f-csv-hint">
            Columns <code>name,email</code> and optionally <code>extra_minutes</code>, with or without a header row. Up
            to 500 people per upload.
          </span>
          <input id="f-csv" name="csv" type="file" accept=".csv,text/csv,text/plain" aria-describedby="f-csv-hint" />
        </div>
        <Terms
          form="many"
          values={values}
          errors={errors}
          days={view.defaultExpiryDays}
          expiryLabel="Links valid for (days)"
          extraHint="For everyone without an extra_minutes column."
        />
        <div>
          <button type="submit">{view.emailMode === 'webhook' ? 'Send invitations' : 'Create invitation links'}</button>
        </div>
      </form>
    </section>
  );
}
