import { Hono } from 'hono';
import { FairnessPage } from '../../../views/manage/fairness';
import { passCountsByLabel } from '../../db/group-labels';
import { adverseImpact } from '../../engine/adverse-impact';
import { requireAssessment } from '../../manage/require-assessment';
import { type ManageEnv, requireCapability } from '../../middleware/auth';

/**
 * The adverse-impact view: pass rates by the group labels a team gives its candidates, with the
 * four-fifths rule as a screening aid (the labels are set on each candidate's report). Every read
 * takes the member's organization.
 */
export const fairnessRoutes = new Hono<ManageEnv>();

const id = ':id{[\\w-]{22}}';

fairnessRoutes.get(`/app/assessments/${id}/fairness`, requireCapability('report.view'), async (c) => {
  const { db } = c.get('deps');
  const assessment = await requireAssessment(c);
  const counts = await passCountsByLabel(db, c.get('member').orgId, assessment.id);
  const labelled = counts.flatMap((g) => (g.label === null ? [] : [{ ...g, label: g.label }]));
  const unlabelled = counts.find((g) => g.label === null)?.total ?? 0;
  return c.render(<FairnessPage view={{ assessment, table: adverseImpact(labelled), unlabelled }} />, {
    title: `Pass rates by group: ${assessment.title}`,
    workspace: 'assessments',
  });
});
