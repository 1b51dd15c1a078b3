import type { Context } from 'hono';
import { getAssessment } from '../db/assessments';
import { getAttempt } from '../db/attempts';
import { isDueForFinalization } from '../engine/attempt-state';
import type { AppEnv } from '../env';
import { PublicError } from '../http/public-error';
import { publicOrigin } from '../http/public-origin';
import { ownerAccess } from '../practice/access';
import { finalizeByKind } from '../practice/finalize';
import { attemptAccess } from './access';

/** What every attempt address answers when this browser may not see the attempt. */
export const notFound =
  'There is no test at this address in this browser. Open the link from your invitation again to continue.';

/**
 * The attempt this browser may see, finalized first once its time is up and the save grace is
 * over (the same rule as the report and the sweep). Anything else is a 404.
 */
export async function requireOwnAttempt(c: Context<AppEnv>) {
  const deps = c.get('deps');
  const id = c.req.param('id') ?? '';
  const cookieDevice = await attemptAccess(c, id);
  let attempt = await getAttempt(deps.db, id);
  if (!attempt) throw new PublicError(404, notFound);
  // A practice result also opens for its owner without the cookie: the account it is kept in, or its browser.
  const device = cookieDevice ?? (await ownerAccess(c, attempt));
  if (!device) throw new PublicError(404, notFound);
  // Loaded only when needed: the save path, the hottest request, never reads the assessment.
  const { assessmentId, orgId } = attempt;
  let assessmentRow: ReturnType<typeof getAssessment> | undefined;
  const assessment = () => {
    assessmentRow ??= assessmentId && orgId ? getAssessment(deps.db, orgId, assessmentId) : Promise.resolve(null);
    return assessmentRow;
  };
  if (isDueForFinalization(attempt, deps.clock(), deps.settings.saveGraceMs)) {
    const passMark = (await assessment())?.passMark ?? null;
    await finalizeByKind(deps.db, attempt, deps.clock(), passMark, publicOrigin(c), deps.grade);
    attempt = (await getAttempt(deps.db, id)) ?? attempt;
  }
  return { attempt, assessment, device };
}
