import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from './client';
import { newId } from './ids';
import { apiKeys, users } from './schema';

export async function createApiKey(
  db: Db,
  input: { orgId: string; name: string; prefix: string; keyHash: string; createdBy: string; now: number },
) {
  const id = newId();
  await db.insert(apiKeys).values({
    id,
    orgId: input.orgId,
    name: input.name,
    prefix: input.prefix,
    keyHash: input.keyHash,
    createdBy: input.createdBy,
    createdAt: input.now,
  });
  return id;
}

export async function listApiKeys(db: Db, orgId: string) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      createdBy: users.name,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.createdBy))
    .where(eq(apiKeys.orgId, orgId))
    .orderBy(desc(apiKeys.createdAt));
}

export async function revokeApiKey(db: Db, orgId: string, id: string, now: number): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.orgId, orgId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}

/** The organization a live key belongs to, or null. */
export async function organizationOfKey(db: Db, keyHash: string) {
  const [row] = await db
    .select({ id: apiKeys.id, orgId: apiKeys.orgId })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)));
  return row ?? null;
}

/** Records use at most once a minute per key, so busy integrations do not turn every read into a write. */
export async function touchApiKey(db: Db, id: string, now: number) {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, now - 60_000))));
}
