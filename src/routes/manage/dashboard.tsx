import { Hono } from 'hono';
import { Dashboard } from '../../../views/manage/dashboard';
import { can } from '../../auth/permissions';
import { assessmentSummaries } from '../../db/pipeline';
import { type ManageEnv, requireCapability } from '../../middleware/auth';

export const dashboardRoutes = new Hono<ManageEnv>();

dashboardRoutes.get('/app', requireCapability('assessment.view'), async (c) => {
  const member = c.get('member');
  const rows = await assessmentSummaries(c.get('deps').db, member.orgId);
  const showArchived = c.req.query('archived') === '1';
  return c.render(
    <Dashboard
      canEdit={can(member, 'assessment.edit')}
      assessments={rows.filter((a) => showArchived || a.status === 'active')}
      archivedCount={rows.filter((a) => a.status === 'archived').length}
      showArchived={showArchived}
    />,
    { title: 'Assessments', workspace: 'assessments' },
  );
});
