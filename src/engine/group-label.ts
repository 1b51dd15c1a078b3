/**
 * A group label a team gives a candidate (source, location...) for the pass rates by group.
 * Pure: the route reads the form, this decides whether it is a label. Runs of whitespace become
 * one space (so "Job  board" and "Job board" are one group); control and invisible formatting
 * characters are refused, since two labels that look the same would split a group in two.
 */
export const maxGroupLabel = 60;

export type CheckedGroupLabel = { ok: true; label: string | null } | { ok: false; error: string };

/** The label to keep (null: remove it), or a message the manager can act on. */
export function checkGroupLabel(raw: string): CheckedGroupLabel {
  const label = raw.trim().replace(/\s+/g, ' ');
  if (label === '') return { ok: true, label: null };
  if (label.length > maxGroupLabel) {
    return {
      ok: false,
      error: `Keep the group label to ${maxGroupLabel} characters (this one has ${label.length}), for example "Referral" or "Berlin".`,
    };
  }
  if (/[\p{Cc}\p{Cf}]/u.test(label)) {
    return {
      ok: false,
      error: 'Use letters, digits, spaces and punctuation only: the label has a control or invisible character.',
    };
  }
  return { ok: true, label };
}
