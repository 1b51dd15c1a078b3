import type { Child } from 'hono/jsx';
import { Layout, type NavUser } from '../layout';

export interface FormErrors {
  [field: string]: string | undefined;
}

/** A labelled input with its error tied to it for screen readers. */
export function Field(props: {
  name: string;
  label: string;
  type?: string;
  value?: string;
  error?: string;
  hint?: string;
  autocomplete?: string;
  required?: boolean;
}) {
  const id = `f-${props.name}`;
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div>
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        required={props.required ?? true}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
      {props.error ? (
        <p class="alert alert-error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

export function FormPage(props: {
  title: string;
  nonce?: string;
  user?: NavUser | null;
  intro?: Child;
  error?: string;
  children: Child;
}) {
  return (
    <Layout title={props.title} nonce={props.nonce} user={props.user}>
      <section class="panel narrow">
        <h1>{props.title}</h1>
        {props.intro}
        {props.error ? (
          <p class="alert alert-error" role="alert">
            {props.error}
          </p>
        ) : null}
        {props.children}
      </section>
    </Layout>
  );
}

/** Where a team invitation sends people to sign up (src/routes/join.tsx): they join an existing organization. */
const teamJoinPath = /^\/team\/join\/[\w.-]+$/;

export function SignupPage(p: {
  values: Record<string, string | undefined>;
  errors: FormErrors;
  nonce?: string;
  firstRun: boolean;
  next?: string;
}) {
  const joining = !p.firstRun && teamJoinPath.test(p.next ?? '');
  return (
    <FormPage
      title={p.firstRun ? 'Create the first account' : 'Create your account'}
      nonce={p.nonce}
      error={p.errors.form}
      intro={
        <p class="muted">
          {p.firstRun
            ? 'This Skillcheck has no accounts yet. The first account owns its organization.'
            : joining
              ? 'Use the address your invitation was sent to. You accept the invitation on the next page.'
              : 'Test candidates with your team, or keep your own practice history.'}
        </p>
      }
    >
      <form method="post" action="/signup" class="stack" novalidate>
        <input type="hidden" name="next" value={p.next ?? ''} />
        <Field name="name" label="Your name" value={p.values.name} error={p.errors.name} autocomplete="name" />
        <Field
          name="email"
          label="Email"
          type="email"
          value={p.values.email}
          error={p.errors.email}
          autocomplete="email"
        />
        <Field
          name="password"
          label="Password"
          type="password"
          error={p.errors.password}
          hint="At least 10 characters. A phrase of several words is easy to remember."
          autocomplete="new-password"
        />
        {/* Someone joining a team by invitation gets its organization; a second one would only confuse. */}
        {joining ? null : (
          <Field
            name="orgName"
            label="Organization"
            value={p.values.orgName}
            error={p.errors.orgName}
            hint="Your company or team. Leave empty if you only want to practise."
            required={false}
            autocomplete="organization"
          />
        )}
        <button type="submit">Create account</button>
      </form>
      <p>
        Already have an account? <a href={p.next ? `/login?next=${encodeURIComponent(p.next)}` : '/login'}>Sign in</a>
      </p>
    </FormPage>
  );
}

export function LoginPage(p: { email?: string; error?: string; next?: string; nonce?: string; notice?: string }) {
  return (
    <FormPage
      title="Sign in"
      nonce={p.nonce}
      error={p.error}
      intro={p.notice ? <p class="alert alert-ok">{p.notice}</p> : undefined}
    >
      <form method="post" action="/login" class="stack" novalidate>
        <input type="hidden" name="next" value={p.next ?? ''} />
        <Field name="email" label="Email" type="email" value={p.email} autocomplete="username" />
        <Field name="password" label="Password" type="password" autocomplete="current-password" />
        <button type="submit">Sign in</button>
      </form>
      <p>
        <a href="/password/forgot">Forgot your password?</a>
      </p>
      <p>
        No account yet? <a href={p.next ? `/signup?next=${encodeURIComponent(p.next)}` : '/signup'}>Create one</a>
      </p>
    </FormPage>
  );
}

export function PasswordPage(p: { errors: FormErrors; done?: boolean; nonce?: string; user: NavUser }) {
  return (
    <FormPage title="Change your password" nonce={p.nonce} user={p.user} error={p.errors.form}>
      {p.done ? (
        <p class="alert alert-ok" role="status">
          Password changed. Other sessions were signed out.
        </p>
      ) : null}
      <form method="post" action="/account/password" class="stack" novalidate>
        <Field
          name="current"
          label="Current password"
          type="password"
          error={p.errors.current}
          autocomplete="current-password"
        />
        <Field
          name="password"
          label="New password"
          type="password"
          error={p.errors.password}
          hint="At least 10 characters."
          autocomplete="new-password"
        />
        <button type="submit">Change password</button>
      </form>
    </FormPage>
  );
}
