import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/support/app';
import { seedInvitation } from '../../test/support/fixtures';
import { drawQuestions } from '../engine/draw';
import { invitationForCandidate } from './assessments';
import { LinkReplaced, startInvitedAttempt } from './attempts';
import { attemptItemsFromDraw, blueprintPool } from './pool';
import { attemptEvents, attemptItems, attempts, invitations, questionExposure } from './schema';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(() => t.close());

/** What the start route computes before it writes: the invitation, a draw from the pool. */
async function startInput() {
  const { invitationId } = await seedInvitation(t);
  const row = await invitationForCandidate(t.db, invitationId);
  if (!row) throw new Error('no invitation');
  const pool = await blueprintPool(t.db, row.invitation.orgId, row.assessment.blueprint);
  const seed = 'seed-1';
  const drawn = drawQuestions(pool, row.assessment.blueprint, seed, { shuffleQuestions: true, shuffleOptions: true });
  return {
    invitationId,
    orgId: row.invitation.orgId,
    assessmentId: row.assessment.id,
    seed,
    startedAt: t.clock.now,
    deadlineAt: t.clock.now + 3600_000,
    items: attemptItemsFromDraw(pool, drawn),
    detail: { device: 'd', address: '127.0.0.1' },
    linkVersion: row.invitation.tokenVersion,
  };
}

const count = async (table: typeof attempts | typeof attemptItems | typeof attemptEvents | typeof questionExposure) =>
  (await t.db.select().from(table)).length;

describe('starting an invited attempt', () => {
  it('writes nothing and says so when the link was replaced between the route’s check and the write', async () => {
    const input = await startInput();
    // A resend lands after the route compared the link's version and before the batch.
    await t.db
      .update(invitations)
      .set({ tokenVersion: input.linkVersion + 1 })
      .where(eq(invitations.id, input.invitationId));

    await expect(startInvitedAttempt(t.db, input)).rejects.toBeInstanceOf(LinkReplaced);
    expect(await count(attempts)).toBe(0);
    expect(await count(attemptItems)).toBe(0);
    expect(await count(attemptEvents)).toBe(0);
    expect(await count(questionExposure)).toBe(0);
    const [invitation] = await t.db.select().from(invitations).where(eq(invitations.id, input.invitationId));
    expect(invitation?.status).not.toBe('started');
  });

  it('starts through the current link, once, with every item, and answers a second start with the same attempt', async () => {
    const input = await startInput();
    const first = await startInvitedAttempt(t.db, input);
    expect(first.created).toBe(true);
    expect(await count(attemptItems)).toBe(input.items.length);
    const [attempt] = await t.db.select().from(attempts);
    expect(attempt?.seed).toBe('seed-1');
    const again = await startInvitedAttempt(t.db, { ...input, seed: 'seed-2' });
    expect(again).toEqual({ attemptId: first.attemptId, created: false });
    expect(await count(attempts)).toBe(1);
  });
});
