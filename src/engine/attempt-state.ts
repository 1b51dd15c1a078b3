/**
 * The closed set of attempt states. An attempt is created in progress and ends exactly once:
 * submitted by the candidate, or expired when the deadline finalizes it. Final states are final.
 */
import { finalizationTime, isExpired, saveWindow } from './timing';

export const attemptStates = ['in_progress', 'submitted', 'expired'] as const;
export type AttemptState = (typeof attemptStates)[number];

/** An attempt is at an assessment a candidate was invited to, or a practice test someone chose. */
export const attemptKinds = ['assessment', 'practice'] as const;
export type AttemptKind = (typeof attemptKinds)[number];

const transitions: Readonly<Record<AttemptState, readonly AttemptState[]>> = {
  in_progress: ['submitted', 'expired'],
  submitted: [],
  expired: [],
};

/** Only in_progress moves, and only to submitted or expired. */
export function canTransition(from: AttemptState, to: AttemptState): boolean {
  return transitions[from].includes(to);
}

/** The part of an attempt the state rules read. */
export interface AttemptClock {
  state: AttemptState;
  deadlineAt: number;
  submittedAt: number | null;
}

export type Finalization =
  | { changed: true; state: 'submitted' | 'expired'; submittedAt: number }
  | { changed: false; state: AttemptState; submittedAt: number | null };

/**
 * Finishing an attempt at `now` (the candidate's finish, a later access or the sweep). Invariant:
 * an attempt finalized at or after its deadline is 'expired' with submittedAt = the deadline;
 * before it, 'submitted' at now; a final attempt is returned unchanged (finishing twice is a no-op).
 */
export function finalize(attempt: AttemptClock, now: number): Finalization {
  if (attempt.state !== 'in_progress') {
    return { changed: false, state: attempt.state, submittedAt: attempt.submittedAt };
  }
  return {
    changed: true,
    state: isExpired(now, attempt.deadlineAt) ? 'expired' : 'submitted',
    submittedAt: finalizationTime(now, attempt.deadlineAt),
  };
}

/**
 * Whether an access (the candidate's pages, a manager's report) or the sweep should finalize the
 * attempt on its own: in progress and past the grace window. The one rule for all of them:
 * waiting out the grace lets saves in flight at the deadline still land, so nothing finalizes an
 * attempt while the save rule would still accept a save.
 */
export function isDueForFinalization(attempt: AttemptClock, now: number, graceMs: number): boolean {
  return attempt.state === 'in_progress' && saveWindow(now, attempt.deadlineAt, graceMs) === 'closed';
}

/** A save is accepted only while the attempt is in progress and its save window is not closed. */
export function acceptsSaves(attempt: AttemptClock, now: number, graceMs: number): boolean {
  return attempt.state === 'in_progress' && saveWindow(now, attempt.deadlineAt, graceMs) !== 'closed';
}
