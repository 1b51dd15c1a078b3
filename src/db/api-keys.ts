import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from './client';
import { newId } from './ids';
import { type ApiScope, apiKeys, organizations, users } from './schema';

export async function createApiKey(
  db: Db,
  input: {
    orgId: string;
    name: string;
    prefix: string;
    keyHash: string;
    createdBy: string;
    now: number;
    scopes?: ApiScope[];
  },
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
    ...(input.scopes ? { scopes: input.scopes } : {}),
  });
  return id;
}

export async function listApiKeys(db: Db, orgId: string) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
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

/** A live key: its organization, what it may do and when it was last used; null when unknown or revoked. */
export async function organizationOfKey(db: Db, keyHash: string) {
  const [row] = await db
    .select({
      id: apiKeys.id,
      orgId: apiKeys.orgId,
      orgName: organizations.name,
      scopes: apiKeys.scopes,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .innerJoin(organizations, eq(organizations.id, apiKeys.orgId))
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)));
  return row ?? null;
}

/** How often a key's last use is written down. */
export const touchIntervalMs = 60_000;

/**
 * Records use at most once a minute per key, so busy integrations do not turn every read into a
 * write: callers skip the call while the key's lastUsedAt is recent, and the guard here keeps
 * concurrent requests from writing twice.
 */
export async function touchApiKey(db: Db, id: string, now: number) {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, now - touchIntervalMs))));
}
