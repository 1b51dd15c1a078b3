import { Hono } from 'hono';
import { FairnessPage } from '../../../views/manage/fairness';
import { passCountsByLabel, setGroupLabel } from '../../db/group-labels';
import { adverseImpact } from '../../engine/adverse-impact';
import { readForm } from '../../http/form';
import { PublicError } from '../../http/public-error';
import { requireAssessment } from '../../manage/require-assessment';
import { type ManageEnv, requireCapability } from '../../middleware/auth';

/**
 * The adverse-impact view: pass rates by the group labels a team gives its candidates, with the
 * four-fifths rule as a screening aid; and setting a candidate's label (candidate.label). Every
 * read and write takes the member's organization.
 */
export const fairnessRoutes = new Hono<ManageEnv>();

const id = ':id{[\\w-]{22}}';
export const maxGroupLabel = 60;

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

fairnessRoutes.post('/app/invitations/:invitationId/group-label', requireCapability('candidate.label'), async (c) => {
  const { db } = c.get('deps');
  const form = await readForm(c);
  const raw = [form.label ?? ''].flat()[0] ?? '';
  const label = raw.trim().replace(/\s+/g, ' ');
  if (label.length > maxGroupLabel) {
    throw new PublicError(
      422,
      `Keep the group label to ${maxGroupLabel} characters, for example "Referral" or "Berlin".`,
    );
  }
  const target = await setGroupLabel(
    db,
    c.get('member').orgId,
    c.req.param('invitationId'),
    label === '' ? null : label,
  );
  if (!target) throw new PublicError(404, 'There is no candidate at this address in your organization.');
  return c.redirect(
    target.attemptId ? `/app/attempts/${target.attemptId}?done=label` : `/app/assessments/${target.assessmentId}`,
    303,
  );
});
