/**
 * What an attempt's event log records: the attempt's own milestones, the server's observations
 * (a return, a new browser or address, a save after the deadline) and the signals the test page
 * reports. Events are evidence for a reviewer, never a verdict.
 */
export const attemptEventTypes = [
  'started',
  'focus_lost',
  'paste',
  'resumed',
  'new_device',
  'new_address',
  'late_save',
  'tests_run',
  'finished',
  'expired',
] as const;
export type AttemptEventType = (typeof attemptEventTypes)[number];

/** The only events a test page may report; every other one the server records from what it saw. */
export const pageSignals = ['focus_lost', 'paste', 'tests_run'] as const satisfies readonly AttemptEventType[];
export type PageSignal = (typeof pageSignals)[number];

export function isPageSignal(value: string): value is PageSignal {
  return (pageSignals as readonly string[]).includes(value);
}
