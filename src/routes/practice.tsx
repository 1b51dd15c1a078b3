import { type Context, Hono } from 'hono';
import { ClaimPage } from '../../views/practice/claim';
import { type HistoryAreaView, HistoryPage } from '../../views/practice/history';
import { PracticeStartPage, type PracticeStartView } from '../../views/practice/start';
import { clientAddressOf, deviceIdOf, grantAttemptAccess } from '../candidate/access';
import { getArea } from '../db/areas';
import { getAttempt } from '../db/attempts';
import {
  activeShareOf,
  claimAttempt,
  claimDeviceAttempts,
  createShare,
  type HistoryRow,
  practiceHistory,
  revokeShare,
} from '../db/practice';
import { scaleUncertainty, scoreBand } from '../engine/scale';
import type { AppEnv } from '../env';
import { field, readForm } from '../http/form';
import { PublicError } from '../http/public-error';
import { errorResponse } from '../middleware/errors';
import { practiceOwner, type Visitor, visitorOf } from '../practice/access';
import { attemptIdFromClaimToken } from '../practice/claim-token';
import { type PracticeStanding, practiceStanding, startPractice } from '../practice/flow';
import { cooldownMs, practiceCat, secondsPerQuestion, timeLimitSeconds } from '../practice/rules';

/**
 * Self-benchmarking: the practice landing page per area (rules, start, resume, cooldown), the
 * history at /me, and what the owner of a result can do with it (claim, share, withdraw). The
 * owner's actions live under /attempts/:id/ because the attempt cookie is scoped to that path.
 */
export const practiceRoutes = new Hono<AppEnv>();

type Ctx = Context<AppEnv>;

const noArea = 'There is no skill area by that name. Choose one from the list of practice areas on the home page.';

/** The skill area the path's `:area` names (else a 404). */
async function requireArea(c: Ctx) {
  const area = await getArea(c.get('deps').db, c.req.param('area') ?? '');
  if (!area) throw new PublicError(404, noArea);
  return area;
}

async function startView(c: Ctx, visitor: Visitor, standing?: PracticeStanding): Promise<PracticeStartView> {
  const deps = c.get('deps');
  const area = await requireArea(c);
  const now = deps.clock();
  const s =
    standing ?? (await practiceStanding(deps.db, area.id, visitor, { now, graceMs: deps.settings.saveGraceMs }));
  const length = s.kind === 'too-small' ? { minLength: 0, maxLength: 0 } : s.length;
  const last = 'last' in s && s.last ? await lastResult(c, visitor, area.id) : null;
  return {
    area: { id: area.id, title: area.title, summary: area.summary, topics: area.topics },
    standing: s.kind,
    poolSize: s.poolSize,
    ...length,
    secondsPerQuestion,
    timeLimitSeconds: timeLimitSeconds(length.maxLength),
    precision: scaleUncertainty(practiceCat.seTarget),
    cooldownHours: cooldownMs / 3600_000,
    until: s.kind === 'cooldown' ? s.until : undefined,
    last,
    signedIn: visitor.user ? { name: visitor.user.name } : null,
  };
}

/** The person's latest finished result in the area, as the landing page quotes it. */
async function lastResult(c: Ctx, visitor: Visitor, areaId: string) {
  const rows = await historyOf(c, visitor);
  const row = rows.filter((r) => r.areaId === areaId).pop();
  return row
    ? {
        attemptId: row.attemptId,
        scaleScore: row.scaleScore,
        uncertainty: scaleUncertainty(row.thetaSe),
        band: scoreBand(row.scaleScore),
        submittedAt: row.submittedAt,
      }
    : null;
}

/** An account's results, or (signed out) the unclaimed ones this browser took. */
function historyOf(c: Ctx, visitor: Visitor): Promise<HistoryRow[]> {
  const db = c.get('deps').db;
  return practiceHistory(db, visitor.userId ? { userId: visitor.userId } : { deviceId: visitor.deviceId });
}

/** The rules page. A GET starts nothing. */
practiceRoutes.get('/practice/:area', async (c) => {
  const view = await startView(c, await visitorOf(c));
  c.header('Cache-Control', 'no-store');
  return c.render(<PracticeStartPage view={view} />, { title: `Practice: ${view.area.title}` });
});

/** Starts a practice test (or resumes the running one). No account needed. */
practiceRoutes.post('/practice/:area', async (c) => {
  const deps = c.get('deps');
  const area = await requireArea(c);
  const visitor = await visitorOf(c);
  const now = deps.clock();
  const outcome = await startPractice(deps.db, {
    areaId: area.id,
    person: visitor,
    now,
    graceMs: deps.settings.saveGraceMs,
    address: clientAddressOf(c),
  });
  if (outcome.kind === 'started' || outcome.kind === 'resumed') {
    await grantAttemptAccess(c, outcome.attemptId, visitor.deviceId);
    return c.redirect(`/attempts/${outcome.attemptId}`, 303);
  }
  const view = await startView(c, visitor, outcome);
  if (outcome.kind === 'cooldown') {
    c.header('Retry-After', String(Math.ceil((outcome.until - now) / 1000)));
    view.error = 'A new test of this area cannot start yet: one test per area a day.';
    c.status(429);
    return c.render(<PracticeStartPage view={view} />, { title: `Practice: ${view.area.title}` });
  }
  view.error = 'This area does not have enough questions for a practice test yet.';
  c.status(409);
  return c.render(<PracticeStartPage view={view} />, { title: `Practice: ${view.area.title}` });
});

// ---------------------------------------------------------------- history

practiceRoutes.get('/me', async (c) => {
  const deps = c.get('deps');
  const visitor = await visitorOf(c);
  const rows = await historyOf(c, visitor);
  const unclaimedHere = visitor.user ? (await practiceHistory(deps.db, { deviceId: visitor.deviceId })).length : 0;
  const areas = new Map<string, HistoryAreaView>();
  for (const row of rows) {
    const area = areas.get(row.areaId) ?? { areaId: row.areaId, areaTitle: row.areaTitle, results: [] };
    area.results.push({
      attemptId: row.attemptId,
      at: row.submittedAt,
      score: row.scaleScore,
      uncertainty: scaleUncertainty(row.thetaSe),
      band: scoreBand(row.scaleScore),
      endedByClock: row.state === 'expired',
      items: row.items,
    });
    areas.set(row.areaId, area);
  }
  const claimed = Number(c.req.query('added') ?? '');
  c.header('Cache-Control', 'no-store');
  return c.render(
    <HistoryPage
      view={{
        user: visitor.user ? { name: visitor.user.name, email: visitor.user.email } : null,
        areas: [...areas.values()].sort((x, y) => x.areaTitle.localeCompare(y.areaTitle)),
        unclaimedHere,
        notice:
          Number.isInteger(claimed) && claimed > 0
            ? `${claimed === 1 ? 'One result was' : `${claimed} results were`} added to your history.`
            : undefined,
      }}
    />,
    { title: 'Your practice results' },
  );
});

/** Adds every result this browser took without an account to the signed-in account's history. */
practiceRoutes.post('/me/claim-browser', async (c) => {
  const visitor = await visitorOf(c);
  if (!visitor.userId) return c.redirect('/login?next=/me', 303);
  const n = await claimDeviceAttempts(c.get('deps').db, visitor.deviceId, visitor.userId);
  return c.redirect(`/me?added=${n}`, 303);
});

// ---------------------------------------------------------------- the owner's actions on a result

const notYours =
  'There is no practice result at this address for this browser. Open it from the browser you took the test in, or sign in to the account it is kept in.';

/** A finished practice attempt this request owns (else a 404, or a 409 while it runs). */
async function requireOwnedResult(c: Ctx) {
  const attempt = await getAttempt(c.get('deps').db, c.req.param('id') ?? '');
  if (!attempt || !(await practiceOwner(c, attempt))) throw new PublicError(404, notYours);
  if (attempt.state === 'in_progress')
    throw new PublicError(409, 'This test is still running. Finish it first, then share or keep its result.');
  return attempt;
}

/** "Keep this result": puts it into the signed-in account's history. Needs the attempt cookie (or device). */
practiceRoutes.post('/attempts/:id/claim', async (c) => {
  const visitor = await visitorOf(c);
  const id = c.req.param('id');
  if (!visitor.userId) return c.redirect(`/login?next=${encodeURIComponent(`/attempts/${id}/result`)}`, 303);
  const attempt = await requireOwnedResult(c);
  const outcome = await claimAttempt(c.get('deps').db, attempt.id, visitor.userId);
  if (outcome === 'refused') {
    return errorResponse(c, 403, 'This result is kept in another account. Sign in to that account to see it.');
  }
  return c.redirect(`/attempts/${attempt.id}/result?kept=1`, 303);
});

/** Creates a share link (or keeps the live one): one link at a time, withdrawn by the owner. */
practiceRoutes.post('/attempts/:id/share', async (c) => {
  const attempt = await requireOwnedResult(c);
  const deps = c.get('deps');
  if (!(await activeShareOf(deps.db, attempt.id))) await createShare(deps.db, attempt.id, deps.clock());
  return c.redirect(`/attempts/${attempt.id}/result?shared=1#share-title`, 303);
});

practiceRoutes.post('/attempts/:id/share/revoke', async (c) => {
  const attempt = await requireOwnedResult(c);
  const deps = c.get('deps');
  const shareId = field(await readForm(c), 'share') ?? '';
  if (!/^[\w-]{22}$/.test(shareId)) return errorResponse(c, 400, 'Which link to withdraw is missing. Reload the page.');
  await revokeShare(deps.db, attempt.id, shareId, deps.clock());
  // Withdrawing twice (or a link already withdrawn) ends in the same place: no live link.
  return c.redirect(`/attempts/${attempt.id}/result?withdrawn=1#share-title`, 303);
});

// ---------------------------------------------------------------- the private link

const badClaimLink =
  'This link is not valid: it was changed or cut short. Open it again from where you saved it, whole.';
const claimedElsewhere =
  'This result is now kept in an account, so its private link no longer opens it. Sign in to that account to see it.';

/** A private link's result, if the link is genuine and the result is in no account, or in the visitor's. */
async function requireClaimTarget(c: Ctx, visitor: Visitor) {
  const deps = c.get('deps');
  const id = await attemptIdFromClaimToken(deps, c.req.param('token') ?? '');
  const attempt = id ? await getAttempt(deps.db, id) : null;
  if (attempt?.kind !== 'practice' || attempt.state === 'in_progress' || !attempt.areaId)
    throw new PublicError(404, badClaimLink);
  if (attempt.userId !== null && attempt.userId !== visitor.userId) throw new PublicError(403, claimedElsewhere);
  return { attempt, areaId: attempt.areaId };
}

/** Shows what the link does; a GET changes nothing (mail scanners open links too). */
practiceRoutes.get('/practice/claim/:token', async (c) => {
  const visitor = await visitorOf(c);
  const { attempt, areaId } = await requireClaimTarget(c, visitor);
  const area = await getArea(c.get('deps').db, areaId);
  c.header('Cache-Control', 'no-store');
  return c.render(
    <ClaimPage
      token={c.req.param('token')}
      areaTitle={area?.title ?? areaId}
      signedIn={visitor.user && attempt.userId === null ? { name: visitor.user.name } : null}
    />,
    { title: 'Open your practice result' },
  );
});

/** Opens the result in this browser (the owner's access), and keeps it in the signed-in account. */
practiceRoutes.post('/practice/claim/:token', async (c) => {
  const visitor = await visitorOf(c);
  const { attempt } = await requireClaimTarget(c, visitor);
  await grantAttemptAccess(c, attempt.id, deviceIdOf(c));
  if (visitor.userId && attempt.userId === null) {
    await claimAttempt(c.get('deps').db, attempt.id, visitor.userId);
    return c.redirect(`/attempts/${attempt.id}/result?kept=1`, 303);
  }
  return c.redirect(`/attempts/${attempt.id}/result`, 303);
});
