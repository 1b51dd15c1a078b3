import { type Context, Hono } from 'hono';
import { type FormErrors, LoginPage, PasswordPage, SignupPage } from '../../views/pages/auth';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password';
import { endSession, sessionUser, startSession } from '../auth/session';
import { afterFailure, waitBeforeAttempt } from '../auth/throttle';
import { clientAddressOf } from '../candidate/access';
import {
  clearThrottle,
  countUsers,
  createOrgWithOwner,
  createUser,
  findUserByEmail,
  membershipsOf,
  normalizeEmail,
  readThrottle,
  revokeOtherSessions,
  updatePasswordHash,
  writeThrottle,
} from '../db/accounts';
import type { AppEnv } from '../env';
import { field, readForm } from '../http/form';
import { errorResponse } from '../middleware/errors';

export const accountRoutes = new Hono<AppEnv>();

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Only same-site paths: `next` must never send a user to another origin after signing in. */
function safeNext(next: string | undefined, fallback: string): string {
  return next && /^\/(?!\/)[\w\-./?=&%]*$/.test(next) ? next : fallback;
}

function policy(c: Context<AppEnv>) {
  return { iterations: c.get('deps').settings.passwordIterations };
}

accountRoutes.get('/signup', async (c) => {
  const firstRun = (await countUsers(c.get('deps').db)) === 0;
  return c.html(
    <SignupPage
      values={{}}
      errors={{}}
      firstRun={firstRun}
      next={c.req.query('next')}
      nonce={c.get('secureHeadersNonce')}
    />,
  );
});

accountRoutes.post('/signup', async (c) => {
  const deps = c.get('deps');
  const form = await readForm(c);
  const values = {
    name: (field(form, 'name') ?? '').trim(),
    email: normalizeEmail(field(form, 'email') ?? ''),
    orgName: (field(form, 'orgName') ?? '').trim(),
  };
  const password = field(form, 'password') ?? '';
  const errors: FormErrors = {};
  if (!values.name || values.name.length > 100) errors.name = 'Enter your name (up to 100 characters).';
  if (!emailPattern.test(values.email) || values.email.length > 254)
    errors.email = 'Enter an email address like name@example.com.';
  errors.password = passwordProblem(password) ?? undefined;
  if (values.orgName.length > 100) errors.orgName = 'Use at most 100 characters.';
  if (!errors.email && (await findUserByEmail(deps.db, values.email))) {
    errors.email = 'An account with this email exists. Sign in instead, or use another address.';
  }
  const firstRun = (await countUsers(deps.db)) === 0;
  if (Object.values(errors).some(Boolean)) {
    return c.html(
      <SignupPage
        values={values}
        errors={errors}
        firstRun={firstRun}
        next={field(form, 'next')}
        nonce={c.get('secureHeadersNonce')}
      />,
      422,
    );
  }
  const passwordHash = await hashPassword(password, policy(c));
  const { userId } = values.orgName
    ? await createOrgWithOwner(deps.db, { ...values, passwordHash })
    : { userId: await createUser(deps.db, { ...values, passwordHash }) };
  await startSession(c, userId);
  return c.redirect(safeNext(field(form, 'next'), values.orgName ? '/app' : '/me'), 303);
});

accountRoutes.get('/login', (c) =>
  c.html(<LoginPage next={c.req.query('next')} nonce={c.get('secureHeadersNonce')} />),
);

/**
 * Failed sign-ins are limited per account and per client address (see auth/throttle.ts). The
 * password check runs in Web Crypto, off the event loop on Node, so it never stalls answer saving.
 */
accountRoutes.post('/login', async (c) => {
  const deps = c.get('deps');
  const form = await readForm(c);
  const email = normalizeEmail(field(form, 'email') ?? '');
  const password = field(form, 'password') ?? '';
  const next = field(form, 'next');
  const now = deps.clock();
  const keys = [`user:${email}`, `ip:${clientAddressOf(c) ?? 'unknown'}`];
  const states = await Promise.all(keys.map((k) => readThrottle(deps.db, k)));
  const wait = Math.max(...states.map((s) => waitBeforeAttempt(s, now)));
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    c.header('Retry-After', String(seconds));
    return c.html(
      <LoginPage
        email={email}
        next={next}
        error={`Too many failed sign-ins. Try again in ${seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`}.`}
        nonce={c.get('secureHeadersNonce')}
      />,
      429,
    );
  }
  const user = await findUserByEmail(deps.db, email);
  const check = user ? await verifyPassword(password, user.passwordHash, policy(c)) : { ok: false, needsRehash: false };
  if (!user || !check.ok) {
    await Promise.all(keys.map((key, i) => writeThrottle(deps.db, { key, ...afterFailure(states[i] ?? null, now) })));
    return c.html(
      <LoginPage
        email={email}
        next={next}
        error="That email and password do not match an account."
        nonce={c.get('secureHeadersNonce')}
      />,
      401,
    );
  }
  await clearThrottle(deps.db, keys[0] ?? '');
  if (check.needsRehash) await updatePasswordHash(deps.db, user.id, await hashPassword(password, policy(c)));
  await startSession(c, user.id);
  // People who only practise have no workspace: their home is their history.
  const home = (await membershipsOf(deps.db, user.id)).length > 0 ? '/app' : '/me';
  return c.redirect(safeNext(next, home), 303);
});

accountRoutes.post('/logout', async (c) => {
  await endSession(c);
  return c.redirect('/', 303);
});

accountRoutes.get('/account/password', async (c) => {
  const user = await sessionUser(c);
  if (!user) return c.redirect('/login?next=/account/password', 303);
  return c.html(<PasswordPage errors={{}} user={{ name: user.name }} nonce={c.get('secureHeadersNonce')} />);
});

accountRoutes.post('/account/password', async (c) => {
  const deps = c.get('deps');
  const user = await sessionUser(c);
  if (!user) return errorResponse(c, 401);
  const form = await readForm(c);
  const errors: FormErrors = {};
  const next = field(form, 'password') ?? '';
  if (!(await verifyPassword(field(form, 'current') ?? '', user.passwordHash, policy(c))).ok) {
    errors.current = 'That is not your current password.';
  }
  errors.password = passwordProblem(next) ?? undefined;
  if (Object.values(errors).some(Boolean)) {
    return c.html(<PasswordPage errors={errors} user={{ name: user.name }} nonce={c.get('secureHeadersNonce')} />, 422);
  }
  await updatePasswordHash(deps.db, user.id, await hashPassword(next, policy(c)));
  await revokeOtherSessions(deps.db, user.id, user.sessionId, deps.clock());
  return c.html(<PasswordPage errors={{}} done user={{ name: user.name }} nonce={c.get('secureHeadersNonce')} />);
});
