/** Delivering the outbox: claiming due messages, recording each try, pruning old history. */
import { and, eq, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from './client';
import { invitations, type OutboxKind, webhookDeliveries, webhookOutbox, webhooks } from './schema';

export interface ClaimedMessage {
  id: string;
  kind: OutboxKind;
  orgId: string;
  webhookId: string | null;
  event: string;
  payload: Record<string, unknown>;
  /** This try's number (1 for the first). */
  tries: number;
  createdAt: number;
  /** Where it goes: the endpoint's current URL, or the partner's callback. */
  url: string | null;
  /** Webhooks: the secrets that sign it, current first. */
  secrets: string[];
  /** Greenhouse: the sealed key the PATCH authenticates with. */
  partnerCredential: string | null;
}

/**
 * Claims up to `limit` due messages for one delivery run: their next try moves to `leaseUntil`,
 * so another run (another instance, the next cron) leaves them alone while this one sends; if
 * this run dies, they are due again after the lease. One UPDATE, so two runs never claim the
 * same message. Messages of a disabled endpoint wait until it is enabled again.
 */
export async function claimDueMessages(
  db: Db,
  input: { now: number; leaseUntil: number; limit: number; id?: string },
): Promise<ClaimedMessage[]> {
  const only = input.id === undefined ? sql`` : sql`and o.id = ${input.id}`;
  const claimed = await db.all<{ id: string }>(sql`
    update webhook_outbox set tries = tries + 1, next_try_at = ${input.leaseUntil}
    where id in (
      select o.id from webhook_outbox o left join webhooks w on w.id = o.webhook_id
      where o.delivered_at is null and o.failed_at is null and o.next_try_at <= ${input.now}
        and (o.webhook_id is null or w.disabled_at is null) ${only}
      order by o.next_try_at, o.created_at, o.rowid
      limit ${input.limit})
    returning id`);
  if (claimed.length === 0) return [];
  const rows = await db
    .select({
      message: webhookOutbox,
      webhookUrl: webhooks.url,
      secret: webhooks.secret,
      previousSecret: webhooks.previousSecret,
      previousSecretExpiresAt: webhooks.previousSecretExpiresAt,
      partnerCredential: invitations.partnerCredential,
    })
    .from(webhookOutbox)
    .leftJoin(webhooks, eq(webhooks.id, webhookOutbox.webhookId))
    .leftJoin(invitations, eq(invitations.id, webhookOutbox.invitationId))
    .where(
      inArray(
        webhookOutbox.id,
        claimed.map((c) => c.id),
      ),
    );
  const order = new Map(claimed.map((c, i) => [c.id, i]));
  rows.sort((x, y) => (order.get(x.message.id) ?? 0) - (order.get(y.message.id) ?? 0));
  return rows.map(({ message: m, ...r }) => ({
    id: m.id,
    kind: m.kind,
    orgId: m.orgId,
    webhookId: m.webhookId,
    event: m.event,
    payload: m.payload,
    tries: m.tries,
    createdAt: m.createdAt,
    url: m.kind === 'webhook' ? r.webhookUrl : m.targetUrl,
    secrets: [
      ...(r.secret ? [r.secret] : []),
      ...(r.previousSecret && (r.previousSecretExpiresAt ?? 0) > input.now ? [r.previousSecret] : []),
    ],
    partnerCredential: r.partnerCredential,
  }));
}

export interface TryRecord {
  message: Pick<ClaimedMessage, 'id' | 'orgId' | 'webhookId' | 'tries'>;
  at: number;
  statusCode: number | null;
  latencyMs: number | null;
  responseExcerpt: string | null;
  error: string | null;
  /** What becomes of the message: delivered, tried again at a time, or given up. */
  outcome: { delivered: true } | { nextTryAt: number } | { failed: true };
}

/** The try in the delivery log and the message's new state, together. */
export async function recordTry(db: Db, record: TryRecord) {
  const { message, outcome } = record;
  await db.batch([
    db.insert(webhookDeliveries).values({
      outboxId: message.id,
      orgId: message.orgId,
      webhookId: message.webhookId,
      tryNumber: message.tries,
      at: record.at,
      statusCode: record.statusCode,
      latencyMs: record.latencyMs,
      responseExcerpt: record.responseExcerpt,
      error: record.error,
    }),
    db
      .update(webhookOutbox)
      .set({
        lastError: record.error,
        ...('delivered' in outcome ? { deliveredAt: record.at } : {}),
        ...('nextTryAt' in outcome ? { nextTryAt: outcome.nextTryAt } : {}),
        ...('failed' in outcome ? { failedAt: record.at } : {}),
      })
      .where(eq(webhookOutbox.id, message.id)),
  ]);
}

/** Deletes messages written before `before` that were delivered or given up, and the log of their tries. */
export async function pruneWebhookHistory(db: Db, before: number, limit = 500): Promise<number> {
  const old = await db
    .select({ id: webhookOutbox.id })
    .from(webhookOutbox)
    .where(
      and(
        lt(webhookOutbox.createdAt, before),
        or(isNotNull(webhookOutbox.deliveredAt), isNotNull(webhookOutbox.failedAt)),
      ),
    )
    .limit(limit);
  if (old.length === 0) return 0;
  const ids = old.map((o) => o.id);
  await db.batch([
    db.delete(webhookDeliveries).where(inArray(webhookDeliveries.outboxId, ids)),
    db.delete(webhookOutbox).where(inArray(webhookOutbox.id, ids)),
  ]);
  return ids.length;
}
