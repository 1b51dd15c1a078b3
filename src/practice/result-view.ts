/**
 * What the owner's result page of a practice test shows, assembled from the finished attempt:
 * the stored score and margin, the live percentile, topics with their documentation, the review,
 * the share link and the offer to keep the result.
 */
import type { Context } from 'hono';
import { sessionUser } from '../auth/session';
import { reviewItem } from '../candidate/describe';
import { getArea } from '../db/areas';
import { attemptItemsWithContent, responsesOf } from '../db/attempts';
import { activeShareOf, areaPopulation } from '../db/practice';
import type { attempts } from '../db/schema';
import { percentileRank, scaleScore, scaleUncertainty, scoreBand } from '../engine/scale';
import type { AppEnv } from '../env';
import { publicOrigin } from '../http/public-origin';
import { claimToken } from './claim-token';
import { cooldownMs, lengthOfAttempt } from './rules';
import { answeredItems, estimateAbility } from './score';
import { endReasonOf } from './select';
import { shareToken, shareUrl } from './share-token';

type AttemptRow = typeof attempts.$inferSelect;

/** Topics where less than this share of the credit was earned get a "read up" link. */
const weakBelowPercent = 50;

/** The live percentile of a score among the other results of its area. */
export async function livePercentile<E extends AppEnv>(
  c: Context<E>,
  areaId: string,
  attemptId: string,
  score: number,
) {
  const others = await areaPopulation(c.get('deps').db, areaId, attemptId);
  return { percentile: percentileRank(score, others), others: others.length };
}

/** What the owner just did, read from the redirect that brought them back (POST-redirect-GET). */
const notices: Record<string, string> = {
  kept: 'This result is now in your history.',
  shared: 'Your result link is ready: copy it below.',
  withdrawn: 'The link was withdrawn. Anyone who opens it now is told so.',
};

export async function practiceResultView<E extends AppEnv>(c: Context<E>, attempt: AttemptRow) {
  const notice = Object.keys(notices).find((key) => c.req.query(key) === '1');
  const deps = c.get('deps');
  const areaId = attempt.areaId ?? '';
  const [area, items, saved, share, user] = await Promise.all([
    getArea(deps.db, areaId),
    attemptItemsWithContent(deps.db, attempt.id),
    responsesOf(deps.db, attempt.id),
    activeShareOf(deps.db, attempt.id),
    sessionUser(c),
  ]);
  // Stored at the finish; recomputed only for an attempt finished before practice scoring existed.
  const estimate =
    attempt.theta !== null && attempt.thetaSe !== null
      ? { theta: attempt.theta, se: attempt.thetaSe }
      : estimateAbility(items, saved);
  const score = attempt.scaleScore ?? scaleScore(estimate.theta);
  const answered = answeredItems(items, saved);
  const byTopic = attempt.result?.byTopic ?? {};
  const asked = new Map<string, number>();
  for (const item of answered) asked.set(item.topic, (asked.get(item.topic) ?? 0) + 1);
  const known = new Set((area?.topics ?? []).map((t) => t.id));
  const topicLine = (id: string, title: string, docsUrl: string | null) => {
    const percent = byTopic[id]?.percent ?? 0;
    const count = asked.get(id) ?? 0;
    return { id, title, docsUrl, answered: count, percent, weak: count > 0 && percent < weakBelowPercent };
  };
  const submittedAt = attempt.submittedAt ?? attempt.deadlineAt;
  const nextStart = submittedAt + cooldownMs;
  return {
    attemptId: attempt.id,
    areaId,
    areaTitle: area?.title ?? areaId,
    state: attempt.state === 'expired' ? ('expired' as const) : ('submitted' as const),
    submittedAt,
    durationSeconds: Math.max(0, Math.round((submittedAt - attempt.startedAt) / 1000)),
    scaleScore: score,
    uncertainty: scaleUncertainty(estimate.se),
    band: scoreBand(score),
    endReason: endReasonOf({
      expired: attempt.state === 'expired',
      answered: answered.length,
      se: estimate.se,
      length: lengthOfAttempt(attempt),
    }),
    answered: answered.length,
    percentile: await livePercentile(c, areaId, attempt.id, score),
    topics: [
      ...(area?.topics ?? []).map((t) => topicLine(t.id, t.title, t.docsUrl)),
      // A topic renamed in the bank since the test still shows, under its id.
      ...[...asked.keys()].filter((id) => !known.has(id)).map((id) => topicLine(id, id, null)),
    ],
    review: items.map((item) => reviewItem(item, saved.get(item.questionId)?.answer ?? null)),
    share: share
      ? {
          shareId: share.id,
          createdAt: share.createdAt,
          url: shareUrl(publicOrigin(c), await shareToken(deps, share)),
        }
      : null,
    owner: {
      claimed: attempt.userId !== null,
      signedIn: user ? { name: user.name } : null,
      privateUrl:
        attempt.userId === null ? `${publicOrigin(c)}/practice/claim/${await claimToken(deps, attempt)}` : null,
    },
    nextStartAt: nextStart > deps.clock() ? nextStart : null,
    notice: notice ? notices[notice] : undefined,
  };
}
