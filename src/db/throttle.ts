import { and, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { Bucket } from '../auth/throttle';
import type { Db } from './client';
import { loginThrottle } from './schema';

export interface Slot {
  bucket: Bucket;
  windowStart: number;
}

export type SlotsOutcome = { ok: true; slots: Slot[] } | { ok: false; retryAfterMs: number };

/**
 * Takes one slot in `bucket` when it has one left in its window (starting a new window when the
 * old one ended), and returns that window's start; null when the bucket is full. One statement:
 * the count is raised and read together, so concurrent requests can never share a slot.
 */
async function takeSlot(db: Db, bucket: Bucket, now: number): Promise<number | null> {
  const ended = sql`${loginThrottle.windowStart} <= ${now - bucket.limit.windowMs}`;
  const rows = await db
    .insert(loginThrottle)
    .values({ key: bucket.key, account: bucket.account, failures: 1, windowStart: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${ended} then 1 else ${loginThrottle.failures} + 1 end`,
        windowStart: sql`case when ${ended} then ${now} else ${loginThrottle.windowStart} end`,
      },
      setWhere: sql`${ended} or ${loginThrottle.failures} < ${bucket.limit.max}`,
    })
    .returning({ windowStart: loginThrottle.windowStart });
  return rows[0]?.windowStart ?? null;
}

/** Gives a slot back (a success, or a refusal by another bucket), in the window it was taken in. */
async function giveBack(db: Db, slot: Slot) {
  await db
    .update(loginThrottle)
    .set({ failures: sql`max(${loginThrottle.failures} - 1, 0)` })
    .where(and(eq(loginThrottle.key, slot.bucket.key), eq(loginThrottle.windowStart, slot.windowStart)));
}

/**
 * A slot in every bucket, most specific first, or the wait until the first full one has room.
 * On a refusal the slots already taken go back, so a refused request counts nowhere.
 */
export async function takeSlots(db: Db, buckets: Bucket[], now: number): Promise<SlotsOutcome> {
  const slots: Slot[] = [];
  for (const bucket of buckets) {
    const windowStart = await takeSlot(db, bucket, now);
    if (windowStart === null) {
      for (const slot of slots) await giveBack(db, slot);
      const [row] = await db
        .select({ windowStart: loginThrottle.windowStart })
        .from(loginThrottle)
        .where(eq(loginThrottle.key, bucket.key));
      return { ok: false, retryAfterMs: Math.max(1000, (row?.windowStart ?? now) + bucket.limit.windowMs - now) };
    }
    slots.push({ bucket, windowStart });
  }
  return { ok: true, slots };
}

/** After a successful sign-in: the pair's (or device's) count starts over, wider buckets get their slot back. */
export async function releaseSlots(db: Db, slots: Slot[]) {
  for (const slot of slots) {
    if (slot.bucket.clearedBySuccess) await db.delete(loginThrottle).where(eq(loginThrottle.key, slot.bucket.key));
    else await giveBack(db, slot);
  }
}

/** An unlock: every bucket of the account (its own, its pairs, its devices). Returns how many there were. */
export async function clearAccountThrottle(db: Db, email: string): Promise<number> {
  const rows = await db
    .delete(loginThrottle)
    .where(eq(loginThrottle.account, email))
    .returning({ key: loginThrottle.key });
  return rows.length;
}

/** Failures counted in the current window of each key, for keys that have any. */
export async function liveFailures(db: Db, keys: string[], windowMs: number, now: number) {
  if (keys.length === 0) return new Map<string, { failures: number; windowStart: number }>();
  const rows = await db
    .select()
    .from(loginThrottle)
    .where(
      and(
        inArray(loginThrottle.key, keys),
        gt(loginThrottle.windowStart, now - windowMs),
        gt(loginThrottle.failures, 0),
      ),
    );
  return new Map(rows.map((r) => [r.key, { failures: r.failures, windowStart: r.windowStart }]));
}

/** Buckets whose window ended long ago hold nothing: the periodic jobs delete them. */
export async function deleteEndedThrottles(db: Db, before: number): Promise<number> {
  const rows = await db
    .delete(loginThrottle)
    .where(lte(loginThrottle.windowStart, before))
    .returning({ key: loginThrottle.key });
  return rows.length;
}
