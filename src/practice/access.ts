/**
 * Who is taking or owns a practice test. Practice needs no account: a browser is a person (its
 * long-lived device cookie), and signing in adds the account. The owner of a result is whoever
 * holds its attempt cookie, or the account it was claimed into, on any device.
 */
import type { Context } from 'hono';
import { type SessionUser, sessionUser } from '../auth/session';
import { attemptAccess, deviceIdOf } from '../candidate/access';
import { type Person, startedDeviceOf } from '../db/practice';
import type { AppEnv } from '../env';

export interface Visitor extends Person {
  user: SessionUser | null;
}

/** The person behind this request: their account if signed in, and this browser's device id. */
export async function visitorOf<E extends AppEnv>(c: Context<E>): Promise<Visitor> {
  const user = await sessionUser(c);
  return { user, userId: user?.id ?? null, deviceId: deviceIdOf(c) };
}

/**
 * The device id to act with when this request owns a practice attempt without holding its cookie
 * (which lives 30 days, on one browser), else null: the signed-in account it was claimed into, on
 * any device, or, unclaimed, the browser that started it (its device cookie lives a year).
 */
export async function ownerAccess<E extends AppEnv>(
  c: Context<E>,
  attempt: { id: string; kind: string; userId: string | null },
): Promise<string | null> {
  if (attempt.kind !== 'practice') return null;
  if (attempt.userId !== null) {
    const user = await sessionUser(c);
    return user?.id === attempt.userId ? deviceIdOf(c) : null;
  }
  // A browser without a device cookie gets a fresh id here, which matches nothing: the answer is no.
  const device = deviceIdOf(c);
  return (await startedDeviceOf(c.get('deps').db, attempt.id)) === device ? device : null;
}

/** The device id this request acts with for the owner of a practice attempt, or null when it is not theirs. */
export async function practiceOwner<E extends AppEnv>(
  c: Context<E>,
  attempt: { id: string; kind: string; userId: string | null },
): Promise<string | null> {
  if (attempt.kind !== 'practice') return null;
  return (await attemptAccess(c, attempt.id)) ?? (await ownerAccess(c, attempt));
}
