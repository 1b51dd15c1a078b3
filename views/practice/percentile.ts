/** How a practice result compares with everyone else's, in words. */
import { ordinal } from '../components/format';

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
