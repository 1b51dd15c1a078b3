import { type Context, Hono } from 'hono';
import { TestPage, type TestPageView, testPageProps } from '../../../views/candidate/test-page';
import {
  AssessmentFormPage,
  type AssessmentFormView,
  assessmentFormTitle,
} from '../../../views/manage/assessment-form';
import { PreviewKey, type PreviewKeyView, PreviewTools } from '../../../views/manage/assessment-preview/key-panel';
import { can } from '../../auth/permissions';
import { keyHtml } from '../../candidate/describe';
import { questionViewOf } from '../../candidate/question-view';
import {
  type AssessmentRow,
  attemptCount,
  createAssessment,
  createNextVersion,
  duplicateAssessment,
  isSuperseded,
  lineageVersions,
  questionContent,
  questionKeyOf,
  setAssessmentStatus,
  updateAssessment,
} from '../../db/assessments';
import { blueprintSources } from '../../db/blueprint-sources';
import { blueprintPool } from '../../db/pool';
import { planEdit } from '../../engine/assessment';
import { type Band, type Blueprint, bandOf } from '../../engine/blueprint';
import { drawQuestions } from '../../engine/draw';
import { field, readForm } from '../../http/form';
import { PublicError } from '../../http/public-error';
import {
  type AreaChoice,
  blankValues,
  pinnedIdsOf,
  plansOf,
  readAssessmentForm,
  valuesOf,
} from '../../manage/assessment-form';
import { changeRefusal } from '../../manage/refusals';
import { requireAssessment } from '../../manage/require-assessment';
import { type ManageEnv, requireCapability } from '../../middleware/auth';
import { errorResponse } from '../../middleware/errors';

export const assessmentsRoutes = new Hono<ManageEnv>();

type Ctx = Context<ManageEnv>;

const mayEdit = requireCapability('assessment.edit', changeRefusal);

// ---------------------------------------------------------------- the form

/**
 * What a blueprint of this organization can draw from (the public areas, then its own collections)
 * with their active questions per difficulty band, plus any source a blueprint still names.
 */
async function areaChoices(c: Ctx, blueprint?: Blueprint): Promise<AreaChoice[]> {
  const sources = await blueprintSources(c.get('deps').db, c.get('member').orgId);
  const extra = (blueprint?.sections ?? []).map((s) => s.area).filter((id) => !sources.some((a) => a.id === id));
  return [
    ...sources.map((source) => {
      const byBand: Record<Band, number> = { easy: 0, medium: 0, hard: 0 };
      for (const [difficulty, n] of Object.entries(source.byDifficulty)) byBand[bandOf(Number(difficulty))] += n;
      return { id: source.id, title: source.title, private: source.private, byBand };
    }),
    ...extra.map((id) => ({ id, title: id, byBand: { easy: 0, medium: 0, hard: 0 } })),
  ];
}

/** The questions among `ids` this organization may pin (active, public or its own), with their source. */
const pinnable = (c: Ctx, ids: string[]) =>
  blueprintPool(c.get('deps').db, c.get('member').orgId, { sections: [], pinned: ids });

function renderForm(c: Ctx, view: AssessmentFormView, status: 200 | 422 = 200) {
  c.status(status);
  return c.render(<AssessmentFormPage view={view} />, { title: assessmentFormTitle(view), workspace: 'assessments' });
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
  return renderForm(c, { areas, values: blankValues(areas), errors: {}, plans: {} });
});

assessmentsRoutes.post('/app/assessments', mayEdit, async (c) => {
  const deps = c.get('deps');
  const member = c.get('member');
  const areas = await areaChoices(c);
  const form = await readForm(c);
  const { settings, ...read } = readAssessmentForm(
    form,
    areas,
    deps.clock(),
    undefined,
    await pinnable(c, pinnedIdsOf(form)),
  );
  if (!settings) return renderForm(c, { areas, ...read }, 422);
  if (field(form, 'intent') === 'check') return renderForm(c, { areas, ...read, checked: true });
  const id = await createAssessment(deps.db, member.orgId, member.user.id, settings, deps.clock());
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
    values: valuesOf(row, areas),
    errors: {},
    plans: plansOf(row.blueprint, areas, await pinnable(c, row.blueprint.pinned ?? [])),
  });
});

/**
 * Saves an edit. Nobody started: everything changes in place. Someone started: the title,
 * description, what candidates see after and the dates change in place; a change to the
 * questions, timing, pass mark or shuffling becomes the next version (planEdit in
 * src/engine/assessment.ts, createNextVersion in src/db/assessments.ts).
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
  const { settings, ...read } = readAssessmentForm(form, areas, now, row, await pinnable(c, pinnedIdsOf(form)));
  const started = await attemptCount(deps.db, row.id);
  const editing = { id: row.id, title: row.title, version: row.version, attempts: started };
  if (!settings) return renderForm(c, { editing, areas, ...read }, 422);
  if (field(form, 'intent') === 'check') return renderForm(c, { editing, areas, ...read, checked: true });

  const plan = planEdit(row, settings, started);
  if (plan.kind === 'in-place') {
    const { changes, onlyWithoutAttempts } = plan;
    if (await updateAssessment(deps.db, member.orgId, row.id, changes, now, { onlyWithoutAttempts }))
      return c.redirect(`/app/assessments/${row.id}`, 303);
    // A candidate started between our count and the update: fall through to a new version.
  }
  const nextId = await createNextVersion(deps.db, row, member.user.id, settings, now);
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
 * `key=1` adds the answer key under the question: assessment.view is held by the same roles as
 * bank.view, which shows keys in the bank anyway; checked again here so the two cannot drift.
 */
assessmentsRoutes.get('/app/assessments/:id/preview', requireCapability('assessment.view'), async (c) => {
  const deps = c.get('deps');
  const row = await requireAssessment(c);
  const q = c.req.query('q');
  const position = q === undefined || q === '' ? 0 : /^\d{1,4}$/.test(q) ? Number(q) : -1;
  if (position < 0)
    return errorResponse(c, 400, 'That is not a question number. Use the navigator to move between questions.');
  const showKey = c.req.query('key') === '1' && can(c.get('member'), 'bank.view');
  const pool = await blueprintPool(deps.db, row.orgId, row.blueprint);
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
  const href = (n: number, key = showKey) => `${base}?q=${n}${key ? '&key=1' : ''}`;
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
    preview: { href, exitHref: `/app/assessments/${row.id}` },
  };
  const key = showKey && item ? await questionKeyOf(deps.db, item.id, item.version) : null;
  const tools: PreviewKeyView = {
    shown: showKey,
    toggleHref: href(position, !showKey),
    poolHref: `/app/assessments/${row.id}/pool`,
    key: key ? { correctHtml: keyHtml(key.options, key.answerKey), explanationHtml: key.explanationHtml } : undefined,
  };
  c.header('Cache-Control', 'no-store');
  return c.render(
    <>
      <PreviewTools view={tools} />
      <TestPage view={view} />
      <PreviewKey view={tools} />
    </>,
    testPageProps(view),
  );
});
