/** Formatting shared by the practice pages. Dates are UTC, like every date the server renders. */

export function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "62nd", "11th", "3rd": the ordinal of a whole percentile. */
export function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

export interface PercentileInfo {
  /** Mid-rank percentile among the other results, or null when there are none. */
  percentile: number | null;
  /** How many other results it compares with. */
  others: number;
}

/** Below this many other results a percentile is shown with a caution. */
const fewOthers = 30;

/**
 * The percentile as a sentence a person reads once and understands: to the person who took the
 * test, or, on a shared result, to whoever they sent it to (never "your" to a third party).
 */
export function percentileSentence(
  info: PercentileInfo,
  areaTitle: string,
  reader: 'owner' | 'recipient' = 'owner',
): string {
  const none = info.percentile === null || info.others === 0;
  const p = Math.round(info.percentile ?? 0);
  const others = info.others === 1 ? 'the one other result' : `the ${info.others} other results`;
  if (reader === 'recipient') {
    const lead = `Percentile among everyone who took ${areaTitle}:`;
    if (none) return `${lead} none yet, as nobody else has finished this test; it appears once others have.`;
    if (info.others < fewOthers) return `${lead} ${ordinal(p)}, among ${others} so far: with so few, read it loosely.`;
    return `${lead} ${ordinal(p)}, higher than about ${p}% of ${others}.`;
  }
  if (none) {
    return `No one else has finished ${areaTitle} yet, so there is nobody to compare with; your percentile appears once others have.`;
  }
  if (info.others < fewOthers) {
    return `${ordinal(p)} percentile among ${others} in ${areaTitle} so far: with so few, read it loosely.`;
  }
  return `${ordinal(p)} percentile: higher than about ${p}% of ${others} in ${areaTitle}.`;
}
