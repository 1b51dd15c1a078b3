/**
 * The question bank: both banks browsed with filters, one question with its key, history and
 * review thread, and a public question copied into the organization's bank. Private questions are
 * read only through the organization's id (another organization's ids find nothing: 404); public
 * ones only among org_id-null rows. Authoring is in bank-author.tsx, the workflow's posts in
 * bank-workflow.tsx, collections in bank-collections.tsx.
 */
import { type Context, Hono } from 'hono';
import { BankBrowsePage, type BankBrowseView, BankResults } from '../../../views/manage/bank/browse';
import { BankQuestionPage } from '../../../views/manage/bank/question';
import { can } from '../../auth/permissions';
import {
  type BankFilters,
  bankPageSize,
  bankTags,
  getBankQuestion,
  listPrivateQuestions,
  listPublicQuestions,
  publicAreasWithTopics,
} from '../../db/bank-browse';
import { listCollections } from '../../db/collections';
import { saveQuestionDraft } from '../../db/private-bank';
import { type QuestionStatus, questionStatuses } from '../../engine/question-status';
import { field, readForm } from '../../http/form';
import { PublicError } from '../../http/public-error';
import { wantsFragment } from '../../http/request-kind';
import { placeChoices, placeFrom } from '../../manage/bank-places';
import { factsOf } from '../../manage/bank-question';
import { mainFigure } from '../../manage/main-figure';
import { previewOf } from '../../manage/question-author';
import { figuresByQuestion } from '../../manage/question-queue';
import { type ManageEnv, requireCapability } from '../../middleware/auth';
import { isQuestionType, questionTypes } from '../../question-types/rules';

export const bankRoutes = new Hono<ManageEnv>();

const view = requireCapability('bank.view');
const edit = requireCapability('bank.edit');

const isStatus = (s: string): s is QuestionStatus => (questionStatuses as readonly string[]).includes(s);

/** The list's filters from the query string; anything unreadable is ignored, not an error. */
function filtersOf(c: Context, bank: 'ours' | 'public'): BankFilters {
  const q = (name: string) => (c.req.query(name) ?? '').trim().slice(0, 100);
  const type = q('type');
  const difficulty = q('difficulty');
  const status = q('status');
  const usage = q('usage');
  const page = /^\d{1,4}$/.test(q('page')) ? Number(q('page')) : 0;
  return {
    collectionId: q('collection') || undefined,
    topic: q('topic') || undefined,
    type: isQuestionType(type) ? type : undefined,
    difficulty: /^[1-5]$/.test(difficulty) ? Number(difficulty) : undefined,
    tag: q('tag') || undefined,
    status: bank === 'ours' && isStatus(status) ? status : undefined,
    text: q('text') || undefined,
    usage: usage === 'used' || usage === 'unused' ? usage : undefined,
    limit: bankPageSize,
    offset: page * bankPageSize,
  };
}

/** The filters with the collection and topic kept only when this bank has them, and what was dropped. */
function knownFilters(
  filters: BankFilters,
  sources: { id: string; topics: { id: string }[] }[],
  bank: 'ours' | 'public',
): { filters: BankFilters; ignored: string[] } {
  const ignored: string[] = [];
  let { collectionId, topic } = filters;
  if (collectionId && !sources.some((s) => s.id === collectionId)) {
    ignored.push(
      bank === 'ours'
        ? `There is no collection “${collectionId}” in this organization’s bank, so questions of every collection are shown.`
        : `There is no area “${collectionId}” in the public bank, so questions of every area are shown.`,
    );
    collectionId = undefined;
  }
  const topicSources = collectionId ? sources.filter((s) => s.id === collectionId) : sources;
  if (topic && !topicSources.some((s) => s.topics.some((t) => t.id === topic))) {
    ignored.push(`There is no topic “${topic}” here, so questions of every topic are shown.`);
    topic = undefined;
  }
  return { filters: { ...filters, collectionId, topic }, ignored };
}

bankRoutes.get('/app/bank', view, async (c) => {
  const { db } = c.get('deps');
  const member = c.get('member');
  const bank = c.req.query('bank') === 'public' ? 'public' : 'ours';
  const asked = filtersOf(c, bank);
  const listOf = (filters: BankFilters) =>
    bank === 'ours' ? listPrivateQuestions(db, member.orgId, filters) : listPublicQuestions(db, member.orgId, filters);
  const [askedList, sources, tags] = await Promise.all([
    listOf(asked),
    bank === 'ours' ? listCollections(db, member.orgId) : publicAreasWithTopics(db),
    bankTags(db, bank === 'ours' ? { orgId: member.orgId } : 'public'),
  ]);
  // A collection or topic this bank does not have (another organization's, a deleted one, the
  // other bank's) is dropped from the filters and said so, rather than listing nothing under a
  // form that shows "Any".
  const { filters, ignored } = knownFilters(asked, sources, bank);
  const list = ignored.length > 0 ? await listOf(filters) : askedList;
  // Item statistics of the questions the organization's finished attempts answered, computed by the
  // statistics module itself (per assessment), so the list and the Statistics tab agree.
  const figures = await figuresByQuestion(
    db,
    member.orgId,
    list.rows.filter((r) => r.answered > 0).map((r) => r.id),
  );
  const rows = list.rows.map((r) => {
    const main = mainFigure(figures.get(r.id) ?? []);
    return {
      ...r,
      discrimination: main
        ? { value: main.item.discrimination, drawn: main.item.drawn, assessmentTitle: main.assessmentTitle }
        : null,
    };
  });
  const page = Math.floor((filters.offset ?? 0) / bankPageSize);
  const pageHref = (n: number) => {
    const params = new URLSearchParams(c.req.query());
    params.set('page', String(n));
    return `/app/bank?${params}`;
  };
  const browse: BankBrowseView = {
    bank,
    filters,
    rows,
    total: list.total,
    sources,
    types: questionTypes,
    tags,
    canEdit: can(member, 'bank.edit'),
    ignored,
    previousHref: page > 0 ? pageHref(page - 1) : null,
    nextHref: (page + 1) * bankPageSize < list.total ? pageHref(page + 1) : null,
  };
  c.header('Cache-Control', 'no-store');
  c.header('Vary', 'HX-Request-Type');
  if (wantsFragment(c)) return c.html(<BankResults view={browse} />);
  return c.render(<BankBrowsePage view={browse} />, { title: 'Question bank', workspace: 'bank' });
});

bankRoutes.get('/app/bank/public/:publicQuestionId', view, async (c) => {
  const { db } = c.get('deps');
  const member = c.get('member');
  const id = c.req.param('publicQuestionId');
  const q = await getBankQuestion(db, 'public', id, member.orgId);
  if (!q) throw new PublicError(404, 'There is no such question in the public bank.');
  const copyPlaces = can(member, 'bank.edit') ? placeChoices(await listCollections(db, member.orgId)) : null;
  c.header('Cache-Control', 'no-store');
  return c.render(
    <BankQuestionPage
      view={{
        bank: 'public',
        trail: [
          { label: 'Question bank', href: '/app/bank' },
          { label: 'Public bank', href: '/app/bank?bank=public' },
          { label: q.id },
        ],
        facts: factsOf(q),
        preview: previewOf(q.content),
        actions: {
          edit: false,
          submit: false,
          approve: false,
          sendBack: false,
          retire: false,
          restore: false,
          comment: false,
          copyPlaces,
        },
        versions: [],
        events: [],
      }}
    />,
    { title: `Question ${q.id}`, workspace: 'bank' },
  );
});

/** A public question's Markdown becomes a new draft of the organization's, recorded as copied. */
bankRoutes.post('/app/bank/public/:publicQuestionId/copy', edit, async (c) => {
  const { db, clock } = c.get('deps');
  const member = c.get('member');
  const id = c.req.param('publicQuestionId');
  const q = await getBankQuestion(db, 'public', id, member.orgId);
  if (!q) throw new PublicError(404, 'There is no such question in the public bank.');
  if (!q.content.sourceText) {
    throw new PublicError(
      409,
      'This question was imported before the bank kept its Markdown: restart the server or run npm run bank:import once, then copy it.',
    );
  }
  const place = placeFrom(field(await readForm(c), 'place') ?? '');
  const saved = await saveQuestionDraft(db, {
    orgId: member.orgId,
    ...place,
    actorId: member.user.id,
    markdown: q.content.sourceText,
    changeNote: `Copied from the public bank (${q.id}, version ${q.version}).`,
    createdAs: 'copied',
    grade: c.get('deps').grade,
    now: clock(),
  });
  if (!saved.ok) throw new PublicError(422, saved.errors.map((e) => e.message).join(' '));
  return c.redirect(`/app/bank/questions/${saved.questionId}?done=copied`, 303);
});
