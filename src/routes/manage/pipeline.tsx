import { type Context, Hono } from 'hono';
import { AssessmentOverview, CandidateTable, type TableView } from '../../../views/manage/pipeline';
import { listAreas } from '../../db/areas';
import { getAssessment } from '../../db/assessments';
import { answerRecords, candidateRecords, lineageVersions } from '../../db/reports';
import { wantsFragment } from '../../http/request-kind';
import { awaitingDecision, candidateRows, pipelineKpis, scoresOf } from '../../manage/candidates';
import { attachmentHeader } from '../../manage/csv';
import { answersCsv, candidatesCsv } from '../../manage/exports';
import { applyPipelineQuery, parsePipelineQuery } from '../../manage/pipeline-query';
import { histogram } from '../../manage/stats';
import { hasRole, type ManageEnv } from '../../middleware/auth';
import { errorResponse } from '../../middleware/errors';

/**
 * An assessment's pipeline: overview, candidate table (a full page, or the table alone for an
 * htmx swap) and the CSV exports. Reviewers and up; every read is scoped to the member's org.
 */
export const pipelineRoutes = new Hono<ManageEnv>();

const notFound = 'There is no assessment at this address in your organization. Open it from the assessments list.';

/** Ids are 22 base64url characters: anything else (say "new") is left to other routes. */
const id = ':id{[\\w-]{22}}';

type Ctx = Context<ManageEnv>;

/** The assessment, its candidates as rows and the table's query, or an error response to return. */
async function loadPipeline(c: Ctx) {
  const { db, clock } = c.get('deps');
  const member = c.get('member');
  const assessment = await getAssessment(db, member.orgId, c.req.param('id') ?? '');
  if (!assessment) return { error: errorResponse(c, 404, notFound) };
  const areaList = await listAreas(db);
  const titles = Object.fromEntries(areaList.map((a) => [a.id, a.title]));
  const areas = assessment.blueprint.sections.map((s) => ({ id: s.area, title: titles[s.area] ?? s.area }));
  const parsed = parsePipelineQuery(
    c.req.query(),
    areas.map((a) => a.id),
  );
  if (!parsed.ok) return { error: errorResponse(c, 400, parsed.error) };
  const records = await candidateRecords(db, member.orgId, { assessmentId: assessment.id });
  const rows = candidateRows(records, scoresOf(records), clock());
  return { assessment, titles, areas, rows, query: parsed.query };
}

pipelineRoutes.get(`/app/assessments/${id}`, async (c) => {
  // The same URL answers with a page or, for an htmx swap, the table alone: caches must key on it.
  c.header('Vary', 'HX-Request-Type');
  const loaded = await loadPipeline(c);
  if ('error' in loaded) return loaded.error;
  const { assessment, rows, query, areas, titles } = loaded;
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
  return c.html(
    <AssessmentOverview
      member={member}
      canEdit={hasRole(member, 'admin')}
      nonce={c.get('secureHeadersNonce')}
      view={{
        assessment,
        areaTitles: titles,
        kpis: pipelineKpis(rows),
        bins: histogram(done.flatMap((r) => (r.scorePercent === null ? [] : [r.scorePercent]))),
        awaiting: awaitingDecision(rows),
        versions: await lineageVersions(c.get('deps').db, member.orgId, assessment.lineageId),
        table,
      }}
    />,
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
pipelineRoutes.get(`/app/assessments/${id}/export/candidates.csv`, async (c) => {
  const loaded = await loadPipeline(c);
  if ('error' in loaded) return loaded.error;
  const { assessment, rows, query, areas } = loaded;
  const now = c.get('deps').clock();
  return csv(
    c,
    candidatesCsv(applyPipelineQuery(rows, query), areas),
    attachmentHeader(assessment.title, 'candidates', now),
  );
});

pipelineRoutes.get(`/app/assessments/${id}/export/answers.csv`, async (c) => {
  const { db, clock } = c.get('deps');
  const member = c.get('member');
  const assessment = await getAssessment(db, member.orgId, c.req.param('id') ?? '');
  if (!assessment) return errorResponse(c, 404, notFound);
  const records = await answerRecords(db, member.orgId, assessment.id);
  return csv(c, answersCsv(records), attachmentHeader(assessment.title, 'answers', clock()));
});
