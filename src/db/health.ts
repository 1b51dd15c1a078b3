import { sql } from 'drizzle-orm';
import type { Db } from './client';

/** True when the database answers a trivial query within `timeoutMs`. */
export async function databaseReachable(db: Db, timeoutMs = 2000): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([db.get(sql`select 1 as ok`).then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
