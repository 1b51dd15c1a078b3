import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/support/app';
import { TestBrowser } from '../../test/support/client';
import { seedInvitation } from '../../test/support/fixtures';
import { attemptItemAt } from './attempts';
import { cachedAttemptItemAt } from './form-items';
import { attemptItems } from './schema';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(() => t.close());

async function startedAttempt() {
  const seed = await seedInvitation(t);
  const res = await new TestBrowser(t.app).post(`/invite/${seed.token}`);
  return (res.headers.get('location') ?? '').split('/').pop() ?? '';
}

describe('the form side of an attempt, cached per attempt', () => {
  it('gives every position the question, type and display order the full read gives', async () => {
    const attemptId = await startedAttempt();
    const count = (await t.db.select().from(attemptItems)).length;
    expect(count).toBeGreaterThan(5);
    for (let position = 0; position < count; position++) {
      const full = await attemptItemAt(t.db, attemptId, position);
      const cached = await cachedAttemptItemAt(t.db, attemptId, position);
      expect(full).not.toBeNull();
      expect(cached?.questionId).toBe(full?.questionId);
      expect(cached?.type).toBe(full?.type);
      expect(cached?.optionOrder).toEqual(full?.optionOrder ?? full?.options.map((o) => o.id));
    }
    expect(await cachedAttemptItemAt(t.db, attemptId, count)).toBeNull();
    expect(await cachedAttemptItemAt(t.db, 'no-such-attempt', 0)).toBeNull();
  });

  it('reads the attempt again for a position appended after it was cached, as adaptive practice appends', async () => {
    const attemptId = await startedAttempt();
    const rows = await t.db.select().from(attemptItems);
    const last = rows.length - 1;
    // Cache the attempt, then move its last item one position on, as an appended item would be.
    expect(await cachedAttemptItemAt(t.db, attemptId, 0)).not.toBeNull();
    const moved = rows.find((r) => r.position === last);
    if (!moved) throw new Error('no last item');
    await t.db.delete(attemptItems).where(eq(attemptItems.position, last));
    await t.db.insert(attemptItems).values({ ...moved, position: last + 1 });
    expect((await cachedAttemptItemAt(t.db, attemptId, last + 1))?.questionId).toBe(moved.questionId);
  });
});

describe('the items attempts share', () => {
  it('are one object for every attempt that shows a question alike, and frozen', async () => {
    const first = await startedAttempt();
    const second = await startedAttempt();
    const rows = await t.db.select().from(attemptItems);
    const itemsOf = async (attemptId: string) => {
      const count = rows.filter((r) => r.attemptId === attemptId).length;
      const items = [];
      for (let position = 0; position < count; position++)
        items.push(await cachedAttemptItemAt(t.db, attemptId, position));
      return items;
    };
    const [a, b] = [await itemsOf(first), await itemsOf(second)];
    const key = (i: (typeof a)[number]) => `${i?.questionId} ${i?.optionOrder.join(',')}`;
    const inB = new Map(b.map((i) => [key(i), i]));
    // The same draw from the same pool: some questions come up in both, in the same order.
    const alike = a.filter((i) => inB.has(key(i)));
    expect(alike.length).toBeGreaterThan(0);
    for (const item of alike) expect(inB.get(key(item))).toBe(item);
    // Items shown differently stay apart.
    const apart = b.filter((i) => !a.some((j) => key(j) === key(i)));
    for (const item of apart) expect(a).not.toContain(item);
    expect(Object.isFrozen(a[0])).toBe(true);
    expect(Object.isFrozen(a[0]?.optionOrder)).toBe(true);
  });
});
