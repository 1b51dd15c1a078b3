/**
 * The organization's collections (private skill areas) and its review rule. Everyone with
 * bank.view reads them; bank.edit creates and edits collections and sets whether a question needs
 * a second person's approval before it goes live.
 */
import { type Context, Hono } from 'hono';
import { type CollectionDraft, CollectionsPage, type CollectionsView } from '../../../views/manage/bank/collections';
import { can } from '../../auth/permissions';
import { questionApprovalRequired, setQuestionApproval } from '../../db/bank-settings';
import { type CollectionInput, createCollection, listCollections, updateCollection } from '../../db/collections';
import { type FormData, field, readForm } from '../../http/form';
import { PublicError } from '../../http/public-error';
import { type ManageEnv, requireCapability } from '../../middleware/auth';

export const bankCollectionRoutes = new Hono<ManageEnv>();

const edit = requireCapability('bank.edit');

const notices: Record<string, string> = {
  created: 'Collection created: write its first question.',
  saved: 'Collection saved.',
  rule: 'Review rule saved.',
  collection: 'Create a collection first: every question belongs to one of its topics.',
};

async function renderCollections(c: Context<ManageEnv>, extra: Partial<CollectionsView> = {}, status: 200 | 422 = 200) {
  const { db } = c.get('deps');
  const member = c.get('member');
  const [collections, requireApproval] = await Promise.all([
    listCollections(db, member.orgId),
    questionApprovalRequired(db, member.orgId),
  ]);
  c.header('Cache-Control', 'no-store');
  c.status(status);
  return c.render(
    <CollectionsPage view={{ collections, requireApproval, canEdit: can(member, 'bank.edit'), ...extra }} />,
    { title: 'Collections', workspace: 'bank' },
  );
}

/** The form's fields as written, and as a collection (topics from `id | Title | link` lines). */
function readCollection(form: FormData): { draft: CollectionDraft; input: CollectionInput } {
  const draft = {
    title: (field(form, 'title') ?? '').slice(0, 200),
    summary: (field(form, 'summary') ?? '').slice(0, 1000),
    topics: (field(form, 'topics') ?? '').slice(0, 10_000),
  };
  const topics = draft.topics
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(0, 100)
    .map((line) => {
      const [id = '', title = '', docsUrl = ''] = line.split('|').map((part) => part.trim());
      return { id, title: title || id, docsUrl };
    });
  return { draft, input: { title: draft.title, summary: draft.summary, topics } };
}

bankCollectionRoutes.get('/app/bank/collections', requireCapability('bank.view'), (c) =>
  renderCollections(c, { notice: notices[c.req.query('done') ?? c.req.query('need') ?? ''] }),
);

bankCollectionRoutes.post('/app/bank/collections', edit, async (c) => {
  const { db, clock } = c.get('deps');
  const { draft, input } = readCollection(await readForm(c));
  const result = await createCollection(db, c.get('member').orgId, input, clock());
  if (!result.ok) {
    return renderCollections(c, { refused: { id: 'new', draft, errors: { form: result.errors.join(' ') } } }, 422);
  }
  return c.redirect('/app/bank/collections?done=created', 303);
});

bankCollectionRoutes.post('/app/bank/collections/:collectionId', edit, async (c) => {
  const { db, clock } = c.get('deps');
  const id = c.req.param('collectionId');
  const { draft, input } = readCollection(await readForm(c));
  const result = await updateCollection(db, c.get('member').orgId, id, input, clock());
  if (!result) throw new PublicError(404, 'There is no such collection in your organization.');
  if (!result.ok) {
    return renderCollections(c, { refused: { id, draft, errors: { form: result.errors.join(' ') } } }, 422);
  }
  return c.redirect('/app/bank/collections?done=saved', 303);
});

bankCollectionRoutes.post('/app/settings/question-approval', edit, async (c) => {
  const required = field(await readForm(c), 'required') === '1';
  await setQuestionApproval(c.get('deps').db, c.get('member').orgId, required);
  return c.redirect('/app/bank/collections?done=rule', 303);
});
