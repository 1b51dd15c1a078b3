import { type Context, Hono } from 'hono';
import type { FormErrors } from '../../views/components/form';
import { LoginPage, loginTitle, PasswordPage, passwordTitle, SignupPage, signupTitle } from '../../views/pages/auth';
import { knownDeviceOf, rememberDevice } from '../auth/known-device';
import { hashPassword, passwordProblem, unmatchableHash, verifyPassword } from '../auth/password';
import { endSession, sessionUser, startSession } from '../auth/session';
import { retryText, signInBuckets, signUpBucket } from '../auth/throttle';
import {
  countUsers,
  createOrgWithOwner,
  createUser,
  findUserByEmail,
  membershipsOf,
  normalizeEmail,
  revokeOtherSessions,
  updatePasswordHash,
} from '../db/accounts';
import { releaseSlots, takeSlots } from '../db/throttle';
import { isEmailAddress } from '../email/address';
import type { AppEnv } from '../env';
import { clientAddressOf } from '../http/client-address';
import { field, readForm } from '../http/form';
import { errorResponse } from '../middleware/errors';

export const accountRoutes = new Hono<AppEnv>();

/** Only same-site paths: `next` must never send a user to another origin after signing in. */
function safeNext(next: string | undefined, fallback: string): string {
  return next && /^\/(?!\/)[\w\-./?=&%]*$/.test(next) ? next : fallback;
}

function policy(c: Context<AppEnv>) {
  return { iterations: c.get('deps').settings.passwordIterations };
}

accountRoutes.get('/signup', async (c) => {
  const firstRun = (await countUsers(c.get('deps').db)) === 0;
  return c.render(
    <SignupPage values={{ email: c.req.query('email') }} errors={{}} firstRun={firstRun} next={c.req.query('next')} />,
    { title: signupTitle(firstRun) },
  );
});

/**
 * Sign-up says when an email already has an account: without a confirmation email there is no
 * way to hide it (the other answer signs you in), as in most products. Sign-ups are limited per
 * client address instead, so the answer cannot be used to test many addresses.
 */
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
  if (!isEmailAddress(values.email)) errors.email = 'Enter an email address like name@example.com.';
  errors.password = passwordProblem(password) ?? undefined;
  if (values.orgName.length > 100) errors.orgName = 'Use at most 100 characters.';
  const firstRun = (await countUsers(deps.db)) === 0;
  const page = (status: 422 | 429) => {
    c.status(status);
    return c.render(<SignupPage values={values} errors={errors} firstRun={firstRun} next={field(form, 'next')} />, {
      title: signupTitle(firstRun),
    });
  };
  if (!errors.email) {
    const slot = await takeSlots(deps.db, [signUpBucket(clientAddressOf(c))], deps.clock());
    if (!slot.ok) {
      c.header('Retry-After', String(Math.ceil(slot.retryAfterMs / 1000)));
      errors.form = `Too many sign-ups from your network. Try again in ${retryText(slot.retryAfterMs)}.`;
      return page(429);
    }
    if (await findUserByEmail(deps.db, values.email))
      errors.email = 'An account with this email exists. Sign in instead, or use another address.';
  }
  if (Object.values(errors).some(Boolean)) return page(422);
  const passwordHash = await hashPassword(password, policy(c));
  const { userId } = values.orgName
    ? await createOrgWithOwner(deps.db, { ...values, passwordHash })
    : { userId: await createUser(deps.db, { ...values, passwordHash }) };
  await startSession(c, userId);
  await rememberDevice(c, userId, null);
  return c.redirect(safeNext(field(form, 'next'), values.orgName ? '/app' : '/me'), 303);
});

accountRoutes.get('/login', (c) =>
  c.render(<LoginPage email={c.req.query('email')} next={c.req.query('next')} />, { title: loginTitle }),
);

/**
 * Every password check first takes a slot in each of its throttle buckets (auth/throttle.ts), in
 * one statement per bucket, so concurrent guesses cannot all pass a check that read the same
 * count. An email without an account is checked against a hash of the same cost, and counts in
 * the same buckets. The check runs in Web Crypto, off the event loop on Node.
 */
accountRoutes.post('/login', async (c) => {
  const deps = c.get('deps');
  const form = await readForm(c);
  const email = normalizeEmail(field(form, 'email') ?? '').slice(0, 254);
  const password = field(form, 'password') ?? '';
  const next = field(form, 'next');
  const page = (status: 401 | 429, error: string) => {
    c.status(status);
    return c.render(<LoginPage email={email} next={next} error={error} />, { title: loginTitle });
  };
  const user = await findUserByEmail(deps.db, email);
  const device = user ? await knownDeviceOf(c, user.id) : null;
  const buckets = signInBuckets({ email, address: clientAddressOf(c), knownDevice: device });
  const taken = await takeSlots(deps.db, buckets, deps.clock());
  if (!taken.ok) {
    c.header('Retry-After', String(Math.ceil(taken.retryAfterMs / 1000)));
    return page(
      429,
      `Too many failed sign-ins. Try again in ${retryText(taken.retryAfterMs)}. A browser you have signed in with before is not held up; an owner or admin of your team can also unlock your account.`,
    );
  }
  const verify = deps.verifyPassword ?? verifyPassword;
  const check = await verify(password, user?.passwordHash ?? unmatchableHash(policy(c)), policy(c));
  if (!user || !check.ok) return page(401, 'That email and password do not match an account.');
  await releaseSlots(deps.db, taken.slots);
  if (check.needsRehash) await updatePasswordHash(deps.db, user.id, await hashPassword(password, policy(c)));
  await startSession(c, user.id);
  await rememberDevice(c, user.id, device);
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
  return c.render(<PasswordPage errors={{}} />, { title: passwordTitle, user: { name: user.name } });
});

/** The current password is checked under the same limits as a sign-in: a stolen session must not make guessing cheap. */
accountRoutes.post('/account/password', async (c) => {
  const deps = c.get('deps');
  const user = await sessionUser(c);
  if (!user) return errorResponse(c, 401);
  const form = await readForm(c);
  const errors: FormErrors = {};
  const next = field(form, 'password') ?? '';
  const page = (status: 422 | 429) => {
    c.status(status);
    return c.render(<PasswordPage errors={errors} />, { title: passwordTitle, user: { name: user.name } });
  };
  // The known-device cookie is scoped to /login, so this counts as from an unknown browser.
  const buckets = signInBuckets({ email: user.email, address: clientAddressOf(c), knownDevice: null });
  const taken = await takeSlots(deps.db, buckets, deps.clock());
  if (!taken.ok) {
    c.header('Retry-After', String(Math.ceil(taken.retryAfterMs / 1000)));
    errors.current = `Too many wrong passwords. Try again in ${retryText(taken.retryAfterMs)}.`;
    return page(429);
  }
  const verify = deps.verifyPassword ?? verifyPassword;
  if ((await verify(field(form, 'current') ?? '', user.passwordHash, policy(c))).ok) {
    await releaseSlots(deps.db, taken.slots);
  } else {
    errors.current = 'That is not your current password.';
  }
  errors.password = passwordProblem(next) ?? undefined;
  if (Object.values(errors).some(Boolean)) return page(422);
  await updatePasswordHash(deps.db, user.id, await hashPassword(next, policy(c)));
  await revokeOtherSessions(deps.db, user.id, user.sessionId, deps.clock());
  return c.render(<PasswordPage errors={{}} done />, { title: passwordTitle, user: { name: user.name } });
});
