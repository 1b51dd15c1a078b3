/**
 * Writing and editing private questions (bank.edit). One page per question: the form or its
 * Markdown, a live preview (htmx posts the fields to /app/bank/preview as they change; the
 * Preview button does the same without JavaScript) rendered by the candidate's own components,
 * and bank:check's errors on the fields. A save adds a version only when the whole question
 * passes; otherwise the page comes back with everything kept and a 422.
 */
import { type Context, Hono } from 'hono';
import type { Crumb } from '../../../views/components/breadcrumbs';
import type { FormErrors } from '../../../views/components/form';
import { AuthorPage, PreviewPanel } from '../../../views/manage/bank/author';
import type { QuestionPreviewView } from '../../../views/manage/bank/question-preview';
import { compileQuestionMarkdown } from '../../bank/question-markdown';
import { getBankQuestion } from '../../db/bank-browse';
import { listCollections } from '../../db/collections';
import { saveQuestionDraft } from '../../db/private-bank';
import { field, readForm } from '../../http/form';
import { PublicError } from '../../http/public-error';
import { placeChoices, placeFrom, placeValue } from '../../manage/bank-places';
import {
  type AuthorInput,
  authorMarkdown,
  errorsByField,
  inputFor,
  previewContentOf,
  previewOf,
  readAuthorForm,
  switchMode,
} from '../../manage/question-author';
import { type ManageEnv, requireCapability } from '../../middleware/auth';
import { questionTypes } from '../../question-types/rules';

export const bankAuthorRoutes = new Hono<ManageEnv>();

const edit = requireCapability('bank.edit');

interface Editing {
  id: string;
  label: string;
}

interface Outcome {
  errors: FormErrors;
  warnings: string[];
  preview: QuestionPreviewView | null;
}

/** Checks the input as bank:check would and renders what it can: the preview, or the errors by field. */
async function check(input: AuthorInput): Promise<Outcome> {
  const { markdown, fieldOf } = authorMarkdown(input);
  const place = placeFrom(input.place);
  const compiled = await compileQuestionMarkdown(markdown, {
    area: place.collectionId || 'collection',
    topic: place.topic || 'topic',
  });
  const warnings = compiled.warnings.map((w) => `Line ${w.line}: ${w.message}`);
  if (!compiled.ok) {
    const errors = compiled.errors.map((e) => ({ field: 'markdown' as const, line: e.line, message: e.message }));
    return { errors: errorsByField(errors, input, fieldOf), warnings, preview: null };
  }
  return { errors: {}, warnings, preview: previewOf(previewContentOf(compiled.question)) };
}

async function renderAuthor(
  c: Context<ManageEnv>,
  editing: Editing | null,
  input: AuthorInput,
  outcome: Outcome,
  status: 200 | 409 | 422 = 200,
  notice?: string,
) {
  const member = c.get('member');
  const places = placeChoices(await listCollections(c.get('deps').db, member.orgId));
  const trail: Crumb[] = [
    { label: 'Question bank', href: '/app/bank' },
    { label: 'Our questions', href: '/app/bank?bank=ours' },
    ...(editing
      ? [{ label: editing.label, href: `/app/bank/questions/${editing.id}` }, { label: 'Edit' }]
      : [{ label: 'New question' }]),
  ];
  c.header('Cache-Control', 'no-store');
  c.status(status);
  return c.render(
    <AuthorPage
      view={{
        action: editing ? `/app/bank/questions/${editing.id}/edit` : '/app/bank/questions/new',
        heading: editing ? `Edit ${editing.label}` : 'Write a question',
        trail,
        input,
        places,
        types: questionTypes,
        notice,
        ...outcome,
      }}
    />,
    { title: editing ? `Edit ${editing.label}` : 'Write a question', workspace: 'bank' },
  );
}

const blank: Outcome = { errors: {}, warnings: [], preview: null };

/** What every post of the page does: switch modes, preview, or save. */
async function handlePost(c: Context<ManageEnv>, editing: Editing | null) {
  const { db, clock } = c.get('deps');
  const member = c.get('member');
  const form = await readForm(c);
  const input = readAuthorForm(form);
  const intent = field(form, 'intent') ?? 'save';
  if (intent === 'form' || intent === 'markdown') {
    const switched = switchMode(input, intent);
    if (!switched) {
      const notice =
        'The form cannot hold this Markdown (a section or line it has no field for): keep editing the Markdown.';
      return renderAuthor(c, editing, input, await check(input), 200, notice);
    }
    return renderAuthor(c, editing, switched, await check(switched));
  }
  if (intent === 'preview') {
    const outcome = await check(input);
    return renderAuthor(c, editing, input, outcome, Object.keys(outcome.errors).length > 0 ? 422 : 200);
  }
  const { markdown, fieldOf } = authorMarkdown(input);
  const saved = await saveQuestionDraft(db, {
    orgId: member.orgId,
    ...placeFrom(input.place),
    actorId: member.user.id,
    markdown,
    questionId: editing?.id,
    baseVersion: editing && input.baseVersion !== null ? input.baseVersion : undefined,
    changeNote: input.changeNote,
    grade: c.get('deps').grade,
    now: clock(),
  });
  if (!saved.ok) {
    const outcome = await check(input);
    const errors = errorsByField(saved.errors, input, fieldOf);
    const stale = saved.errors.some((e) => e.field === 'question');
    return renderAuthor(c, editing, input, { ...outcome, errors }, stale ? 409 : 422);
  }
  const done = !saved.changed ? 'unchanged' : editing && saved.status === 'review' ? 'back-to-review' : 'saved';
  return c.redirect(`/app/bank/questions/${saved.questionId}?done=${done}`, 303);
}

/** The question being edited, the organization's only (a 404 otherwise). */
async function editingOf(c: Context<ManageEnv>) {
  const member = c.get('member');
  const id = c.req.param('bankQuestionId') ?? '';
  const q = await getBankQuestion(c.get('deps').db, { orgId: member.orgId }, id, member.orgId);
  if (!q) throw new PublicError(404, 'There is no such question in your bank.');
  const label = /^##\s+(\S+)/.exec(q.content.sourceText ?? '')?.[1] ?? q.id;
  return { q, editing: { id: q.id, label } };
}

bankAuthorRoutes.get('/app/bank/questions/new', edit, async (c) => {
  const collections = await listCollections(c.get('deps').db, c.get('member').orgId);
  const first = collections[0];
  const firstTopic = first?.topics[0];
  if (!first || !firstTopic) return c.redirect('/app/bank/collections?need=collection', 303);
  const wanted = c.req.query('place');
  return renderAuthor(c, null, inputFor(null, wanted ?? placeValue(first.id, firstTopic.id)), blank);
});

bankAuthorRoutes.post('/app/bank/questions/new', edit, (c) => handlePost(c, null));

bankAuthorRoutes.get('/app/bank/questions/:bankQuestionId/edit', edit, async (c) => {
  const { q, editing } = await editingOf(c);
  const input = inputFor(q.content.sourceText ?? '', placeValue(q.areaId, q.topic), q.version);
  return renderAuthor(c, editing, input, await check(input));
});

bankAuthorRoutes.post('/app/bank/questions/:bankQuestionId/edit', edit, async (c) => {
  const { editing } = await editingOf(c);
  return handlePost(c, editing);
});

/**
 * The live preview: the page's fields in, the preview fragment out. A question half written is
 * the normal state while typing, so its problems are the fragment's content with a 200, not a
 * failed request; saving is what answers 422.
 */
bankAuthorRoutes.post('/app/bank/preview', edit, async (c) => {
  const input = readAuthorForm(await readForm(c));
  const outcome = await check(input);
  const errors = Object.values(outcome.errors).filter((e): e is string => Boolean(e));
  c.header('Cache-Control', 'no-store');
  c.header('Vary', 'HX-Request-Type');
  return c.html(<PreviewPanel preview={outcome.preview} errors={errors} warnings={outcome.warnings} />);
});
