import { Hono } from 'hono';
import type { AppEnv } from '../../env';
import { attemptRoutes } from './attempt';
import { inviteRoutes } from './invite';

/**
 * What a person taking a test uses, from the invitation to the finish: the invitation page and
 * the attempt (its questions, saves, reports and finish, invited or practice). The result page
 * is not here (src/routes/attempt-result.tsx). On Workers the candidate Worker serves these
 * itself (src/candidate-app.ts) and hands every other request to the app Worker.
 */
export const candidateRoutes = new Hono<AppEnv>();

candidateRoutes.route('/', inviteRoutes);
candidateRoutes.route('/', attemptRoutes);
