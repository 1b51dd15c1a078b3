/**
 * How every page (and the emails) writes numbers, percentages, durations and dates. Dates are
 * UTC, like every date the server renders: the server cannot know the reader's time zone.
 */

/** "1 question", "3 questions"; `many` for irregular plurals ("person", "people"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "1st", "62nd", "11th", "113th": English ordinals (11th-13th are the exceptions to 1st, 2nd, 3rd). */
export function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** 72.46 -> "72.5%": a percentage (0-100) to at most one decimal, none when whole. */
export function formatPercent(percent: number): string {
  return `${Math.round(percent * 10) / 10}%`;
}

/** 0.724 -> "72%": a share of one, as a whole percentage. */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A countdown or a time used: "04:05", or "1:02:03" from an hour up. Fractions are dropped. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(sec)}` : `${pad(m)}:${pad(sec)}`;
}

/** A time limit in words: "1 minute", "45 minutes" (to the nearest minute). */
export function formatMinutes(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** "2025-03-14 09:26 UTC". */
export function formatDateTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "2025-03-14". */
export function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "09:26:53 UTC". */
export function formatTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 19)} UTC`;
}

/** The machine-readable moment of a <time datetime>: "2025-03-14T09:26:53.000Z". */
export function isoDateTime(ms: number): string {
  return new Date(ms).toISOString();
}
