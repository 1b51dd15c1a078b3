/**
 * Pass rates by a group label of the team's own, with the four-fifths rule: a group whose pass
 * rate is under 80% of the highest group's is flagged for a closer look (US Uniform Guidelines on
 * Employee Selection Procedures, 29 CFR 1607.4(D)). A screening aid, not a finding: small groups
 * swing by chance, so a group below the minimum size is shown but never flagged, and the highest
 * rate is taken among the groups large enough to judge.
 */

/** The rule's threshold: a selection rate under four fifths of the highest one. */
export const fourFifths = 0.8;

/** Finished attempts a group needs before its ratio is judged. */
export const minImpactGroupSize = 10;

export interface GroupOutcome {
  label: string;
  /** Finished attempts with a pass/fail result. */
  total: number;
  passed: number;
}

export interface GroupImpact extends GroupOutcome {
  rate: number;
  /** rate / the highest judged rate; null when that rate is 0 or no group is large enough. */
  ratio: number | null;
  /** Too few attempts to judge. */
  small: boolean;
  /** Judged and under four fifths. */
  flagged: boolean;
}

export interface ImpactTable {
  groups: GroupImpact[];
  /** The label whose pass rate the ratios divide by; null when no group is large enough. */
  reference: string | null;
}

/** Every group's pass rate and its ratio to the highest rate among groups of at least minGroupSize. */
export function adverseImpact(outcomes: readonly GroupOutcome[], minGroupSize = minImpactGroupSize): ImpactTable {
  const rated = outcomes
    .filter((g) => g.total > 0)
    .map((g) => ({ ...g, rate: g.passed / g.total, small: g.total < minGroupSize }));
  const judged = rated.filter((g) => !g.small);
  const best = judged.reduce<(typeof judged)[number] | null>(
    (top, g) => (top === null || g.rate > top.rate ? g : top),
    null,
  );
  const groups = rated.map((g) => {
    const ratio = best && best.rate > 0 ? g.rate / best.rate : null;
    return { ...g, ratio, flagged: !g.small && ratio !== null && ratio < fourFifths };
  });
  groups.sort((x, y) => y.rate - x.rate || x.label.localeCompare(y.label));
  return { groups, reference: best?.label ?? null };
}
