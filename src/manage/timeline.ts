/**
 * An attempt's events in plain words for the report's integrity timeline. Signals (leaving the
 * window, pasting, a new browser or network, a late answer) are marked so the page can count and
 * highlight them; the words never accuse: each has ordinary explanations.
 */
import type { AttemptEventType } from '../engine/attempt-events';

export interface TimelineEvent {
  type: AttemptEventType;
  at: number;
  detail: Record<string, string | number | boolean | null> | null;
}

export interface TimelineEntry {
  type: AttemptEventType;
  at: number;
  /** Milliseconds since the attempt started. */
  offsetMs: number;
  words: string;
  signal: boolean;
}

const signals: ReadonlySet<AttemptEventType> = new Set([
  'focus_lost',
  'paste',
  'new_device',
  'new_address',
  'late_save',
]);

function onQuestion(detail: TimelineEvent['detail']): string {
  const p = detail?.position;
  return typeof p === 'number' && Number.isInteger(p) && p >= 0 ? ` on question ${p + 1}` : '';
}

export function describeEvent(e: TimelineEvent): string {
  switch (e.type) {
    case 'started':
      return 'Started the test';
    case 'focus_lost':
      return `Left the test window${onQuestion(e.detail)}`;
    case 'paste':
      return `Pasted text${onQuestion(e.detail)}`;
    case 'resumed':
      return 'Opened the test again from the invitation';
    case 'new_device':
      return 'Continued in a browser not seen before on this test';
    case 'new_address':
      return 'Connected from a network address not seen before on this test';
    case 'late_save':
      return `Sent an answer after time was up${onQuestion(e.detail)}; it was not counted`;
    case 'tests_run':
      return `Ran the visible tests${onQuestion(e.detail)}`;
    case 'finished':
      return 'Submitted the test';
    case 'expired':
      return 'Time ran out; the answers saved in time were submitted';
  }
}

export function timeline(events: readonly TimelineEvent[], startedAt: number): TimelineEntry[] {
  return events.map((e) => ({
    type: e.type,
    at: e.at,
    offsetMs: Math.max(0, e.at - startedAt),
    words: describeEvent(e),
    signal: signals.has(e.type),
  }));
}
