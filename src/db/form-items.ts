/**
 * The question behind one position of an attempt, as the save path needs it (type, options, the
 * attempt's option order), cached in memory. An attempt's items never change once written (a
 * regrade only sets their scoring, adaptive practice only appends), so a cached entry can never be
 * stale and the app stays stateless: another process simply reads it once itself. Bounded, so
 * memory does not grow with the number of attempts ever seen.
 */

import { attemptItemAt } from './attempts';
import { boundedCache } from './bounded-cache';
import type { Db } from './client';

type FormItem = NonNullable<Awaited<ReturnType<typeof attemptItemAt>>>;

const cache = boundedCache<FormItem>(50_000);

/** attemptItemAt through the cache: one read per (attempt, position) and process, none after. */
export async function cachedAttemptItemAt(db: Db, attemptId: string, position: number): Promise<FormItem | null> {
  const key = `${attemptId}:${position}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const item = await attemptItemAt(db, attemptId, position);
  if (!item) return null;
  cache.set(key, item);
  return item;
}
