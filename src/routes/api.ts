import { type Context, Hono } from 'hono';
import { getAssessment } from '../db/assessments';
import { assessmentSummaries } from '../db/pipeline';
import { type CandidateRecord, candidateRecords } from '../db/reports';
import { PublicError } from '../http/public-error';
import { type ApiEnv, requireApiKey } from '../middleware/api-auth';
import { openApiDocument } from './openapi';

/**
 * The JSON API for applicant tracking systems: read assessments and results, invite candidates.
 * Authenticated by API key; the key's organization scopes every query. Errors are JSON with a
 * message a developer can act on (see middleware/errors.tsx).
 */
export const apiRoutes = new Hono<ApiEnv>();

apiRoutes.get('/api/openapi.json', (c) => c.json(openApiDocument));

apiRoutes.use('/api/v1/*', requireApiKey());

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The assessment the path's `:id` names, in the key's organization (else a 404). */
async function requireAssessment(c: Context<ApiEnv>) {
  const row = await getAssessment(c.get('deps').db, c.get('apiOrgId'), c.req.param('id') ?? '');
  if (!row) throw new PublicError(404, 'No assessment with this id in your organization.');
  return row;
}

apiRoutes.get('/api/v1/assessments', async (c) => {
  const rows = await assessmentSummaries(c.get('deps').db, c.get('apiOrgId'));
  return c.json({
    assessments: rows.map((a) => ({
      id: a.id,
      title: a.title,
      status: a.status,
      version: a.version,
      timeLimitMinutes: Math.round(a.timeLimitSeconds / 60),
      passMark: a.passMark,
      invited: a.invited,
      completed: a.completed,
      passed: a.passed,
      updatedAt: iso(a.updatedAt),
    })),
  });
});

apiRoutes.get('/api/v1/assessments/:id', async (c) => {
  const a = await requireAssessment(c);
  return c.json({
    id: a.id,
    title: a.title,
    description: a.description,
    status: a.status,
    version: a.version,
    blueprint: a.blueprint,
    timeLimitMinutes: Math.round(a.timeLimitSeconds / 60),
    passMark: a.passMark,
    showAfter: a.showAfter,
    opensAt: iso(a.opensAt),
    closesAt: iso(a.closesAt),
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
  });
});

function candidateJson(r: CandidateRecord) {
  return {
    invitationId: r.invitationId,
    name: r.candidateName,
    email: r.candidateEmail,
    invitationStatus: r.invitationStatus,
    invitedAt: iso(r.invitedAt),
    expiresAt: iso(r.expiresAt),
    attempt: r.attemptId
      ? {
          id: r.attemptId,
          state: r.state,
          startedAt: iso(r.startedAt),
          submittedAt: iso(r.submittedAt),
          scorePercent: r.scorePercent,
          passed: r.passed,
          byArea: r.result?.byArea ?? null,
          integrity: r.events,
        }
      : null,
    decision: r.decision ? { decision: r.decision.decision, decidedAt: iso(r.decision.decidedAt) } : null,
  };
}

apiRoutes.get('/api/v1/assessments/:id/candidates', async (c) => {
  const { db } = c.get('deps');
  const orgId = c.get('apiOrgId');
  const assessment = await requireAssessment(c);
  const records = await candidateRecords(db, orgId, { assessmentId: assessment.id });
  return c.json({ assessmentId: assessment.id, candidates: records.map(candidateJson) });
});

apiRoutes.get('/api/v1/attempts/:id', async (c) => {
  const { db } = c.get('deps');
  const [record] = await candidateRecords(db, c.get('apiOrgId'), { attemptIds: [c.req.param('id')] });
  if (!record) throw new PublicError(404, 'No attempt with this id in your organization.');
  return c.json(candidateJson(record));
});
