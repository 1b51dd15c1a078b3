/**
 * One of the organization's questions: its page (key, versions, history and review thread) and
 * its workflow, each post naming its capability (bank.edit to move one's own work along,
 * bank.approve to let it go live or send it back, bank.comment for the thread). The
 * second-person rule is the database module's (src/db/private-bank.ts); refusals re-render the
 * question with the reason. Another organization's ids find nothing (404).
 */
import { type Context, Hono } from 'hono';
import { BankQuestionPage, type BankQuestionView, type QuestionActions } from '../../../views/manage/bank/question';
import { can } from '../../auth/permissions';
import { getBankQuestion, privateQuestionVersions, questionHistory } from '../../db/bank-browse';
import { questionApprovalRequired } from '../../db/bank-settings';
import { addQuestionComment, type Transition, transitionQuestion } from '../../db/private-bank';
import { field, readForm } from '../../http/form';
import { PublicError } from '../../http/public-error';
import { factsOf, labelOf } from '../../manage/bank-question';
import { lineDiff } from '../../manage/line-diff';
import { previewOf } from '../../manage/question-author';
import { type ManageEnv, requireCapability } from '../../middleware/auth';

export const bankQuestionRoutes = new Hono<ManageEnv>();

const missing = 'There is no such question in your bank.';

/** One of the organization's questions as its page shows it; a 404 unless it is the organization's. */
async function renderPrivateQuestion(
  c: Context<ManageEnv>,
  extra: Partial<BankQuestionView> = {},
  status: 200 | 409 | 422 = 200,
) {
  const { db } = c.get('deps');
  const member = c.get('member');
  const id = c.req.param('bankQuestionId') ?? '';
  const q = await getBankQuestion(db, { orgId: member.orgId }, id, member.orgId);
  if (!q) throw new PublicError(404, missing);
  const [versions, events, requireApproval] = await Promise.all([
    privateQuestionVersions(db, member.orgId, id),
    questionHistory(db, member.orgId, id),
    questionApprovalRequired(db, member.orgId),
  ]);
  const mayEdit = can(member, 'bank.edit');
  const mayApprove = can(member, 'bank.approve');
  const ownText = q.content.authorId === member.user.id;
  const approvable = requireApproval ? q.status === 'review' : q.status === 'draft' || q.status === 'review';
  const actions: QuestionActions = {
    edit: mayEdit,
    submit: mayEdit && q.status === 'draft',
    approve: mayApprove && approvable && !(requireApproval && ownText),
    approveNote:
      mayApprove && approvable && requireApproval && ownText
        ? 'You wrote this version: your organization asks another member to approve it.'
        : undefined,
    sendBack: mayApprove && q.status === 'review',
    retire: mayEdit && q.status !== 'retired',
    restore: mayEdit && q.status === 'retired',
    comment: can(member, 'bank.comment'),
    copyPlaces: null,
  };
  c.header('Cache-Control', 'no-store');
  c.status(status);
  return c.render(
    <BankQuestionPage
      view={{
        bank: 'ours',
        trail: [
          { label: 'Question bank', href: '/app/bank' },
          { label: 'Our questions', href: '/app/bank?bank=ours' },
          { label: labelOf(q) },
        ],
        facts: factsOf(q),
        preview: previewOf(q.content),
        actions,
        versions: versions.map((v, i) => {
          const before = versions[i + 1]?.sourceText;
          return { ...v, changes: before != null && v.sourceText != null ? lineDiff(before, v.sourceText) : null };
        }),
        events,
        ...extra,
      }}
    />,
    { title: `Question ${labelOf(q)}`, workspace: 'bank' },
  );
}

const notices: Record<string, string> = {
  saved: 'Saved as a new version.',
  'back-to-review':
    'Saved as a new version. Your organization asks for a second approval, so the question is in review again and is not drawn until someone approves it.',
  unchanged: 'Nothing changed: the text is the same as the current version.',
  submit: 'Submitted for review.',
  approve: 'Approved: the question is active and can be drawn.',
  return: 'Sent back to draft.',
  retire: 'Retired: it is no longer drawn; its versions stay for the attempts that showed them.',
  restore: 'Restored as a draft.',
  comment: 'Comment added.',
  copied: 'Copied into your bank as a draft: adapt it, then submit or activate it.',
};

bankQuestionRoutes.get('/app/bank/questions/:bankQuestionId', requireCapability('bank.view'), (c) =>
  renderPrivateQuestion(c, { notice: notices[c.req.query('done') ?? ''] }),
);

const transitions: [Transition, ReturnType<typeof requireCapability>][] = [
  ['submit', requireCapability('bank.edit')],
  ['retire', requireCapability('bank.edit')],
  ['restore', requireCapability('bank.edit')],
  ['approve', requireCapability('bank.approve')],
  ['return', requireCapability('bank.approve')],
];

for (const [transition, capability] of transitions) {
  bankQuestionRoutes.post(`/app/bank/questions/:bankQuestionId/${transition}`, capability, async (c) => {
    const { db, clock } = c.get('deps');
    const member = c.get('member');
    const id = c.req.param('bankQuestionId');
    const form = await readForm(c);
    const result = await transitionQuestion(db, {
      orgId: member.orgId,
      questionId: id,
      actorId: member.user.id,
      transition,
      body: (field(form, 'body') ?? '').slice(0, 4000),
      now: clock(),
    });
    if (!result) throw new PublicError(404, missing);
    if (!result.ok) return renderPrivateQuestion(c, { error: result.error }, 409);
    return c.redirect(`/app/bank/questions/${id}?done=${transition}`, 303);
  });
}

bankQuestionRoutes.post(
  '/app/bank/questions/:bankQuestionId/comments',
  requireCapability('bank.comment'),
  async (c) => {
    const { db, clock } = c.get('deps');
    const member = c.get('member');
    const id = c.req.param('bankQuestionId');
    const body = field(await readForm(c), 'body') ?? '';
    const result = await addQuestionComment(db, {
      orgId: member.orgId,
      questionId: id,
      actorId: member.user.id,
      body,
      now: clock(),
    });
    if (!result) throw new PublicError(404, missing);
    if (!result.ok) return renderPrivateQuestion(c, { error: result.error, comment: body.slice(0, 4000) }, 422);
    return c.redirect(`/app/bank/questions/${id}?done=comment#history-title`, 303);
  },
);
