import { Hono } from 'hono';
import { field, readForm } from '../../http/form';
import { PublicError } from '../../http/public-error';
import { chooseOrg, type ManageEnv, rememberOrg, requireCapability, requireMember } from '../../middleware/auth';
import { assessmentPoolRoutes } from './assessment-pool';
import { assessmentsRoutes } from './assessments';
import { bankRoutes } from './bank';
import { bankAuthorRoutes } from './bank-author';
import { bankCollectionRoutes } from './bank-collections';
import { bankQuestionRoutes } from './bank-question';
import { bankTransferRoutes } from './bank-transfer';
import { dashboardRoutes } from './dashboard';
import { fairnessRoutes } from './fairness';
import { invitationsRoutes } from './invitations';
import { pipelineRoutes } from './pipeline';
import { questionReportsRoutes } from './question-reports';
import { reportsRoutes } from './reports';
import { settingsRoutes } from './settings';
import { statisticsRoutes } from './statistics';
import { teamRoutes } from './team';
import { webhooksRoutes } from './webhooks';

/**
 * The hiring manager workspace under /app. Every route here runs after requireMember, requires the
 * capability it needs (src/auth/permissions.ts), and every query takes `member.orgId`: another
 * organization's ids find nothing (404), never data.
 */
export const manageRoutes = new Hono<ManageEnv>();

manageRoutes.use('/app', requireMember());
manageRoutes.use('/app/*', requireMember());

manageRoutes.post('/app/switch-org', requireCapability('organization.switch'), async (c) => {
  const form = await readForm(c);
  const target = chooseOrg(
    c,
    c.get('member').memberships.filter((m) => m.orgId === field(form, 'orgId')),
  );
  if (!target || target.orgId !== field(form, 'orgId'))
    throw new PublicError(404, 'You are not a member of that organization.');
  rememberOrg(c, target.orgId);
  return c.redirect('/app', 303);
});

manageRoutes.route('/', dashboardRoutes);
manageRoutes.route('/', assessmentsRoutes);
manageRoutes.route('/', assessmentPoolRoutes);
manageRoutes.route('/', invitationsRoutes);
manageRoutes.route('/', pipelineRoutes);
manageRoutes.route('/', statisticsRoutes);
manageRoutes.route('/', questionReportsRoutes);
manageRoutes.route('/', fairnessRoutes);
manageRoutes.route('/', reportsRoutes);
manageRoutes.route('/', teamRoutes);
manageRoutes.route('/', settingsRoutes);
manageRoutes.route('/', webhooksRoutes);
// Authoring first: /app/bank/questions/new must not be read as a question id.
manageRoutes.route('/', bankAuthorRoutes);
manageRoutes.route('/', bankRoutes);
manageRoutes.route('/', bankQuestionRoutes);
manageRoutes.route('/', bankCollectionRoutes);
manageRoutes.route('/', bankTransferRoutes);
