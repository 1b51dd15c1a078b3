import { Hono } from 'hono';
import { ProblemError, type ProblemType, problemTypes } from '../../http/problem';
import { type ApiEnv, requireApiKey } from '../../middleware/api-auth';
import { limitApiWrites } from '../../middleware/api-rate-limit';
import { apiAssessmentRoutes } from './assessments';
import { apiAttemptRoutes } from './attempts';
import { greenhouseRoutes } from './greenhouse';
import { apiInvitationRoutes } from './invitations';
import { openApiDocument } from './openapi';

/**
 * The JSON API for applicant tracking systems: read assessments and results, invite candidates
 * and manage their invitations. Authenticated by API key, whose organization scopes every query
 * and whose scopes (read, write) decide what it may do. Errors are RFC 9457 problem details
 * (src/http/problem.ts).
 */
export const apiRoutes = new Hono<ApiEnv>();

apiRoutes.get('/api/openapi.json', (c) => c.json(openApiDocument));

/** What a problem type means: where the `type` of a problem document points. */
apiRoutes.get('/api/problems/:type', (c) => {
  const type = c.req.param('type');
  if (!Object.hasOwn(problemTypes, type)) throw new ProblemError({ status: 404, detail: 'No such problem type.' });
  const { title, status, description } = problemTypes[type as ProblemType];
  return c.json({ type: `/api/problems/${type}`, title, status, description });
});

apiRoutes.use('/api/v1/*', requireApiKey('Bearer'), limitApiWrites());
apiRoutes.route('/', apiAssessmentRoutes);
apiRoutes.route('/', apiInvitationRoutes);
apiRoutes.route('/', apiAttemptRoutes);
// Greenhouse's Assessment Partner API, authenticated with the same keys (HTTP Basic).
apiRoutes.route('/', greenhouseRoutes);
