import { Hono } from 'hono';
import { assessmentJson, assessmentSummaryJson, candidateJson } from '../../api/json';
import { missingAssessment } from '../../api/not-found';
import { areaTitlesOf, resultsOf } from '../../api/results';
import { getAssessment } from '../../db/assessments';
import { assessmentPage, assessmentWindows } from '../../db/pipeline';
import { candidateRecords } from '../../db/reports';
import { pageOf, readPage } from '../../http/page';
import { type FieldError, ProblemError, validationProblem } from '../../http/problem';
import { publicOrigin } from '../../http/public-origin';
import { candidateRows, scoresOf } from '../../manage/candidates';
import type { ApiEnv } from '../../middleware/api-auth';

/** Assessments and their candidates, read-only. */
export const apiAssessmentRoutes = new Hono<ApiEnv>();

/**
 * The list, newest first, a page at a time. `status` (scheduled, open, closed: whether candidates
 * can take it now), `archived` (true or false; both when absent) and `updatedSince` (ISO 8601)
 * filter it.
 */
apiAssessmentRoutes.get('/api/v1/assessments', async (c) => {
  const { db, clock } = c.get('deps');
  const now = clock();
  const errors: FieldError[] = [];
  const page = readPage(c, errors);
  const status = c.req.query('status');
  if (status !== undefined && !(assessmentWindows as readonly string[]).includes(status))
    errors.push({ field: 'status', detail: `must be one of ${assessmentWindows.join(', ')}.` });
  const archived = c.req.query('archived');
  if (archived !== undefined && archived !== 'true' && archived !== 'false')
    errors.push({ field: 'archived', detail: 'must be true or false.' });
  const since = c.req.query('updatedSince');
  const updatedSince = since === undefined ? undefined : Date.parse(since);
  if (updatedSince !== undefined && (Number.isNaN(updatedSince) || !/^\d{4}-\d{2}-\d{2}/.test(since ?? '')))
    errors.push({ field: 'updatedSince', detail: 'must be an ISO 8601 date or time, like 2026-11-01T00:00:00Z.' });
  if (errors.length > 0) throw validationProblem(errors);

  const rows = await assessmentPage(db, c.get('apiOrgId'), {
    window: status as (typeof assessmentWindows)[number] | undefined,
    archived: archived === undefined ? undefined : archived === 'true',
    updatedSince,
    after: page.after,
    limit: page.limit + 1,
    now,
  });
  const { rows: shown, nextCursor } = pageOf(rows, page.limit);
  return c.json({ assessments: shown.map((a) => assessmentSummaryJson(a, now)), nextCursor });
});

apiAssessmentRoutes.get('/api/v1/assessments/:id', async (c) => {
  const { db, clock } = c.get('deps');
  const row = await getAssessment(db, c.get('apiOrgId'), c.req.param('id'));
  if (!row) throw new ProblemError({ status: 404, detail: missingAssessment });
  return c.json(assessmentJson(row, clock()));
});

/** Every candidate of one assessment version with their result, oldest invitation first. */
apiAssessmentRoutes.get('/api/v1/assessments/:id/candidates', async (c) => {
  const { db, clock } = c.get('deps');
  const orgId = c.get('apiOrgId');
  const assessment = await getAssessment(db, orgId, c.req.param('id'));
  if (!assessment) throw new ProblemError({ status: 404, detail: missingAssessment });
  const records = await candidateRecords(db, orgId, { assessmentId: assessment.id });
  const rows = candidateRows(records, scoresOf(records), clock());
  const results = resultsOf(rows, records, assessment, await areaTitlesOf(db, assessment));
  const origin = publicOrigin(c);
  return c.json({
    assessmentId: assessment.id,
    candidates: rows.map((r) =>
      candidateJson(
        r,
        results.get(r.invitationId) ?? null,
        r.attemptId ? `${origin}/app/attempts/${r.attemptId}` : null,
      ),
    ),
  });
});
