import type { Child } from 'hono/jsx';
import { Field, FormError, type FormErrors } from '../components/form';

/** The one panel of an account page: its title, a word of introduction, what went wrong, the form. */
export function FormPanel(props: { title: string; intro?: Child; error?: string; children: Child }) {
  return (
    <section class="panel narrow">
      <h1>{props.title}</h1>
      {props.intro}
      <FormError error={props.error} />
      {props.children}
    </section>
  );
}

export const signupTitle = (firstRun: boolean) => (firstRun ? 'Create the first account' : 'Create your account');
export const loginTitle = 'Sign in';
export const passwordTitle = 'Change your password';

/** Where a team invitation sends people to sign up (src/routes/join.tsx): they join an existing organization. */
const teamJoinPath = /^\/team\/join\/[\w.-]+$/;

export function SignupPage(p: {
  values: Record<string, string | undefined>;
  errors: FormErrors;
  firstRun: boolean;
  next?: string;
}) {
  const joining = !p.firstRun && teamJoinPath.test(p.next ?? '');
  return (
    <FormPanel
      title={signupTitle(p.firstRun)}
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
        <Field required name="name" label="Your name" value={p.values.name} error={p.errors.name} autocomplete="name" />
        <Field
          required
          name="email"
          label="Email"
          type="email"
          value={p.values.email}
          error={p.errors.email}
          autocomplete="email"
        />
        <Field
          required
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
            autocomplete="organization"
          />
        )}
        <button type="submit">Create account</button>
      </form>
      <p>
        Already have an account? <a href={p.next ? `/login?next=${encodeURIComponent(p.next)}` : '/login'}>Sign in</a>
      </p>
    </FormPanel>
  );
}

export function LoginPage(p: { email?: string; error?: string; next?: string; notice?: string }) {
  return (
    <FormPanel
      title={loginTitle}
      error={p.error}
      intro={p.notice ? <p class="alert alert-ok">{p.notice}</p> : undefined}
    >
      <form method="post" action="/login" class="stack" novalidate>
        <input type="hidden" name="next" value={p.next ?? ''} />
        <Field required name="email" label="Email" type="email" value={p.email} autocomplete="username" />
        <Field required name="password" label="Password" type="password" autocomplete="current-password" />
        <button type="submit">Sign in</button>
      </form>
      <p>
        <a href="/password/forgot">Forgot your password?</a>
      </p>
      <p>
        No account yet? <a href={p.next ? `/signup?next=${encodeURIComponent(p.next)}` : '/signup'}>Create one</a>
      </p>
    </FormPanel>
  );
}

export function PasswordPage(p: { errors: FormErrors; done?: boolean }) {
  return (
    <FormPanel title={passwordTitle} error={p.errors.form}>
      {p.done ? (
        <p class="alert alert-ok" role="status">
          Password changed. Other sessions were signed out.
        </p>
      ) : null}
      <form method="post" action="/account/password" class="stack" novalidate>
        <Field
          required
          name="current"
          label="Current password"
          type="password"
          error={p.errors.current}
          autocomplete="current-password"
        />
        <Field
          required
          name="password"
          label="New password"
          type="password"
          error={p.errors.password}
          hint="At least 10 characters."
          autocomplete="new-password"
        />
        <button type="submit">Change password</button>
      </form>
    </FormPanel>
  );
}
