/** An organization's webhook endpoints and what the settings pages show of their deliveries. */
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { WebhookEventType } from '../engine/webhook-events';
import type { Db } from './client';
import { newId } from './ids';
import { users, webhookDeliveries, webhookOutbox, webhooks } from './schema';

export type WebhookRow = typeof webhooks.$inferSelect;

export interface WebhookInput {
  url: string;
  description: string;
  events: WebhookEventType[];
}

export async function createWebhook(
  db: Db,
  input: WebhookInput & { orgId: string; secret: string; createdBy: string; now: number },
): Promise<string> {
  const id = newId();
  await db.insert(webhooks).values({
    id,
    orgId: input.orgId,
    url: input.url,
    description: input.description,
    events: input.events,
    secret: input.secret,
    createdBy: input.createdBy,
    createdAt: input.now,
  });
  return id;
}

export async function getWebhook(db: Db, orgId: string, id: string): Promise<WebhookRow | null> {
  const [row] = await db
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.id, id), eq(webhooks.orgId, orgId)));
  return row ?? null;
}

/** The organization's endpoints, newest first, with who made them and their backlog. */
export async function listWebhooks(db: Db, orgId: string) {
  return db
    .select({
      id: webhooks.id,
      url: webhooks.url,
      description: webhooks.description,
      events: webhooks.events,
      disabledAt: webhooks.disabledAt,
      createdAt: webhooks.createdAt,
      createdBy: users.name,
      pending: sql<number>`(select count(*) from webhook_outbox o where o.webhook_id = ${webhooks.id} and o.delivered_at is null and o.failed_at is null)`,
      failed: sql<number>`(select count(*) from webhook_outbox o where o.webhook_id = ${webhooks.id} and o.failed_at is not null)`,
    })
    .from(webhooks)
    .leftJoin(users, eq(users.id, webhooks.createdBy))
    .where(eq(webhooks.orgId, orgId))
    .orderBy(desc(webhooks.createdAt), desc(webhooks.id));
}

export async function updateWebhook(db: Db, orgId: string, id: string, input: WebhookInput, now: number) {
  await db
    .update(webhooks)
    .set({ ...input, updatedAt: now })
    .where(and(eq(webhooks.id, id), eq(webhooks.orgId, orgId)));
}

/** Disables (events are no longer written for it, and its backlog waits) or enables an endpoint. */
export async function setWebhookDisabled(db: Db, orgId: string, id: string, disabled: boolean, now: number) {
  await db
    .update(webhooks)
    .set({ disabledAt: disabled ? now : null, updatedAt: now })
    .where(and(eq(webhooks.id, id), eq(webhooks.orgId, orgId)));
}

/** A new secret; the one it replaces keeps signing alongside until `overlapUntil`. */
export async function rotateWebhookSecret(
  db: Db,
  orgId: string,
  id: string,
  input: { secret: string; overlapUntil: number; now: number },
) {
  await db
    .update(webhooks)
    .set({
      previousSecret: sql`${webhooks.secret}`,
      previousSecretExpiresAt: input.overlapUntil,
      secret: input.secret,
      updatedAt: input.now,
    })
    .where(and(eq(webhooks.id, id), eq(webhooks.orgId, orgId)));
}

/** The latest tries to one endpoint, newest first: the delivery log. */
export async function deliveryLog(db: Db, orgId: string, webhookId: string, limit = 50) {
  return db
    .select({
      id: webhookDeliveries.id,
      messageId: webhookDeliveries.outboxId,
      event: webhookOutbox.event,
      tryNumber: webhookDeliveries.tryNumber,
      at: webhookDeliveries.at,
      statusCode: webhookDeliveries.statusCode,
      latencyMs: webhookDeliveries.latencyMs,
      responseExcerpt: webhookDeliveries.responseExcerpt,
      error: webhookDeliveries.error,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookOutbox, eq(webhookOutbox.id, webhookDeliveries.outboxId))
    .where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.webhookId, webhookId)))
    .orderBy(desc(webhookDeliveries.at), desc(webhookDeliveries.id))
    .limit(limit);
}

/** Messages to one endpoint that were given up after their last try, newest first. */
export async function failedMessages(db: Db, orgId: string, webhookId: string, limit = 50) {
  return db
    .select({
      id: webhookOutbox.id,
      event: webhookOutbox.event,
      tries: webhookOutbox.tries,
      createdAt: webhookOutbox.createdAt,
      failedAt: webhookOutbox.failedAt,
      lastError: webhookOutbox.lastError,
    })
    .from(webhookOutbox)
    .where(
      and(eq(webhookOutbox.orgId, orgId), eq(webhookOutbox.webhookId, webhookId), isNotNull(webhookOutbox.failedAt)),
    )
    .orderBy(desc(webhookOutbox.failedAt))
    .limit(limit);
}

/** Puts a failed message back in line for one more try now. Returns whether there was one. */
export async function retryFailedMessage(db: Db, orgId: string, webhookId: string, messageId: string, now: number) {
  const rows = await db
    .update(webhookOutbox)
    .set({ failedAt: null, nextTryAt: now })
    .where(
      and(
        eq(webhookOutbox.id, messageId),
        eq(webhookOutbox.orgId, orgId),
        eq(webhookOutbox.webhookId, webhookId),
        isNotNull(webhookOutbox.failedAt),
      ),
    )
    .returning({ id: webhookOutbox.id });
  return rows.length > 0;
}

/** How many messages to one endpoint still wait for delivery. */
export async function pendingCount(db: Db, orgId: string, webhookId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(webhookOutbox)
    .where(
      and(
        eq(webhookOutbox.orgId, orgId),
        eq(webhookOutbox.webhookId, webhookId),
        isNull(webhookOutbox.deliveredAt),
        isNull(webhookOutbox.failedAt),
      ),
    );
  return row?.n ?? 0;
}
