import { type Context, Hono } from 'hono';
import { QuestionReportsPage, type QuestionReportsView } from '../../../views/manage/question-reports/question';
import { ReportQueuePage } from '../../../views/manage/question-reports/queue';
import { RegradePage, type RegradeView } from '../../../views/manage/question-reports/regrade';
import { can } from '../../auth/permissions';
import { answerHtml, keyHtml } from '../../candidate/describe';
import { pinnedQuestionsOf } from '../../db/blueprint-sources';
import { questionForStatistics } from '../../db/item-statistics';
import { organizationReports, questionReportsOf, resolveReports } from '../../db/question-reports';
import { applyRegrade, regradeBasis, regradeQuestion, regradeScope, regradesOfQuestion } from '../../db/regrades';
import { planRegrade } from '../../engine/regrade';
import { type FormData, readForm } from '../../http/form';
import { PublicError } from '../../http/public-error';
import { publicOrigin } from '../../http/public-origin';
import { bankHref, questionName } from '../../manage/bank-question';
import { figuresByQuestion, groupReports, questionFigures } from '../../manage/question-queue';
import { readRegradeForm, regradeValues } from '../../manage/regrade-form';
import { type ManageEnv, requireCapability } from '../../middleware/auth';

/**
 * Question reports from the organization's candidates, per question with its statistics beside
 * them; resolving them; regrading a question over the organization's finished attempts (dry run,
 * then apply). Reading takes bank.view, acting regrade.apply. Every query takes the member's
 * organization: a public question shows only this organization's reports and attempts, and a
 * question the organization has neither reports nor finished attempts of is a 404.
 */
export const questionReportsRoutes = new Hono<ManageEnv>();

type Ctx = Context<ManageEnv>;

/** Question ids: the public bank's kebab case, or a private question's generated id. */
const questionId = ':questionId{[\\w-]{1,120}}';
const mayRead = requireCapability('bank.view');
const mayAct = requireCapability('regrade.apply');

const notHere =
  'Your organization has no reports about this question and no finished attempts that showed it. Open a question from the list of question reports.';

/** The question with its current content, when the organization may see it at all. */
async function requireQuestion(c: Ctx) {
  const { db } = c.get('deps');
  const member = c.get('member');
  const id = c.req.param('questionId') ?? '';
  const question = await regradeQuestion(db, member.orgId, id);
  const content = question ? await questionForStatistics(db, id, [question.currentVersion]) : null;
  const current = content?.versions[0];
  if (!question || !content || !current) throw new PublicError(404, notHere);
  // Named by its author's short id: a private question's own id (q_...) means nothing to a person.
  const label = questionName(id, (await pinnedQuestionsOf(db, member.orgId, [id]))[id]).shortId;
  return { question, current, label };
}

questionReportsRoutes.get('/app/question-reports', mayRead, async (c) => {
  const { db } = c.get('deps');
  const orgId = c.get('member').orgId;
  const groups = groupReports(await organizationReports(db, orgId));
  const ids = groups.map((g) => g.questionId);
  const [figures, seen] = await Promise.all([figuresByQuestion(db, orgId, ids), pinnedQuestionsOf(db, orgId, ids)]);
  const names = new Map(ids.map((id) => [id, questionName(id, seen[id])]));
  return c.render(<ReportQueuePage groups={groups} figures={figures} names={names} />, {
    title: 'Question reports',
    workspace: 'bank',
  });
});

async function questionPage(c: Ctx, extra: { notice?: string; error?: string; status?: 200 | 400 | 409 | 422 } = {}) {
  const { db } = c.get('deps');
  const member = c.get('member');
  const { question, current, label } = await requireQuestion(c);
  const [reports, figures, regrades] = await Promise.all([
    questionReportsOf(db, member.orgId, question.id),
    questionFigures(db, member.orgId, question.id),
    regradesOfQuestion(db, member.orgId, question.id),
  ]);
  if (reports.length === 0 && figures.length === 0) throw new PublicError(404, notHere);
  const view: QuestionReportsView = {
    questionId: question.id,
    label,
    version: current.version,
    promptHtml: current.promptHtml,
    keyHtml: keyHtml(current.options, current.answerKey),
    figures,
    reports,
    regrades: regrades.map((g) => ({
      ...g,
      acceptedHtml: g.acceptedAnswer ? answerHtml(current.options, g.acceptedAnswer) : null,
      moved: Number(g.moved),
    })),
    bankHref: bankHref({ id: question.id, own: question.orgId !== null }),
    canAct: can(member, 'regrade.apply'),
    notice: extra.notice,
    error: extra.error,
  };
  c.status(extra.status ?? 200);
  return c.render(<QuestionReportsPage view={view} />, { title: `Reports on ${label}`, workspace: 'bank' });
}

questionReportsRoutes.get(`/app/questions/${questionId}/reports`, mayRead, async (c) => {
  const done = c.req.query('done');
  const notice =
    done === 'resolved'
      ? 'The reports were marked resolved.'
      : done === 'regraded'
        ? 'The regrade was applied. The candidates whose score changed show it on their reports.'
        : undefined;
  return questionPage(c, { notice });
});

questionReportsRoutes.post(`/app/questions/${questionId}/reports/resolve`, mayAct, async (c) => {
  const { db, clock } = c.get('deps');
  const member = c.get('member');
  const { question } = await requireQuestion(c);
  const form = await readForm(c);
  const ids = [form.reportIds ?? []].flat();
  const note = String([form.note ?? ''].flat()[0] ?? '').trim();
  if (ids.length === 0) return questionPage(c, { error: 'Check the reports to resolve.', status: 422 });
  if (note === '' || note.length > 1000) {
    return questionPage(c, { error: 'Say in up to 1000 characters what was done about the reports.', status: 422 });
  }
  const resolved = await resolveReports(db, {
    orgId: member.orgId,
    questionId: question.id,
    reportIds: ids,
    note,
    actorId: member.user.id,
    now: clock(),
  });
  if (resolved === 0) throw new PublicError(404, 'None of those reports is open in your organization.');
  return c.redirect(`/app/questions/${question.id}/reports?done=resolved`, 303);
});

const staleDryRun =
  'Another regrade of this question, or of a question in the same attempts, was applied since this dry run, so its figures are out of date. Nothing was written: look at the dry run below again and apply it if it is still right.';
const noDryRun = 'Nothing was written: preview the regrade (dry run) first, then apply it from there.';

/**
 * The regrade form with its dry run (whenever the form asks for a valid regrade, also beside a
 * refusal, so a refused apply shows the plan as it stands now), or what to correct.
 */
async function regradePage(c: Ctx, form: FormData | null, status: 200 | 409 | 422 = 200, error?: string) {
  const { db } = c.get('deps');
  const member = c.get('member');
  const { question, current, label } = await requireQuestion(c);
  // Read before the scope: a regrade landing in between makes the apply refuse, never pass unseen.
  const basis = await regradeBasis(db, member.orgId, question.id);
  const scope = await regradeScope(db, member.orgId, question.id);
  if (scope.length === 0) throw new PublicError(404, notHere);
  const view: RegradeView = {
    questionId: question.id,
    label,
    type: current.type,
    options: current.options,
    keyHtml: keyHtml(current.options, current.answerKey),
    scope: scope.length,
    values: regradeValues(form ?? {}),
    basis,
    error,
  };
  if (form) {
    const reading = readRegradeForm(form, current);
    if (!reading.ok) {
      view.error = reading.error;
      status = 422;
    } else {
      const byId = new Map(scope.map((s) => [s.attemptId, s]));
      view.plan = planRegrade(question.id, scope, reading.change).map((o) => ({
        attemptId: o.attemptId,
        candidateName: byId.get(o.attemptId)?.candidateName ?? '',
        assessmentTitle: byId.get(o.attemptId)?.assessmentTitle ?? '',
        beforePercent: o.before.percent,
        afterPercent: o.after.percent,
        beforePassed: o.before.passed,
        afterPassed: o.after.passed,
        resultChanged: o.resultChanged,
      }));
    }
  }
  c.status(status);
  return c.render(<RegradePage view={view} />, { title: `Regrade ${label}`, workspace: 'bank' });
}

questionReportsRoutes.get(`/app/questions/${questionId}/regrade`, mayAct, async (c) => {
  const query = c.req.queries();
  const asked = c.req.query('kind') !== undefined;
  return regradePage(c, asked ? (query as FormData) : null);
});

questionReportsRoutes.post(`/app/questions/${questionId}/regrade`, mayAct, async (c) => {
  const { db, clock } = c.get('deps');
  const member = c.get('member');
  const { question, current } = await requireQuestion(c);
  const form = await readForm(c);
  const reading = readRegradeForm(form, current);
  if (!reading.ok) return regradePage(c, form, 422, reading.error);
  // The dry run the person saw was planned on this many regrades; any since make it stale.
  const seen = String([form.basis ?? ''].flat()[0] ?? '');
  if (!/^\d{1,9}$/.test(seen)) return regradePage(c, form, 409, noDryRun);
  const basis = await regradeBasis(db, member.orgId, question.id);
  if (Number(seen) !== basis) return regradePage(c, form, 409, staleDryRun);
  const scope = await regradeScope(db, member.orgId, question.id);
  if (scope.length === 0) throw new PublicError(404, notHere);
  // Planned again from what is stored now, on the basis just checked; the batch checks it again.
  const plan = planRegrade(question.id, scope, reading.change);
  if (plan.length === 0) {
    return regradePage(
      c,
      form,
      409,
      'Nothing to apply: no attempt would change. This regrade is already applied, or nobody gave that answer.',
    );
  }
  const invitations = new Map(scope.map((s) => [s.attemptId, s.invitationId]));
  const applied = await applyRegrade(db, {
    orgId: member.orgId,
    questionId: question.id,
    questionVersion: current.version,
    privateQuestion: question.orgId === member.orgId,
    change: reading.change,
    note: reading.note,
    actorId: member.user.id,
    now: clock(),
    outcomes: plan.map((o) => ({ ...o, invitationId: invitations.get(o.attemptId) ?? null })),
    origin: publicOrigin(c),
    basis,
  });
  // Another regrade landed between the check above and the write: nothing of this one was written.
  if (!applied) return regradePage(c, form, 409, staleDryRun);
  return c.redirect(`/app/questions/${question.id}/reports?done=regraded`, 303);
});
