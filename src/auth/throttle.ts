/**
 * Sign-in protection: which counters ("buckets") a sign-in or sign-up draws on, and their limits.
 * Pure; src/db/throttle.ts keeps the counts. A password check takes one slot in every bucket of
 * the request before the hash runs, atomically, so concurrent guesses cannot share a slot; a
 * failure keeps its slots, a success gives them back.
 *
 * The policy (README, "Sign-in protection"), after OWASP's device cookies:
 * - from a known device (a signed cookie set when this browser last signed in to the account):
 *   only that device's own bucket counts, so nobody elsewhere can lock the owner out of it;
 * - from anywhere else: the account and address pair (a few typos, a short wait), the address
 *   across accounts (password spraying from one place), and the account across addresses
 *   (an attacker with many addresses). The last one can lock an account for new devices; the
 *   owner gets in from a known device, or after an unlock by an admin or `npm run account:unlock`.
 * Unknown emails draw on the same buckets as real ones, so the answers do not tell them apart.
 */
export interface Limit {
  /** Password checks allowed in the window (sign-ups, for the sign-up bucket). */
  max: number;
  windowMs: number;
}

const minute = 60_000;

export const limits = {
  knownDevice: { max: 10, windowMs: 15 * minute },
  pair: { max: 5, windowMs: 15 * minute },
  address: { max: 50, windowMs: 60 * minute },
  account: { max: 20, windowMs: 60 * minute },
  signUp: { max: 20, windowMs: 60 * minute },
  resetRequest: { max: 20, windowMs: 60 * minute },
  resetMail: { max: 3, windowMs: 60 * minute },
} as const satisfies Record<string, Limit>;

/** The longest window: a bucket whose window began earlier than this holds nothing any more. */
export const longestWindowMs = Math.max(...Object.values(limits).map((l) => l.windowMs));

export interface Bucket {
  key: string;
  /** The email the bucket belongs to, or null for an address's own bucket. */
  account: string | null;
  limit: Limit;
  /** Whether a successful sign-in clears it (the pair, the device), or only gives its slot back. */
  clearedBySuccess: boolean;
}

/** The buckets of one sign-in, most specific first, so a refusal there touches no wider one. */
export function signInBuckets(p: { email: string; address: string | null; knownDevice: string | null }): Bucket[] {
  if (p.knownDevice) {
    return [
      {
        key: `device:${p.email}:${p.knownDevice}`,
        account: p.email,
        limit: limits.knownDevice,
        clearedBySuccess: true,
      },
    ];
  }
  const address = p.address ?? 'unknown';
  return [
    { key: `pair:${p.email}:${address}`, account: p.email, limit: limits.pair, clearedBySuccess: true },
    { key: `address:${address}`, account: null, limit: limits.address, clearedBySuccess: false },
    { key: `account:${p.email}`, account: p.email, limit: limits.account, clearedBySuccess: false },
  ];
}

export function signUpBucket(address: string | null): Bucket {
  return { key: `signup:${address ?? 'unknown'}`, account: null, limit: limits.signUp, clearedBySuccess: false };
}

/** Requests for a password reset link: per address, like sign-ups. */
export function resetRequestBucket(address: string | null): Bucket {
  return { key: `reset:${address ?? 'unknown'}`, account: null, limit: limits.resetRequest, clearedBySuccess: false };
}

/** Reset emails per account, so nobody can fill someone's inbox with them. */
export function resetMailBucket(email: string): Bucket {
  return { key: `reset-mail:${email}`, account: email, limit: limits.resetMail, clearedBySuccess: false };
}

/** The account-wide bucket, which an admin looks at to tell whether a member is locked out. */
export function accountBucketKey(email: string): string {
  return `account:${email}`;
}

/** "Try again in 40 seconds" / "in 12 minutes". */
export function retryText(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds === 1) return '1 second';
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}
