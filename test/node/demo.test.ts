import { eq, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demo, demoAnswer, seedDemo } from '../../src/cli/demo';
import {
  assessments,
  attemptEvents,
  attempts,
  decisions,
  invitations,
  memberships,
  notes,
  organizations,
  questionVersions,
  responses,
} from '../../src/db/schema';
import { createRng } from '../../src/engine/random';
import { scoreAnswer } from '../../src/engine/scoring';
import { makeTestApp, type TestApp } from '../support/app';
import { importTestBank } from '../support/bank';
import { TestBrowser } from '../support/client';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
  await importTestBank(t.db);
});
afterEach(() => t.close());

const count = async (table: SQLiteTable) => (await t.db.select({ n: sql<number>`count(*)` }).from(table))[0]?.n;

describe('npm run demo', () => {
  it('creates a workspace with candidates of every kind, once', async () => {
    const first = await seedDemo(t.db, { now: t.clock.now, passwordIterations: 1000 });
    expect(first).toMatchObject({ created: true, counts: { invitations: 12, finished: 9 } });
    expect(await t.db.select().from(organizations)).toMatchObject([{ name: demo.orgName }]);
    expect((await t.db.select().from(memberships)).map((m) => m.role).sort()).toEqual(['owner', 'reviewer']);
    expect(await count(assessments)).toBe(1);
    expect(await count(invitations)).toBe(12);

    const all = await t.db.select().from(attempts);
    const finished = all.filter((a) => a.state !== 'in_progress');
    expect(finished).toHaveLength(9);
    expect(all.filter((a) => a.state === 'in_progress')).toHaveLength(1);
    expect(finished.filter((a) => a.state === 'expired')).toHaveLength(1);
    for (const a of finished) {
      expect(a.scorePercent).not.toBeNull();
      expect(a.result?.max).toBeGreaterThan(0);
      expect(a.submittedAt).toBeLessThanOrEqual(t.clock.now);
      expect(a.submittedAt).toBeGreaterThan(a.startedAt);
    }
    // Abilities differ, so scores do: some pass, some fail.
    expect(new Set(finished.map((a) => a.passed))).toEqual(new Set([true, false]));
    // The expired attempt was scored from what was saved before its deadline.
    const expired = finished.find((a) => a.state === 'expired');
    const late = await t.db
      .select()
      .from(responses)
      .where(eq(responses.attemptId, expired?.id ?? ''));
    expect(late.every((r) => r.savedAt <= (expired?.deadlineAt ?? 0))).toBe(true);

    const statuses = (await t.db.select().from(invitations)).map((i) => i.status).sort();
    expect(statuses.filter((s) => s === 'completed')).toHaveLength(9);
    expect(statuses).toContain('started');
    expect(statuses).toContain('opened');
    expect(statuses).toContain('invited');
    const events = await t.db.select().from(attemptEvents);
    expect(events.filter((e) => e.type === 'focus_lost').length).toBeGreaterThanOrEqual(3);
    expect(events.some((e) => e.type === 'paste')).toBe(true);
    expect(events.some((e) => e.type === 'new_device')).toBe(true);
    expect(await count(notes)).toBeGreaterThanOrEqual(3);
    expect(await count(decisions)).toBe(3);

    // Run again: nothing is added.
    const again = await seedDemo(t.db, { now: t.clock.now, passwordIterations: 1000 });
    expect(again.created).toBe(false);
    expect(await count(attempts)).toBe(10);
    expect(await count(invitations)).toBe(12);
  });

  it('signs in with the printed credentials and shows the demo assessment', async () => {
    await seedDemo(t.db, { now: t.clock.now, passwordIterations: 1000 });
    for (const who of [demo.owner, demo.reviewer]) {
      const browser = new TestBrowser(t.app);
      const login = await browser.post('/login', { email: who.email, password: demo.password });
      expect(login.headers.get('location')).toBe('/app');
      const html = await (await browser.get('/app')).text();
      expect(html).toContain(demo.orgName);
      expect(html).toContain(demo.assessmentTitle);
    }
  });

  it('answers right exactly when it means to', async () => {
    const rng = createRng('test');
    const versions = await t.db.select().from(questionVersions);
    expect(new Set(versions.map((v) => v.type)).size).toBe(6);
    for (const v of versions) {
      for (let k = 0; k < 5; k++) {
        expect(scoreAnswer(v.answerKey, demoAnswer(v.answerKey, v.options, true, rng)), v.questionId).toBe(1);
        expect(scoreAnswer(v.answerKey, demoAnswer(v.answerKey, v.options, false, rng)), v.questionId).toBeLessThan(1);
      }
    }
  });
});
