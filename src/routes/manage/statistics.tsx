import { type Context, Hono } from 'hono';
import { StatisticsPage } from '../../../views/manage/statistics/page';
import { QuestionStatisticsPage, type QuestionVersionStatistics } from '../../../views/manage/statistics/question';
import { sourceTitles } from '../../db/blueprint-sources';
import { assessmentResponses, practiceResponses, questionForStatistics } from '../../db/item-statistics';
import { itemFit } from '../../engine/item-fit';
import { PublicError } from '../../http/public-error';
import { attachmentHeader } from '../../manage/csv';
import { assessmentFitObservations } from '../../manage/item-fit-data';
import { type AssessmentStatistics, assessmentStatistics, practiceItemStatistics } from '../../manage/item-statistics';
import { itemStatisticsCsv } from '../../manage/item-statistics-csv';
import { requireAssessment } from '../../manage/require-assessment';
import { histogram, percentStandardError } from '../../manage/stats';
import { type ManageEnv, requireCapability } from '../../middleware/auth';

/**
 * An assessment's item and test statistics (every version of it), its CSV, and one question's
 * page beside the pooled practice data. Any member may read them (reviewers too); every read
 * takes the member's organization, so another organization's assessment is a 404.
 */
export const statisticsRoutes = new Hono<ManageEnv>();

type Ctx = Context<ManageEnv>;

const id = ':id{[\\w-]{22}}';
/** Question ids are kebab case (src/bank/validate-question.ts). */
const questionId = ':questionId{[a-z0-9-]{1,120}}';

const mayView = requireCapability('assessment.view');

const missingQuestion =
  'No finished attempt of this assessment drew this question. Open a question from the statistics page.';

async function load(c: Ctx) {
  const { db } = c.get('deps');
  const member = c.get('member');
  const assessment = await requireAssessment(c);
  const [rows, areaTitles] = await Promise.all([
    assessmentResponses(db, member.orgId, assessment.id),
    sourceTitles(
      db,
      member.orgId,
      assessment.blueprint.sections.map((s) => s.area),
    ),
  ]);
  return { assessment, rows, stats: assessmentStatistics(rows), areaTitles };
}

/** The mean ± of the candidate reports, from each attempt's score and number of questions. */
function meanReportError(stats: AssessmentStatistics): number | null {
  const errors = stats.recordedScores.flatMap((score, i) => {
    const se = score === null ? null : percentStandardError(score, stats.itemCounts[i] ?? 0);
    return se === null ? [] : [se];
  });
  return errors.length === 0 ? null : errors.reduce((s, x) => s + x, 0) / errors.length;
}

statisticsRoutes.get(`/app/assessments/${id}/statistics`, mayView, async (c) => {
  const { assessment, stats, areaTitles } = await load(c);
  return c.render(
    <StatisticsPage
      view={{
        assessment,
        versions: stats.assessmentVersions,
        areaTitles,
        stats,
        // The recorded scores, as the pipeline's histogram counts them.
        bins: histogram(stats.recordedScores.flatMap((s) => (s === null ? [] : [s]))),
        reportStandardError: meanReportError(stats),
      }}
    />,
    { title: `Statistics: ${assessment.title}`, workspace: 'assessments' },
  );
});

statisticsRoutes.get(`/app/assessments/${id}/statistics/items.csv`, mayView, async (c) => {
  const { assessment, stats, areaTitles } = await load(c);
  c.header('Content-Type', 'text/csv; charset=utf-8; header=present');
  c.header('Content-Disposition', attachmentHeader(assessment.title, 'item-statistics', c.get('deps').clock()));
  c.header('Cache-Control', 'private, no-store');
  return c.body(itemStatisticsCsv(stats.analysis.items, stats.meta, areaTitles));
});

statisticsRoutes.get(`/app/assessments/${id}/statistics/questions/${questionId}`, mayView, async (c) => {
  const { db } = c.get('deps');
  const { assessment, rows, stats, areaTitles } = await load(c);
  const wanted = c.req.param('questionId');
  const items = stats.analysis.items.flatMap((item) => {
    const meta = stats.meta.get(item.itemId);
    return meta?.questionId === wanted ? [{ item, meta }] : [];
  });
  const question = await questionForStatistics(
    db,
    wanted,
    items.map((i) => i.meta.version),
  );
  if (!question || items.length === 0) throw new PublicError(404, missingQuestion);
  const practice = await practiceResponses(db, wanted);
  const versions = items.flatMap(({ item, meta }): QuestionVersionStatistics[] => {
    const content = question.versions.find((v) => v.version === meta.version);
    if (!content) return [];
    return [
      {
        meta,
        promptHtml: content.promptHtml,
        difficulty: content.difficulty,
        assessment: item,
        practice: practiceItemStatistics(practice, meta, content.timeWeight),
      },
    ];
  });
  return c.render(
    <QuestionStatisticsPage
      view={{
        assessment,
        questionId: question.id,
        areaTitle: areaTitles[question.area] ?? question.area,
        topic: question.topic,
        irt: { a: question.irtA, b: question.irtB, calibratedAt: question.calibratedAt },
        // The curve was calibrated on practice answers against their ability estimates: fit is read there too.
        fit: itemFit(
          { a: question.irtA, b: question.irtB },
          practice.map((r) => ({ theta: r.theta, credit: r.credit ?? 0 })),
        ),
        // And against this assessment's candidates, with abilities from their other answers.
        assessmentFit: itemFit({ a: question.irtA, b: question.irtB }, assessmentFitObservations(rows, wanted)),
        versions,
      }}
    />,
    { title: `${question.id}: statistics`, workspace: 'assessments' },
  );
});
