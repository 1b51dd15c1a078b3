import { type Context, Hono } from 'hono';
import { AssessmentOverview, CandidateTable, type TableView } from '../../../views/manage/pipeline';
import { can } from '../../auth/permissions';
import { lineageVersions } from '../../db/assessments';
import { sourceTitles } from '../../db/blueprint-sources';
import { answerRecords, candidateRecords } from '../../db/reports';
import { PublicError } from '../../http/public-error';
import { wantsFragment } from '../../http/request-kind';
import { awaitingDecision, candidateRows, pipelineKpis, scoresOf } from '../../manage/candidates';
import { attachmentHeader } from '../../manage/csv';
import { drawProblemsOf } from '../../manage/draw-problems';
import { answersCsv, candidatesCsv } from '../../manage/exports';
import { applyPipelineQuery, parsePipelineQuery } from '../../manage/pipeline-query';
import { requireAssessment } from '../../manage/require-assessment';
import { histogram } from '../../manage/stats';
import { type ManageEnv, requireCapability } from '../../middleware/auth';

/**
 * An assessment's pipeline: overview, candidate table (a full page, or the table alone for an
 * htmx swap) and the CSV exports. Reviewers and up; every read is scoped to the member's org.
 */
export const pipelineRoutes = new Hono<ManageEnv>();

const notFound = 'There is no assessment at this address in your organization. Open it from the assessments list.';

/** Ids are 22 base64url characters: anything else (say "new") is left to other routes. */
const id = ':id{[\\w-]{22}}';

type Ctx = Context<ManageEnv>;

const mayView = requireCapability('assessment.view');

/** The assessment, its candidates as rows and the table's query (a 404 or a 400 when they cannot be). */
async function loadPipeline(c: Ctx) {
  const { db, clock } = c.get('deps');
  const member = c.get('member');
  const assessment = await requireAssessment(c, notFound);
  const titles = await sourceTitles(
    db,
    member.orgId,
    assessment.blueprint.sections.map((s) => s.area),
  );
  const areas = assessment.blueprint.sections.map((s) => ({ id: s.area, title: titles[s.area] ?? s.area }));
  const parsed = parsePipelineQuery(
    c.req.query(),
    areas.map((a) => a.id),
  );
  if (!parsed.ok) throw new PublicError(400, parsed.error);
  const records = await candidateRecords(db, member.orgId, { assessmentId: assessment.id });
  const rows = candidateRows(records, scoresOf(records), clock());
  return { assessment, titles, areas, rows, query: parsed.query };
}

pipelineRoutes.get(`/app/assessments/${id}`, mayView, async (c) => {
  // The same URL answers with a page or, for an htmx swap, the table alone: caches must key on it.
  c.header('Vary', 'HX-Request-Type');
  const { assessment, rows, query, areas, titles } = await loadPipeline(c);
  const table: TableView = {
    assessmentId: assessment.id,
    rows: applyPipelineQuery(rows, query),
    total: rows.length,
    query,
    areas,
  };
  if (wantsFragment(c)) return c.html(<CandidateTable view={table} />);
  const member = c.get('member');
  const done = rows.filter((r) => r.status === 'completed');
  return c.render(
    <AssessmentOverview
      canEdit={can(member, 'assessment.edit')}
      view={{
        assessment,
        areaTitles: titles,
        kpis: pipelineKpis(rows),
        bins: histogram(done.flatMap((r) => (r.scorePercent === null ? [] : [r.scorePercent]))),
        awaiting: awaitingDecision(rows),
        versions: await lineageVersions(c.get('deps').db, member.orgId, assessment.lineageId),
        table,
        // An archived version takes no candidates, so nothing needs fixing there.
        drawProblems: assessment.status === 'archived' ? [] : await drawProblemsOf(c.get('deps').db, assessment),
      }}
    />,
    { title: assessment.title, workspace: 'assessments' },
  );
});

function csv(c: Ctx, body: string, disposition: string) {
  c.header('Content-Type', 'text/csv; charset=utf-8; header=present');
  c.header('Content-Disposition', disposition);
  // Candidate data: never kept by shared caches or the browser's back-forward cache.
  c.header('Cache-Control', 'private, no-store');
  return c.body(body);
}

/** The table as it is filtered and sorted on screen (the download link carries the query). */
pipelineRoutes.get(`/app/assessments/${id}/export/candidates.csv`, mayView, async (c) => {
  const { assessment, rows, query, areas } = await loadPipeline(c);
  const now = c.get('deps').clock();
  return csv(
    c,
    candidatesCsv(applyPipelineQuery(rows, query), areas),
    attachmentHeader(assessment.title, 'candidates', now),
  );
});

pipelineRoutes.get(`/app/assessments/${id}/export/answers.csv`, mayView, async (c) => {
  const { db, clock } = c.get('deps');
  const member = c.get('member');
  const assessment = await requireAssessment(c, notFound);
  const records = await answerRecords(db, member.orgId, assessment.id);
  return csv(c, answersCsv(records), attachmentHeader(assessment.title, 'answers', clock()));
});
