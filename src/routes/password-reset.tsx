import { type Context, Hono } from 'hono';
import {
  ForgotPasswordPage,
  forgotPasswordTitle,
  ResetPasswordPage,
  resetPasswordTitle,
} from '../../views/pages/password-reset';
import { rememberDevice } from '../auth/known-device';
import { hashPassword, passwordProblem } from '../auth/password';
import { passwordResetToken, resetTtlSeconds, userOfResetToken } from '../auth/password-reset';
import { startSession } from '../auth/session';
import { resetMailBucket, resetRequestBucket, retryText } from '../auth/throttle';
import { escapeHtml } from '../candidate/describe';
import {
  findUserByEmail,
  membershipsOf,
  normalizeEmail,
  revokeOtherSessions,
  updatePasswordHash,
} from '../db/accounts';
import { clearAccountThrottle, takeSlots } from '../db/throttle';
import { emailSenderFor } from '../email/sender';
import type { AppEnv } from '../env';
import { clientAddressOf } from '../http/client-address';
import { field, readForm } from '../http/form';
import { PublicError } from '../http/public-error';
import { publicOrigin } from '../http/public-origin';

/**
 * A forgotten password, when the server can send email (EMAIL_WEBHOOK_URL): a link by email that
 * sets a new one, signs in, and makes this browser a known device with the account's sign-in
 * counters cleared, so it is also the way back in for an owner whose account is under attack.
 * The request page answers the same whether or not the email has an account.
 */
export const passwordResetRoutes = new Hono<AppEnv>();

const badLink =
  'This link to set a new password is not valid any more: it was used, it is older than an hour, or the password changed since. Ask for a new one at /password/forgot.';

/** The account a reset link is for, while the link still works (else a 404 that says what to do). */
async function requireResetUser(c: Context<AppEnv>) {
  const user = await userOfResetToken(c.get('deps'), c.req.param('token') ?? '');
  if (!user) throw new PublicError(404, badLink);
  return user;
}

function noStore(c: Context<AppEnv>) {
  // The token is a credential: keep it out of caches and out of Referer headers to other sites.
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
}

passwordResetRoutes.get('/password/forgot', (c) =>
  c.render(<ForgotPasswordPage emailEnabled={Boolean(c.get('deps').settings.emailWebhookUrl)} />, {
    title: forgotPasswordTitle,
  }),
);

passwordResetRoutes.post('/password/forgot', async (c) => {
  const deps = c.get('deps');
  const emailEnabled = Boolean(deps.settings.emailWebhookUrl);
  const email = normalizeEmail(field(await readForm(c), 'email') ?? '').slice(0, 254);
  const page = (status: 200 | 422 | 429, extra: { sent?: boolean; error?: string }) => {
    c.status(status);
    return c.render(<ForgotPasswordPage email={email} emailEnabled={emailEnabled} {...extra} />, {
      title: forgotPasswordTitle,
    });
  };
  if (!emailEnabled) return page(200, {});
  if (!email.includes('@')) return page(422, { error: 'Enter the email address of your account.' });
  const now = deps.clock();
  const request = await takeSlots(deps.db, [resetRequestBucket(clientAddressOf(c))], now);
  if (!request.ok) {
    c.header('Retry-After', String(Math.ceil(request.retryAfterMs / 1000)));
    return page(429, {
      error: `Too many requests from your network. Try again in ${retryText(request.retryAfterMs)}.`,
    });
  }
  // Past a few emails an hour the answer stays the same and nothing more is sent.
  const mailSlot = await takeSlots(deps.db, [resetMailBucket(email)], now);
  const user = mailSlot.ok ? await findUserByEmail(deps.db, email) : null;
  if (user) {
    const link = `${publicOrigin(c)}/password/reset/${await passwordResetToken(deps, user)}`;
    const minutes = resetTtlSeconds / 60;
    const lines = [
      `Someone (we hope you) asked to set a new password for the Skillcheck account ${user.email}.`,
      `This link sets one and signs you in. It works once, for ${minutes} minutes.`,
      'If it was not you, ignore this email: your password stays as it is.',
    ];
    const sending = emailSenderFor(deps).send({
      to: user.email,
      subject: 'Set a new Skillcheck password',
      text: ['Hello,', '', ...lines.slice(0, 2), '', link, '', lines[2]].join('\n'),
      html: [
        '<p>Hello,</p>',
        ...lines.slice(0, 2).map((line) => `<p>${escapeHtml(line)}</p>`),
        `<p><a href="${escapeHtml(link)}">Set a new password</a></p>`,
        `<p>${escapeHtml(lines[2] ?? '')}</p>`,
      ].join('\n'),
    });
    // Not awaited: how long the mail relay takes must not tell which emails have accounts.
    keepAlive(c, sending);
  }
  return page(200, { sent: true });
});

/** Lets a promise finish after the response: waitUntil on Workers; Node keeps running it anyway. */
function keepAlive(c: Context<AppEnv>, work: Promise<unknown>) {
  try {
    c.executionCtx.waitUntil(work);
  } catch {
    // No execution context (Node): the promise runs to its end on its own.
  }
}

passwordResetRoutes.get('/password/reset/:token', async (c) => {
  noStore(c);
  const token = c.req.param('token');
  const user = await requireResetUser(c);
  return c.render(<ResetPasswordPage token={token} email={user.email} errors={{}} />, { title: resetPasswordTitle });
});

passwordResetRoutes.post('/password/reset/:token', async (c) => {
  noStore(c);
  const deps = c.get('deps');
  const token = c.req.param('token');
  const user = await requireResetUser(c);
  const password = field(await readForm(c), 'password') ?? '';
  const problem = passwordProblem(password);
  if (problem) {
    c.status(422);
    return c.render(<ResetPasswordPage token={token} email={user.email} errors={{ password: problem }} />, {
      title: resetPasswordTitle,
    });
  }
  await updatePasswordHash(
    deps.db,
    user.id,
    await hashPassword(password, { iterations: deps.settings.passwordIterations }),
  );
  const sessionId = await startSession(c, user.id);
  await revokeOtherSessions(deps.db, user.id, sessionId, deps.clock());
  await clearAccountThrottle(deps.db, user.email);
  await rememberDevice(c, user.id, null);
  deps.log({ level: 'info', msg: 'password reset by link', user: user.id });
  const home = (await membershipsOf(deps.db, user.id)).length > 0 ? '/app' : '/me';
  return c.redirect(home, 303);
});
