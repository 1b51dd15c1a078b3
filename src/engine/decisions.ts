/** A manager's decision on a candidate's attempt. Recorded append-only: the latest one stands. */
export const decisionValues = ['advance', 'hold', 'reject'] as const;
export type Decision = (typeof decisionValues)[number];

export function isDecision(value: string): value is Decision {
  return (decisionValues as readonly string[]).includes(value);
}
