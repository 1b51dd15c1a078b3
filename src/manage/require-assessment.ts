import type { Context } from 'hono';
import { type AssessmentRow, getAssessment } from '../db/assessments';
import { PublicError } from '../http/public-error';
import type { ManageEnv } from '../middleware/auth';

export const missingAssessment = 'There is no assessment at this address in your organization.';

/**
 * The assessment named by the path's `:id`, within the member's organization. Any other id, an
 * existing one of another organization included, is the same 404: nothing tells them apart.
 */
export async function requireAssessment(c: Context<ManageEnv>, message = missingAssessment): Promise<AssessmentRow> {
  const row = await getAssessment(c.get('deps').db, c.get('member').orgId, c.req.param('id') ?? '');
  if (!row) throw new PublicError(404, message);
  return row;
}
