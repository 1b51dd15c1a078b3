import { type Context, Hono } from 'hono';
import { SharedResultPage, SharedResultProblemPage, sharedResultProblemTitle } from '../../views/practice/shared';
import { sharedResult } from '../db/practice';
import { scaleUncertainty, scoreBand } from '../engine/scale';
import type { AppEnv } from '../env';
import { livePercentile } from '../practice/result-view';
import { shareIdFromToken } from '../practice/share-token';

/**
 * Public, verifiable practice results. The token's signature proves the link came from this
 * server; the figures come from the database at request time. A link that does not verify is
 * 404 "not valid"; one its owner withdrew is 410 "withdrawn by its owner", so a recipient can tell
 * a forged link from a withdrawn one.
 */
export const resultsRoutes = new Hono<AppEnv>();

function problem(c: Context<AppEnv>, kind: 'invalid' | 'withdrawn', status: 404 | 410) {
  c.status(status);
  return c.render(<SharedResultProblemPage kind={kind} />, { title: sharedResultProblemTitle(kind) });
}

resultsRoutes.get('/results/:token', async (c) => {
  const deps = c.get('deps');
  // Result links travel in emails and CVs: keep them out of shared caches and search engines. (The
  // site-wide Referrer-Policy same-origin already keeps the token out of Referer headers elsewhere.)
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex');
  const shareId = await shareIdFromToken(deps, c.req.param('token'));
  const row = shareId ? await sharedResult(deps.db, shareId) : null;
  if (!row || row.state === 'in_progress' || !row.areaId || row.scaleScore === null || row.thetaSe === null) {
    return problem(c, 'invalid', 404);
  }
  if (row.revokedAt !== null) return problem(c, 'withdrawn', 410);
  const score = row.scaleScore;
  return c.render(
    <SharedResultPage
      view={{
        areaTitle: row.areaTitle,
        scaleScore: score,
        uncertainty: scaleUncertainty(row.thetaSe),
        band: scoreBand(score),
        takenAt: row.submittedAt ?? 0,
        endedByClock: row.state === 'expired',
        percentile: await livePercentile(c, row.areaId, row.attemptId, score),
        checkedAt: deps.clock(),
      }}
    />,
    { title: `Verified result · ${row.areaTitle}` },
  );
});
