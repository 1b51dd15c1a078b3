import { formatDateTime } from '../components/format';

export interface SignInLock {
  userId: string;
  name: string;
  email: string;
  /** Failed sign-ins in the current hour from browsers this member had not signed in with. */
  failures: number;
  /** When new browsers are held up: the time that ends; null while sign-ins still go through. */
  lockedUntil: number | null;
}

/** On the team page, for owners and admins: members with failed sign-ins, and a way to clear them. */
export function SignInLocks({ locks }: { locks: SignInLock[] }) {
  if (locks.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="sign-in-locks-heading">
      <h2 id="sign-in-locks-heading">Failed sign-ins</h2>
      <p class="muted">
        Counted over the last hour, from browsers these members had not signed in with before; the browsers they usually
        use are never held up. Unlocking clears the count, so they can sign in from a new browser now.
      </p>
      <ul class="stack">
        {locks.map((lock) => (
          <li>
            <strong>{lock.name}</strong> ({lock.email}): {lock.failures} failed{' '}
            {lock.failures === 1 ? 'sign-in' : 'sign-ins'}
            {lock.lockedUntil !== null ? `; new browsers are held up until ${formatDateTime(lock.lockedUntil)}` : ''}.
            <form method="post" action={`/app/team/members/${lock.userId}/unlock`} class="inline-form">
              <button type="submit" class="small secondary" aria-label={`Unlock sign-in for ${lock.name}`}>
                Unlock sign-in
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
