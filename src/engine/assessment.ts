/**
 * An assessment's settings as its author sets them, and the fairness rule for editing them: the
 * settings a candidate's experience and score depend on are frozen once anyone started. A frozen
 * change then becomes the next version of the assessment (stored in src/db/assessments.ts), and
 * candidates keep the version they were invited to.
 */
import { type Blueprint, defaultMix } from './blueprint';

/** What candidates see after finishing: a thank-you, their score, or the full review. */
export const showAfterOptions = ['thanks', 'score', 'review'] as const;
export type ShowAfter = (typeof showAfterOptions)[number];

/** An archived assessment takes no new candidates; an edit that made a new version archives the old one. */
export const assessmentStatuses = ['active', 'archived'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

export interface AssessmentSettings {
  title: string;
  description: string;
  blueprint: Blueprint;
  timeLimitSeconds: number;
  passMark: number;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  showAfter: ShowAfter;
  opensAt: number | null;
  closesAt: number | null;
}

/** Settings a candidate's experience and score depend on: once someone has started, they never change in place. */
export const frozenFields = [
  'blueprint',
  'timeLimitSeconds',
  'passMark',
  'shuffleQuestions',
  'shuffleOptions',
] as const satisfies readonly (keyof AssessmentSettings)[];

/** The rest: the wording, what candidates see after, the dates. They change in place at any time. */
export const editableFields = [
  'title',
  'description',
  'showAfter',
  'opensAt',
  'closesAt',
] as const satisfies readonly (keyof AssessmentSettings)[];

export type EditableSettings = Pick<AssessmentSettings, (typeof editableFields)[number]>;

/**
 * Whether an edit touches a frozen setting. Blueprints compare by content: section order and an
 * implicit default mix written out explicitly are the same blueprint.
 */
export function changesFrozenFields(current: AssessmentSettings, next: AssessmentSettings): boolean {
  return frozenFields.some((key) =>
    key === 'blueprint'
      ? JSON.stringify(canonicalBlueprint(current.blueprint)) !== JSON.stringify(canonicalBlueprint(next.blueprint))
      : current[key] !== next[key],
  );
}

function canonicalBlueprint(blueprint: Blueprint) {
  return blueprint.sections
    .map((s) => ({ area: s.area, count: s.count, mix: [s.mix ?? defaultMix].map((m) => [m.easy, m.medium, m.hard]) }))
    .sort((x, y) => (x.area < y.area ? -1 : x.area > y.area ? 1 : 0));
}

export function editablePart(settings: AssessmentSettings): EditableSettings {
  return {
    title: settings.title,
    description: settings.description,
    showAfter: settings.showAfter,
    opensAt: settings.opensAt,
    closesAt: settings.closesAt,
  };
}

/**
 * How an edit is saved, given the attempts the version has so far. Nothing frozen changed: the
 * editable settings are written in place. A frozen change while nobody started: everything in
 * place, on condition that still nobody has started when the write happens (a start racing the
 * edit then wins, and the edit becomes a new version after all). A frozen change after a start:
 * a new version.
 */
export type EditPlan =
  | { kind: 'in-place'; changes: Partial<AssessmentSettings>; onlyWithoutAttempts: boolean }
  | { kind: 'new-version' };

export function planEdit(current: AssessmentSettings, next: AssessmentSettings, attempts: number): EditPlan {
  if (!changesFrozenFields(current, next))
    return { kind: 'in-place', changes: editablePart(next), onlyWithoutAttempts: false };
  if (attempts === 0) return { kind: 'in-place', changes: next, onlyWithoutAttempts: true };
  return { kind: 'new-version' };
}
