/**
 * The assessment form: its values as typed (strings, so a rejected value comes back exactly as
 * the person wrote it), read into settings with one message per field, and checked against the
 * active questions so that no assessment is ever saved that cannot draw. Pure: the bank's counts
 * and the clock come in as arguments.
 */
import { type AssessmentSettings, type ShowAfter, showAfterOptions } from '../engine/assessment';
import {
  type Band,
  type Blueprint,
  type BlueprintSection,
  bands,
  defaultMix,
  type PinnedSources,
  questionTotal,
  validateBlueprint,
} from '../engine/blueprint';
import { countByBand, planBands } from '../engine/draw';
import type { ItemForDraw } from '../engine/question';
import { type FormData, type FormErrors, field } from '../http/form';

export const limits = { title: 200, description: 2000, minutes: 600, questions: 200, weight: 100 };

/**
 * A source the form offers (a public skill area, or one of the organization's collections when
 * `private`), with its active questions per difficulty band: what a draw can take from.
 */
export interface AreaChoice {
  id: string;
  title: string;
  byBand: Record<Band, number>;
  private?: boolean;
}

/** A question that may be pinned: active, and public or the organization's own. */
export type PinnableQuestion = Pick<ItemForDraw, 'id' | 'area' | 'difficulty'>;

export interface BlueprintRowValues {
  area: string;
  count: string;
  easy: string;
  medium: string;
  hard: string;
}

export interface AssessmentFormValues {
  title: string;
  description: string;
  /** One row per offered area, in the order of the areas. */
  rows: BlueprintRowValues[];
  /** Pinned question ids as typed: one per line (commas and spaces also separate). */
  pinned: string;
  timeLimitMinutes: string;
  passMark: string;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  showAfter: ShowAfter;
  opensAt: string;
  closesAt: string;
}

/** Per area with questions: how many easy, medium and hard questions each candidate gets. */
export type BandPlans = Record<string, Record<Band, number>>;

/** A date-time field's value: "2026-12-01T09:00", read as UTC (the form says so). */
export const utcInput = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString().slice(0, 16));

/** "2026-12-01T09:00" read as UTC; null for anything else, including dates that do not exist. */
export function parseUtc(raw: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(raw);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as number[];
  const ms = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
  return utcInput(ms) === raw.slice(0, 16) ? ms : null;
}

const wholeNumber = (raw: string, max: number) => (/^\d{1,6}$/.test(raw) && Number(raw) <= max ? Number(raw) : null);

/** An area's row: the section's count and mix, or 0 questions in the default mix for an area left out. */
function rowOf(area: string, section?: BlueprintSection): BlueprintRowValues {
  const mix = section?.mix ?? defaultMix;
  return {
    area,
    count: String(section?.count ?? 0),
    easy: String(mix.easy),
    medium: String(mix.medium),
    hard: String(mix.hard),
  };
}

/** The form of a new assessment. */
export function blankValues(areas: readonly AreaChoice[]): AssessmentFormValues {
  return {
    title: '',
    description: '',
    rows: areas.map((a) => rowOf(a.id)),
    pinned: '',
    timeLimitMinutes: '30',
    passMark: '60',
    shuffleQuestions: true,
    shuffleOptions: true,
    showAfter: 'thanks',
    opensAt: '',
    closesAt: '',
  };
}

/** The form filled with an assessment's settings, to edit them. */
export function valuesOf(settings: AssessmentSettings, areas: readonly AreaChoice[]): AssessmentFormValues {
  const section = (area: string) => settings.blueprint.sections.find((s) => s.area === area);
  return {
    title: settings.title,
    description: settings.description,
    rows: areas.map((a) => rowOf(a.id, section(a.id))),
    pinned: (settings.blueprint.pinned ?? []).join('\n'),
    timeLimitMinutes: String(Math.round(settings.timeLimitSeconds / 60)),
    passMark: String(settings.passMark),
    shuffleQuestions: settings.shuffleQuestions,
    shuffleOptions: settings.shuffleOptions,
    showAfter: settings.showAfter,
    opensAt: utcInput(settings.opensAt),
    closesAt: utcInput(settings.closesAt),
  };
}

/** Plans for an existing blueprint, so the edit page shows each candidate's split from the start. */
export function plansOf(
  blueprint: Blueprint,
  areas: readonly AreaChoice[],
  pinnable: readonly PinnableQuestion[] = [],
): BandPlans {
  const plans: BandPlans = {};
  const pinned = pinnable.filter((q) => blueprint.pinned?.includes(q.id));
  for (const s of blueprint.sections) {
    const area = areas.find((a) => a.id === s.area);
    if (area)
      plans[s.area] = planBands(s.count, s.mix, area.byBand, countByBand(pinned.filter((q) => q.area === s.area)));
  }
  return plans;
}

/** The pinned question ids of a posted form, in the order written, without repeats. */
export function pinnedIdsOf(form: FormData): string[] {
  return [...new Set((field(form, 'pinned') ?? '').split(/[\s,]+/).filter((id) => id !== ''))];
}

const sourceField = /^count_(.+)$/;

export interface ReadAssessmentForm {
  values: AssessmentFormValues;
  errors: FormErrors;
  plans: BandPlans;
  /** The settings to save; null when any field has an error. */
  settings: AssessmentSettings | null;
}

/**
 * Reads and checks the posted form against the sources offered and the pinnable questions among
 * those it names (see pinnedIdsOf), at `now`. `previous` is the version being edited: a closing
 * time already past is refused unless it is the one already saved.
 */
export function readAssessmentForm(
  form: FormData,
  areas: readonly AreaChoice[],
  now: number,
  previous?: Pick<AssessmentSettings, 'closesAt'>,
  pinnable: readonly PinnableQuestion[] = [],
): ReadAssessmentForm {
  const text = (key: string) => (field(form, key) ?? '').trim();
  const showAfter = text('showAfter') as ShowAfter;
  const values: AssessmentFormValues = {
    title: text('title'),
    description: text('description').replace(/\r\n/g, '\n'),
    rows: areas.map((a) => ({
      area: a.id,
      count: text(`count_${a.id}`) || '0',
      easy: text(`easy_${a.id}`),
      medium: text(`medium_${a.id}`),
      hard: text(`hard_${a.id}`),
    })),
    pinned: text('pinned').replace(/\r\n/g, '\n'),
    timeLimitMinutes: text('timeLimitMinutes'),
    passMark: text('passMark'),
    shuffleQuestions: field(form, 'shuffleQuestions') === '1',
    shuffleOptions: field(form, 'shuffleOptions') === '1',
    showAfter,
    opensAt: text('opensAt'),
    closesAt: text('closesAt'),
  };
  const errors: FormErrors = {};
  const plans: BandPlans = {};

  if (!values.title || values.title.length > limits.title)
    errors.title = `Give the assessment a title (up to ${limits.title} characters).`;
  if (values.description.length > limits.description)
    errors.description = `Shorten the description to ${limits.description} characters (it has ${values.description.length}).`;

  // A source the form did not offer (another organization's collection, a mistyped id) is named,
  // never silently dropped.
  const offered = new Set(areas.map((a) => a.id));
  const unknown = Object.keys(form)
    .map((key) => sourceField.exec(key)?.[1])
    .filter((id): id is string => id !== undefined && !offered.has(id) && text(`count_${id}`) !== '0');
  if (unknown.length > 0)
    errors.sources = `${unknown.join(', ')}: not a public skill area or one of your organization's collections.`;

  const pinnedIds = pinnedIdsOf(form);
  const pinnedSources: Record<string, string> = {};
  for (const q of pinnable) if (pinnedIds.includes(q.id)) pinnedSources[q.id] = q.area;
  const notPinnable = pinnedIds.filter((id) => !Object.hasOwn(pinnedSources, id));
  if (notPinnable.length > 0)
    errors.pinned = `${notPinnable.join(', ')}: not an active question of the public bank or of your organization.`;
  const pinnedHere = (areaId: string) =>
    countByBand(pinnable.filter((q) => q.area === areaId && pinnedIds.includes(q.id)));

  const sections: Blueprint['sections'] = [];
  for (const area of areas) {
    const row = values.rows.find((r) => r.area === area.id);
    if (!row) continue;
    const available = area.byBand.easy + area.byBand.medium + area.byBand.hard;
    const typed = wholeNumber(row.count, 10_000);
    if (typed === null) {
      errors[`count_${area.id}`] = `${area.title}: enter a whole number of questions (0 leaves the area out).`;
      continue;
    }
    // An area left out whose questions are pinned becomes a section of just those, so every
    // question an attempt asks belongs to a section (its count, its results per area).
    const pinnedBands = pinnedHere(area.id);
    const pinnedCount = pinnedBands.easy + pinnedBands.medium + pinnedBands.hard;
    const count = typed === 0 ? pinnedCount : typed;
    if (count === 0) continue;
    if (pinnedCount > count) {
      errors[`count_${area.id}`] =
        `${area.title}: ${pinnedCount} of its questions are pinned, and each takes a seat: ask for at least ${pinnedCount}.`;
      continue;
    }
    if (count > available) {
      errors[`count_${area.id}`] =
        available === 0
          ? `${area.title}: the area has no active questions; set 0.`
          : `${area.title}: asks for ${count} questions but the area has only ${available} active questions.`;
      continue;
    }
    const weights = bands.map((b) => wholeNumber(row[b], limits.weight));
    if (weights.some((w) => w === null)) {
      errors[`mix_${area.id}`] = `${area.title}: difficulty weights are whole numbers from 0 to ${limits.weight}.`;
      continue;
    }
    const [easy = 0, medium = 0, hard = 0] = weights as number[];
    if (easy + medium + hard === 0) {
      errors[`mix_${area.id}`] = `${area.title}: give at least one difficulty a weight above 0.`;
      continue;
    }
    const mix = { easy, medium, hard };
    sections.push({ area: area.id, count, mix });
    plans[area.id] = planBands(count, mix, area.byBand, pinnedBands);
  }
  const blueprint: Blueprint = pinnedIds.length > 0 ? { sections, pinned: pinnedIds } : { sections };
  const total = questionTotal(blueprint, pinnedSources as PinnedSources);
  const rowErrors = Object.keys(errors).some(
    (k) => k.startsWith('count_') || k.startsWith('mix_') || k === 'sources' || k === 'pinned',
  );
  if (!rowErrors && total === 0)
    errors.blueprint =
      'Choose at least one question: set a number of questions for one or more skill areas, or pin questions.';
  else if (total > limits.questions)
    errors.blueprint = `An assessment has at most ${limits.questions} questions; this one asks for ${total}.`;
  if (!rowErrors && total > 0) {
    // The engine's own check, against the same counts the draw will see.
    const counts = Object.fromEntries(areas.map((a) => [a.id, a.byBand.easy + a.byBand.medium + a.byBand.hard]));
    const problems = validateBlueprint(blueprint, counts, pinnedSources);
    if (problems.length > 0) errors.blueprint = problems.join(' ');
  }

  const minutes = wholeNumber(values.timeLimitMinutes, limits.minutes);
  if (minutes === null || minutes < 1)
    errors.timeLimitMinutes = `Enter the time limit in whole minutes, from 1 to ${limits.minutes}.`;
  const passMark = wholeNumber(values.passMark, 100);
  if (passMark === null) errors.passMark = 'Enter the pass mark as a whole percentage from 0 to 100.';
  if (!(showAfterOptions as readonly string[]).includes(showAfter))
    errors.showAfter = 'Choose what candidates see after finishing.';

  const opensAt = values.opensAt ? parseUtc(values.opensAt) : null;
  const closesAt = values.closesAt ? parseUtc(values.closesAt) : null;
  if (values.opensAt && opensAt === null)
    errors.opensAt = 'Enter the opening time as a date and time, e.g. 2026-12-01 09:00.';
  if (values.closesAt && closesAt === null)
    errors.closesAt = 'Enter the closing time as a date and time, e.g. 2026-12-15 18:00.';
  else if (closesAt !== null && opensAt !== null && closesAt <= opensAt)
    errors.closesAt = 'The closing time must be after the opening time.';
  else if (closesAt !== null && closesAt <= now && closesAt !== previous?.closesAt)
    errors.closesAt = 'That closing time has already passed. Choose a later one, or leave it empty.';

  const ok = !Object.values(errors).some(Boolean);
  const settings: AssessmentSettings | null = ok
    ? {
        title: values.title,
        description: values.description,
        blueprint,
        timeLimitSeconds: (minutes ?? 0) * 60,
        passMark: passMark ?? 0,
        shuffleQuestions: values.shuffleQuestions,
        shuffleOptions: values.shuffleOptions,
        showAfter,
        opensAt,
        closesAt,
      }
    : null;
  return { values, errors, plans, settings };
}
