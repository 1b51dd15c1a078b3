import { and, eq, lte, or, sql } from 'drizzle-orm';
import type { Db } from './client';
import { idempotencyKeys } from './schema';

/** How long a key names its request: a retry within a day replays, a key reused later starts afresh. */
export const idempotencyWindowMs = 24 * 3600 * 1000;

/**
 * How long a first request may hold its key without an answer stored. Past it, the request is
 * taken as lost (the process died mid-way) and a retry runs instead of waiting a day.
 */
export const abandonedAfterMs = 15 * 60 * 1000;

export interface IdempotencyScope {
  orgId: string;
  apiKeyId: string;
  key: string;
}

export type Claim =
  | { kind: 'new' }
  | { kind: 'replay'; status: number; body: string }
  | { kind: 'mismatch' }
  | { kind: 'in-progress' };

const rowOf = (s: IdempotencyScope) =>
  and(eq(idempotencyKeys.orgId, s.orgId), eq(idempotencyKeys.apiKeyId, s.apiKeyId), eq(idempotencyKeys.key, s.key));

/**
 * Claims the key for a request with this fingerprint, in one statement: a new key, or one whose
 * day is over, or one abandoned mid-way, is taken; otherwise the stored row decides (the stored
 * answer for the same request, a mismatch for another request, or still in progress).
 */
export async function claimIdempotencyKey(
  db: Db,
  scope: IdempotencyScope,
  fingerprint: string,
  now: number,
): Promise<Claim> {
  const stale = or(
    lte(idempotencyKeys.createdAt, now - idempotencyWindowMs),
    and(sql`${idempotencyKeys.responseStatus} is null`, lte(idempotencyKeys.createdAt, now - abandonedAfterMs)),
  );
  const taken = await db
    .insert(idempotencyKeys)
    .values({ ...scope, fingerprint, createdAt: now })
    .onConflictDoUpdate({
      target: [idempotencyKeys.orgId, idempotencyKeys.apiKeyId, idempotencyKeys.key],
      set: { fingerprint, responseStatus: null, responseBody: null, createdAt: now },
      setWhere: stale,
    })
    .returning({ key: idempotencyKeys.key });
  if (taken.length > 0) return { kind: 'new' };
  const [row] = await db.select().from(idempotencyKeys).where(rowOf(scope));
  if (!row) return { kind: 'in-progress' };
  if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
  if (row.responseStatus === null || row.responseBody === null) return { kind: 'in-progress' };
  return { kind: 'replay', status: row.responseStatus, body: row.responseBody };
}

export async function storeIdempotentResponse(db: Db, scope: IdempotencyScope, status: number, body: string) {
  await db.update(idempotencyKeys).set({ responseStatus: status, responseBody: body }).where(rowOf(scope));
}

/** Frees the key when the request ended without an answer worth replaying (our failure, a rate limit). */
export async function releaseIdempotencyKey(db: Db, scope: IdempotencyScope) {
  await db.delete(idempotencyKeys).where(and(rowOf(scope), sql`${idempotencyKeys.responseStatus} is null`));
}

/** Keys whose day is over hold nothing any more; the periodic jobs delete them. */
export async function deleteExpiredIdempotencyKeys(db: Db, now: number): Promise<number> {
  const rows = await db
    .delete(idempotencyKeys)
    .where(lte(idempotencyKeys.createdAt, now - idempotencyWindowMs))
    .returning({ key: idempotencyKeys.key });
  return rows.length;
}
