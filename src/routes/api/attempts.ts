import { Hono } from 'hono';
import { candidateJson } from '../../api/json';
import { missingAttempt } from '../../api/not-found';
import { areaTitlesOf } from '../../api/results';
import { getAssessment } from '../../db/assessments';
import { candidateRecords } from '../../db/reports';
import { ProblemError } from '../../http/problem';
import { publicOrigin } from '../../http/public-origin';
import { attemptResultSummary } from '../../manage/attempt-result';
import { candidateRows, scoresOf } from '../../manage/candidates';
import type { ApiEnv } from '../../middleware/api-auth';

/** One attempt: the candidate, the attempt and, once finished, its result and the report's address. */
export const apiAttemptRoutes = new Hono<ApiEnv>();

apiAttemptRoutes.get('/api/v1/attempts/:id', async (c) => {
  const { db, clock } = c.get('deps');
  const orgId = c.get('apiOrgId');
  const [record] = await candidateRecords(db, orgId, { attemptIds: [c.req.param('id')] });
  const assessment = record ? await getAssessment(db, orgId, record.assessmentId) : null;
  if (!record || !assessment) throw new ProblemError({ status: 404, detail: missingAttempt });
  // Ranked among the candidates of the same assessment version, as the pipeline ranks them.
  const peers = await candidateRecords(db, orgId, { assessmentId: assessment.id });
  const now = clock();
  const row = candidateRows(peers, scoresOf(peers), now).find((r) => r.attemptId === record.attemptId);
  if (!row) throw new ProblemError({ status: 404, detail: missingAttempt });
  const result = attemptResultSummary(row, peers, assessment.blueprint, await areaTitlesOf(db, assessment));
  return c.json(candidateJson(row, result, `${publicOrigin(c)}/app/attempts/${row.attemptId}`));
});
