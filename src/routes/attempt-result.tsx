import { Hono } from 'hono';
import { ResultPage, type ResultView } from '../../views/candidate/result';
import { PracticeResultPage } from '../../views/practice/result';
import { reviewItem } from '../candidate/describe';
import { requireOwnAttempt } from '../candidate/own-attempt';
import { organizationName } from '../db/accounts';
import { attemptItemsWithContent, responsesOf } from '../db/attempts';
import { sourceTitles } from '../db/blueprint-sources';
import type { AppEnv } from '../env';
import { practiceResultView } from '../practice/result-view';

/**
 * The result page of an attempt, invited or practice: what the assessment lets the candidate
 * see, or a practice score with its uncertainty. Not among the candidate routes: on Workers the
 * app Worker serves it, keeping the result views and charts out of the candidate Worker.
 */
export const attemptResultRoutes = new Hono<AppEnv>();

attemptResultRoutes.get('/attempts/:id/result', async (c) => {
  const own = await requireOwnAttempt(c);
  const { attempt } = own;
  const assessment = await own.assessment();
  if (attempt.state === 'in_progress') return c.redirect(`/attempts/${attempt.id}`, 303);
  const deps = c.get('deps');
  if (attempt.kind === 'practice') {
    c.header('Cache-Control', 'no-store');
    const view = await practiceResultView(c, attempt);
    return c.render(<PracticeResultPage view={view} />, { title: `Your result · ${view.areaTitle}` });
  }
  const showAfter = assessment?.showAfter ?? 'review';
  let review: ResultView['review'] = [];
  if (showAfter === 'review') {
    const [items, saved] = await Promise.all([
      attemptItemsWithContent(deps.db, attempt.id),
      responsesOf(deps.db, attempt.id),
    ]);
    review = items.map((item) => {
      const response = saved.get(item.questionId);
      return reviewItem(item, response?.answer ?? null, response?.score);
    });
  }
  const orgName = attempt.orgId ? await organizationName(deps.db, attempt.orgId) : null;
  // The assessment's sources: public areas and its organization's collections.
  const areaTitles =
    attempt.orgId && assessment
      ? await sourceTitles(
          deps.db,
          attempt.orgId,
          assessment.blueprint.sections.map((s) => s.area),
        )
      : {};
  const view: ResultView = {
    title: assessment?.title ?? 'Practice test',
    orgName: orgName ?? 'Skillcheck',
    showAfter,
    state: attempt.state === 'expired' ? 'expired' : 'submitted',
    submittedAt: attempt.submittedAt ?? attempt.deadlineAt,
    result: attempt.result,
    passMark: assessment?.passMark ?? null,
    areaTitles,
    review,
  };
  c.header('Cache-Control', 'no-store');
  return c.render(<ResultPage view={view} />, { title: `Submitted · ${view.title}`, bare: true });
});
