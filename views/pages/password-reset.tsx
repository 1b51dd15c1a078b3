import { Field, type FormErrors } from '../components/form';
import { FormPanel } from './auth';

export const forgotPasswordTitle = 'Forgot your password?';
export const resetPasswordTitle = 'Set a new password';

/** Asking for a link to set a new password; the answer is the same whether the email has an account. */
export function ForgotPasswordPage(p: { email?: string; emailEnabled: boolean; sent?: boolean; error?: string }) {
  if (!p.emailEnabled) {
    return (
      <FormPanel title={forgotPasswordTitle}>
        <p>
          This server is not set up to send email, so it cannot send you a link to set a new password. Ask the person
          who runs it for help. If your sign-ins are being held up after failed attempts, an owner or admin of your team
          can unlock your account from the team page, and on the server <code>npm run account:unlock</code> does the
          same.
        </p>
        <p>
          <a href="/login">Back to sign in</a>
        </p>
      </FormPanel>
    );
  }
  return (
    <FormPanel
      title={forgotPasswordTitle}
      error={p.error}
      intro={<p class="muted">We email you a link to set a new one. It works once, for an hour.</p>}
    >
      {p.sent ? (
        <p class="alert alert-ok" role="status">
          If an account uses {p.email}, we have sent it a link to set a new password. Check your inbox (and spam
          folder); it can take a few minutes.
        </p>
      ) : null}
      <form method="post" action="/password/forgot" class="stack" novalidate>
        <Field required name="email" label="Email" type="email" value={p.email} autocomplete="username" />
        <button type="submit">Send the link</button>
      </form>
      <p>
        <a href="/login">Back to sign in</a>
      </p>
    </FormPanel>
  );
}

export function ResetPasswordPage(p: { token: string; email: string; errors: FormErrors }) {
  return (
    <FormPanel title={resetPasswordTitle} error={p.errors.form}>
      <p class="muted">For {p.email}. Your other sessions are signed out when you save it.</p>
      <form method="post" action={`/password/reset/${p.token}`} class="stack" novalidate>
        <input type="text" name="email" value={p.email} autocomplete="username" hidden />
        <Field
          required
          name="password"
          label="New password"
          type="password"
          error={p.errors.password}
          hint="At least 10 characters. A phrase of several words is easy to remember."
          autocomplete="new-password"
        />
        <button type="submit">Save and sign in</button>
      </form>
    </FormPanel>
  );
}
