import { type Context, Hono } from 'hono';
import { InvitePage, type InviteView, inviteTitle } from '../../../views/candidate/invite';
import { clientAddressOf, deviceIdOf, grantAttemptAccess } from '../../candidate/access';
import { noteArrival } from '../../candidate/arrival';
import { invitationFromToken } from '../../candidate/invitation-token';
import { invitationForCandidate, markInvitationOpened } from '../../db/assessments';
import { LinkReplaced, startInvitedAttempt } from '../../db/attempts';
import { sourceTitles } from '../../db/blueprint-sources';
import { newId } from '../../db/ids';
import { attemptItemsFromDraw, blueprintPool } from '../../db/pool';
import { drawQuestions } from '../../engine/draw';
import { type InviteState, inviteStateAt } from '../../engine/invitation-state';
import { deadlineFor } from '../../engine/timing';
import type { AppEnv } from '../../env';
import { PublicError } from '../../http/public-error';
import { errorResponse } from '../../middleware/errors';

export const inviteRoutes = new Hono<AppEnv>();

const badLink = 'This invitation link is not valid. Check that you copied the whole link from your email.';
const replacedLink =
  'A newer invitation link was sent to you, so this one no longer works. Open the link in the most recent email from the organization that invited you.';

type Loaded = NonNullable<Awaited<ReturnType<typeof invitationForCandidate>>>;

/** What the link leads to now: the rule is inviteStateAt (src/engine/invitation-state.ts). */
function stateOf(row: Loaded, attemptInProgress: boolean, now: number): InviteState {
  return inviteStateAt(
    { invitation: row.invitation, assessment: row.assessment, attemptInProgress, superseded: row.superseded },
    now,
  );
}

/**
 * The invitation a link names, with its attempt. A link a resend has retired is a 410 (even with
 * an attempt under way: its candidate holds the newer link and the attempt's cookie).
 */
async function requireInvitation(c: Context<AppEnv>) {
  const deps = c.get('deps');
  const link = await invitationFromToken(deps, c.req.param('token') ?? '');
  const row = link ? await invitationForCandidate(deps.db, link.invitationId) : null;
  if (!link || !row) throw new PublicError(404, badLink);
  if (link.version !== row.invitation.tokenVersion) throw new PublicError(410, replacedLink);
  return { row, attempt: row.attempt };
}

/** The landing page. A GET never starts anything: mail scanners open every link they see. */
inviteRoutes.get('/invite/:token', async (c) => {
  const deps = c.get('deps');
  const { row, attempt } = await requireInvitation(c);
  const now = deps.clock();
  const state = stateOf(row, attempt?.state === 'in_progress', now);
  if (state === 'ready') await markInvitationOpened(deps.db, row.invitation.id, now);
  const areaIds = row.assessment.blueprint.sections.map((s) => s.area);
  const titles = await sourceTitles(deps.db, row.invitation.orgId, areaIds);
  const areaTitles = areaIds.map((id) => titles[id] ?? id);
  const view: InviteView = {
    state,
    token: c.req.param('token'),
    candidateName: row.invitation.candidateName,
    orgName: row.orgName,
    inviterName: row.inviterName,
    title: row.assessment.title,
    description: row.assessment.description,
    areas: areaTitles,
    questionCount: row.assessment.blueprint.sections.reduce((sum, s) => sum + s.count, 0),
    timeLimitSeconds: row.assessment.timeLimitSeconds,
    extraSeconds: row.invitation.extraSeconds,
    opensAt: row.assessment.opensAt,
  };
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  return c.render(<InvitePage view={view} />, { title: inviteTitle(view), bare: true });
});

/**
 * Starts the attempt, or resumes it from this browser. Exactly one attempt per invitation, even
 * when the button is pressed twice or on two devices at once.
 */
inviteRoutes.post('/invite/:token', async (c) => {
  const deps = c.get('deps');
  const { row, attempt } = await requireInvitation(c);
  const now = deps.clock();
  const device = deviceIdOf(c);
  const address = clientAddressOf(c);
  const state = stateOf(row, attempt?.state === 'in_progress', now);

  if (state === 'resume' && attempt) {
    await noteArrival(deps.db, attempt.id, device, address, now);
    await grantAttemptAccess(c, attempt.id, device);
    return c.redirect(`/attempts/${attempt.id}`, 303);
  }
  if (state !== 'ready') return c.redirect(`/invite/${c.req.param('token')}`, 303);

  const { assessment, invitation } = row;
  const pool = await blueprintPool(deps.db, invitation.orgId, assessment.blueprint);
  const seed = newId();
  let drawn: ReturnType<typeof drawQuestions>;
  try {
    drawn = drawQuestions(pool, assessment.blueprint, seed, {
      shuffleQuestions: assessment.shuffleQuestions,
      shuffleOptions: assessment.shuffleOptions,
    });
  } catch {
    return errorResponse(
      c,
      409,
      'This assessment cannot start right now: its question bank changed. Please let the organization that invited you know.',
    );
  }
  const started = await startInvitedAttempt(deps.db, {
    invitationId: invitation.id,
    orgId: invitation.orgId,
    assessmentId: assessment.id,
    seed,
    startedAt: now,
    deadlineAt: deadlineFor(now, assessment.timeLimitSeconds, invitation.extraSeconds),
    items: attemptItemsFromDraw(pool, drawn),
    detail: { device, address },
    // requireInvitation checked it equals the link's; the batch checks it again as it writes.
    linkVersion: invitation.tokenVersion,
  }).catch((error) => {
    if (error instanceof LinkReplaced) throw new PublicError(410, replacedLink);
    throw error;
  });
  if (!started.created) await noteArrival(deps.db, started.attemptId, device, address, now);
  await grantAttemptAccess(c, started.attemptId, device);
  return c.redirect(`/attempts/${started.attemptId}`, 303);
});
