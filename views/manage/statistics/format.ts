/** How the statistics pages write their figures (views/components/format.ts for the common ones). */
import { formatShare } from '../../components/format';

/** 0.724 → "72%"; null → "–". */
export function percentText(share: number | null): string {
  return share === null ? '–' : formatShare(share);
}

/** A correlation with its sign, two decimals: "+0.31", "−0.12" (a real minus sign); null → "–". */
export function correlationText(r: number | null): string {
  if (r === null) return '–';
  const fixed = Math.abs(r).toFixed(2);
  if (fixed === '0.00') return '0.00';
  return `${r < 0 ? '−' : '+'}${fixed}`;
}

/** Percent points with one decimal: 6.14 → "6.1". */
export function pointsText(n: number | null): string {
  return n === null ? '–' : `${Math.round(n * 10) / 10}`;
}

/** Mean time in seconds, or "–". */
export function secondsText(ms: number | null): string {
  return ms === null ? '–' : `${Math.round(ms / 1000)} s`;
}

/** "alpha-s1" or "alpha-s1 (v2)" when the question has more than one version in view. */
export function questionName(questionId: string, version: number, showVersion: boolean): string {
  return showVersion ? `${questionId} (v${version})` : questionId;
}
