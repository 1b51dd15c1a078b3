import { type Context, Hono } from 'hono';
import { TestPage, type TestPageView } from '../../../views/candidate/test-page';
import {
  type AreaChoice,
  AssessmentFormPage,
  type AssessmentFormValues,
  type AssessmentFormView,
} from '../../../views/manage/assessment-form';
import type { FormErrors } from '../../../views/pages/auth';
import { questionViewOf } from '../../candidate/question-view';
import { listAreas } from '../../db/areas';
import {
  type AssessmentInput,
  type AssessmentRow,
  attemptCount,
  changesFrozenFields,
  createAssessment,
  createNextVersion,
  duplicateAssessment,
  isSuperseded,
  lineageVersions,
  questionContent,
  setAssessmentStatus,
  updateAssessment,
} from '../../db/assessments';
import { activePool } from '../../db/pool';
import { type ShowAfter, showAfterOptions } from '../../db/schema';
import { type Band, type Blueprint, bandOf, bands, validateBlueprint } from '../../engine/blueprint';
import { drawQuestions, planBands } from '../../engine/draw';
import { type FormData, field, readForm } from '../../http/form';
import { PublicError } from '../../http/public-error';
import { changeRefusal } from '../../manage/refusals';
import { requireAssessment } from '../../manage/require-assessment';
import { type ManageEnv, requireCapability } from '../../middleware/auth';
import { errorResponse } from '../../middleware/errors';

export const assessmentsRoutes = new Hono<ManageEnv>();

type Ctx = Context<ManageEnv>;

const mayEdit = requireCapability('assessment.edit', changeRefusal);

// ---------------------------------------------------------------- the form

const limits = { title: 200, description: 2000, minutes: 600, questions: 200, weight: 100 };

/** The bank's areas with their active questions per difficulty band, plus any area a blueprint still names. */
async function areaChoices(c: Ctx, blueprint?: Blueprint): Promise<AreaChoice[]> {
  const db = c.get('deps').db;
  const areas = await listAreas(db);
  const extra = (blueprint?.sections ?? []).map((s) => s.area).filter((id) => !areas.some((a) => a.id === id));
  const all = [...areas.map((a) => ({ id: a.id, title: a.title })), ...extra.map((id) => ({ id, title: id }))];
  const pool = await activePool(
    db,
    all.map((a) => a.id),
  );
  return all.map((area) => {
    const byBand: Record<Band, number> = { easy: 0, medium: 0, hard: 0 };
    for (const item of pool) if (item.area === area.id) byBand[bandOf(item.difficulty)] += 1;
    return { ...area, byBand };
  });
}

const utcInput = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString().slice(0, 16));

function valuesOf(a: AssessmentInput): AssessmentFormValues {
  return {
    title: a.title,
    description: a.description,
    rows: a.blueprint.sections.map((s) => ({
      area: s.area,
      count: String(s.count),
      easy: String(s.mix?.easy ?? 1),
      medium: String(s.mix?.medium ?? 2),
      hard: String(s.mix?.hard ?? 1),
    })),
    timeLimitMinutes: String(Math.round(a.timeLimitSeconds / 60)),
    passMark: String(a.passMark),
    shuffleQuestions: a.shuffleQuestions,
    shuffleOptions: a.shuffleOptions,
    showAfter: a.showAfter,
    opensAt: utcInput(a.opensAt),
    closesAt: utcInput(a.closesAt),
  };
}

const blankValues: AssessmentFormValues = {
  title: '',
  description: '',
  rows: [],
  timeLimitMinutes: '30',
  passMark: '60',
  shuffleQuestions: true,
  shuffleOptions: true,
  showAfter: 'thanks',
  opensAt: '',
  closesAt: '',
};

/** "2026-12-01T09:00" read as UTC (the form says so); null for anything else. */
function parseUtc(raw: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(raw);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as number[];
  const ms = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
  return utcInput(ms) === raw.slice(0, 16) ? ms : null;
}

const wholeNumber = (raw: string, max: number) => (/^\d{1,6}$/.test(raw) && Number(raw) <= max ? Number(raw) : null);

interface ParsedForm {
  values: AssessmentFormValues;
  errors: FormErrors;
  plans: AssessmentFormView['plans'];
  input: AssessmentInput | null;
}

/**
 * Reads and checks the assessment form: one message per field, and the blueprint against the
 * active questions, so no assessment is ever saved that cannot draw.
 */
function readAssessmentForm(form: FormData, areas: AreaChoice[], now: number, previous?: AssessmentRow): ParsedForm {
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
    timeLimitMinutes: text('timeLimitMinutes'),
    passMark: text('passMark'),
    shuffleQuestions: field(form, 'shuffleQuestions') === '1',
    shuffleOptions: field(form, 'shuffleOptions') === '1',
    showAfter,
    opensAt: text('opensAt'),
    closesAt: text('closesAt'),
  };
  const errors: FormErrors = {};
  const plans: ParsedForm['plans'] = {};

  if (!values.title || values.title.length > limits.title)
    errors.title = `Give the assessment a title (up to ${limits.title} characters).`;
  if (values.description.length > limits.description)
    errors.description = `Shorten the description to ${limits.description} characters (it has ${values.description.length}).`;

  const sections: Blueprint['sections'] = [];
  for (const area of areas) {
    const row = values.rows.find((r) => r.area === area.id);
    if (!row) continue;
    const available = area.byBand.easy + area.byBand.medium + area.byBand.hard;
    const count = wholeNumber(row.count, 10_000);
    if (count === null) {
      errors[`count_${area.id}`] = `${area.title}: enter a whole number of questions (0 leaves the area out).`;
      continue;
    }
    if (count === 0) continue;
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
    plans[area.id] = planBands(count, mix, area.byBand);
  }
  const total = sections.reduce((sum, s) => sum + s.count, 0);
  const rowErrors = Object.keys(errors).some((k) => k.startsWith('count_') || k.startsWith('mix_'));
  if (!rowErrors && total === 0)
    errors.blueprint = 'Choose at least one question: set a number of questions for one or more skill areas.';
  else if (total > limits.questions)
    errors.blueprint = `An assessment has at most ${limits.questions} questions; this one asks for ${total}.`;
  if (!rowErrors && total > 0) {
    // The engine's own check, against the same counts the draw will see.
    const counts = Object.fromEntries(areas.map((a) => [a.id, a.byBand.easy + a.byBand.medium + a.byBand.hard]));
    const problems = validateBlueprint({ sections }, counts);
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
  const input: AssessmentInput | null = ok
    ? {
        title: values.title,
        description: values.description,
        blueprint: { sections },
        timeLimitSeconds: (minutes ?? 0) * 60,
        passMark: passMark ?? 0,
        shuffleQuestions: values.shuffleQuestions,
        shuffleOptions: values.shuffleOptions,
        showAfter,
        opensAt,
        closesAt,
      }
    : null;
  return { values, errors, plans, input };
}

function renderForm(c: Ctx, view: AssessmentFormView, status: 200 | 422 = 200) {
  return c.html(
    <AssessmentFormPage member={c.get('member')} view={view} nonce={c.get('secureHeadersNonce')} />,
    status,
  );
}

/** Plans for an existing blueprint, so the edit page shows each candidate's split from the start. */
function plansOf(blueprint: Blueprint, areas: AreaChoice[]): AssessmentFormView['plans'] {
  const plans: AssessmentFormView['plans'] = {};
  for (const s of blueprint.sections) {
    const area = areas.find((a) => a.id === s.area);
    if (area) plans[s.area] = planBands(s.count, s.mix, area.byBand);
  }
  return plans;
}

/** An edit is allowed on the current, active version only; anything else gets a message saying what to do. */
async function editRefusal(c: Ctx, row: AssessmentRow): Promise<string | null> {
  const db = c.get('deps').db;
  if (await isSuperseded(db, row)) {
    const [latest] = await lineageVersions(db, row.orgId, row.lineageId);
    return `This is version ${row.version}; version ${latest?.version} replaced it. Edit the current version instead.`;
  }
  if (row.status === 'archived') return 'This assessment is archived. Unarchive it first to edit it.';
  return null;
}

// ---------------------------------------------------------------- create

assessmentsRoutes.get('/app/assessments/new', mayEdit, async (c) => {
  const areas = await areaChoices(c);
  return renderForm(c, { areas, values: blankValues, errors: {}, plans: {} });
});

assessmentsRoutes.post('/app/assessments', mayEdit, async (c) => {
  const deps = c.get('deps');
  const member = c.get('member');
  const areas = await areaChoices(c);
  const form = await readForm(c);
  const parsed = readAssessmentForm(form, areas, deps.clock());
  if (!parsed.input) return renderForm(c, { areas, ...parsed }, 422);
  if (field(form, 'intent') === 'check') return renderForm(c, { areas, ...parsed, checked: true });
  const id = await createAssessment(deps.db, member.orgId, member.user.id, parsed.input, deps.clock());
  return c.redirect(`/app/assessments/${id}`, 303);
});

// ---------------------------------------------------------------- edit

assessmentsRoutes.get('/app/assessments/:id/edit', mayEdit, async (c) => {
  const row = await requireAssessment(c);
  const refusal = await editRefusal(c, row);
  if (refusal) return errorResponse(c, 409, refusal);
  const areas = await areaChoices(c, row.blueprint);
  return renderForm(c, {
    editing: {
      id: row.id,
      title: row.title,
      version: row.version,
      attempts: await attemptCount(c.get('deps').db, row.id),
    },
    areas,
    values: valuesOf(row),
    errors: {},
    plans: plansOf(row.blueprint, areas),
  });
});

/**
 * Saves an edit. Nobody started: everything changes in place. Someone started: the title,
 * description, what candidates see after and the dates change in place; a change to the
 * questions, timing, pass mark or shuffling becomes the next version (see createNextVersion).
 */
assessmentsRoutes.post('/app/assessments/:id', mayEdit, async (c) => {
  const deps = c.get('deps');
  const member = c.get('member');
  const row = await requireAssessment(c);
  const refusal = await editRefusal(c, row);
  if (refusal) return errorResponse(c, 409, refusal);
  const areas = await areaChoices(c, row.blueprint);
  const form = await readForm(c);
  const now = deps.clock();
  const parsed = readAssessmentForm(form, areas, now, row);
  const started = await attemptCount(deps.db, row.id);
  const editing = { id: row.id, title: row.title, version: row.version, attempts: started };
  if (!parsed.input) return renderForm(c, { editing, areas, ...parsed }, 422);
  if (field(form, 'intent') === 'check') return renderForm(c, { editing, areas, ...parsed, checked: true });

  const input = parsed.input;
  const frozenChange = changesFrozenFields(row, input);
  if (!frozenChange || started === 0) {
    const inPlace = frozenChange
      ? input
      : {
          title: input.title,
          description: input.description,
          showAfter: input.showAfter,
          opensAt: input.opensAt,
          closesAt: input.closesAt,
        };
    if (await updateAssessment(deps.db, member.orgId, row.id, inPlace, now, { onlyWithoutAttempts: frozenChange }))
      return c.redirect(`/app/assessments/${row.id}`, 303);
    // A candidate started between our count and the update: fall through to a new version.
  }
  const nextId = await createNextVersion(deps.db, row, member.user.id, input, now);
  if (!nextId)
    return errorResponse(c, 409, 'Someone else changed this assessment at the same time. Reload it and try again.');
  return c.redirect(`/app/assessments/${nextId}`, 303);
});

// ---------------------------------------------------------------- duplicate, archive

assessmentsRoutes.post('/app/assessments/:id/duplicate', mayEdit, async (c) => {
  const deps = c.get('deps');
  const row = await requireAssessment(c);
  const id = await duplicateAssessment(deps.db, row, c.get('member').user.id, deps.clock());
  return c.redirect(`/app/assessments/${id}/edit`, 303);
});

assessmentsRoutes.post('/app/assessments/:id/archive', mayEdit, async (c) => {
  const deps = c.get('deps');
  const row = await requireAssessment(c);
  await setAssessmentStatus(deps.db, row.orgId, row.id, 'archived', deps.clock());
  return c.redirect('/app', 303);
});

assessmentsRoutes.post('/app/assessments/:id/unarchive', mayEdit, async (c) => {
  const deps = c.get('deps');
  const row = await requireAssessment(c);
  if (await isSuperseded(deps.db, row))
    return errorResponse(
      c,
      409,
      `Version ${row.version} was replaced by a newer version, which stays the live one. Duplicate this version to reuse it.`,
    );
  await setAssessmentStatus(deps.db, row.orgId, row.id, 'active', deps.clock());
  return c.redirect(`/app/assessments/${row.id}`, 303);
});

// ---------------------------------------------------------------- preview

/**
 * Exactly what a candidate sees, from a fixed draw (seed `preview:<id>`), with nothing written:
 * no attempt, no response, no event. The page loads no attempt.js, so nothing tries to save.
 */
assessmentsRoutes.get('/app/assessments/:id/preview', requireCapability('assessment.view'), async (c) => {
  const deps = c.get('deps');
  const row = await requireAssessment(c);
  const q = c.req.query('q');
  const position = q === undefined || q === '' ? 0 : /^\d{1,4}$/.test(q) ? Number(q) : -1;
  if (position < 0)
    return errorResponse(c, 400, 'That is not a question number. Use the navigator to move between questions.');
  const pool = await activePool(
    deps.db,
    row.blueprint.sections.map((s) => s.area),
  );
  let drawn: ReturnType<typeof drawQuestions>;
  try {
    drawn = drawQuestions(pool, row.blueprint, `preview:${row.id}`, {
      shuffleQuestions: row.shuffleQuestions,
      shuffleOptions: row.shuffleOptions,
    });
  } catch {
    return errorResponse(
      c,
      409,
      'This assessment cannot draw its questions any more: the question bank changed. Edit the assessment to fit the questions available.',
    );
  }
  const picked = drawn[position];
  const item = picked ? pool.find((p) => p.id === picked.questionId) : undefined;
  const content = picked && item ? await questionContent(deps.db, item.id, item.version) : null;
  if (!picked || !content)
    throw new PublicError(404, `This assessment has ${drawn.length} questions; there is no question ${position + 1}.`);
  const base = `/app/assessments/${row.id}/preview`;
  const view: TestPageView = {
    attemptId: 'preview',
    title: row.title,
    position,
    total: drawn.length,
    question: questionViewOf({ ...content, optionOrder: picked.optionOrder }, null),
    seq: 0,
    flagged: false,
    navigator: drawn.map((_, i) => ({ position: i, answered: false, flagged: false })),
    remainingSeconds: row.timeLimitSeconds,
    adaptive: false,
    preview: { href: (n) => `${base}?q=${n}`, exitHref: `/app/assessments/${row.id}` },
  };
  c.header('Cache-Control', 'no-store');
  return c.html(<TestPage view={view} nonce={c.get('secureHeadersNonce')} />);
});
