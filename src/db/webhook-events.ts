/**
 * Writing events into the outbox. Each function returns one statement for the caller's batch, so
 * the event commits with the change it reports or not at all: a crash after the commit still
 * finds it in the outbox. Statements are INSERT ... SELECT: one row per enabled endpoint of the
 * organization subscribed to the event, none when there is none. A guarded change passes its
 * guard as `when` and puts the event before the change in the batch: the guard then reads the
 * state before the change, in the same transaction, so the event is written exactly when the
 * change is.
 */
import { SQL, sql } from 'drizzle-orm';
// The pipeline's own margin of error and percentile, so an event and the report never disagree.
import { percentStandardError } from '../engine/percent-error';
import { percentileRank } from '../engine/scale';
import type { WebhookEventType } from '../engine/webhook-events';
import type { Db } from './client';
import { type AttemptResult, webhookOutbox } from './schema';

/** Times in events: ISO 8601 in UTC, as receivers parse them. */
export function isoTime(at: number): string {
  return new Date(at).toISOString();
}

export interface InvitationEvent {
  type: WebhookEventType;
  at: number;
  /** The invitation the event is about (an SQL expression when only the database knows it). */
  invitationId: string | SQL;
  /**
   * Fields of `data` after the invitation's own (id, assessment, candidate): JSON values, or SQL
   * expressions (an object from a subquery must be wrapped in json() to stay an object).
   */
  data?: Record<string, unknown>;
  /** Written only when this holds; `i` is the invitation row. */
  when?: SQL;
}

const messageId = sql`'msg_' || lower(hex(randomblob(16)))`;

/** json_set arguments for `data`: each field a path and a JSON value, in the given order. */
function dataFields(data: Record<string, unknown>): SQL {
  const parts = Object.entries(data).map(([key, value]) =>
    value instanceof SQL
      ? sql`, ${`$.${key}`}, ${value}`
      : sql`, ${`$.${key}`}, json(${JSON.stringify(value ?? null)})`,
  );
  return sql.join(parts, sql``);
}

/** Standard Webhooks' envelope: `{type, timestamp, data}`. */
function envelope(type: string, at: number, data: SQL): SQL {
  return sql`json_object('type', ${type}, 'timestamp', ${isoTime(at)}, 'data', ${data})`;
}

/**
 * INSERT ... SELECT into the outbox through Drizzle's builder (D1's batch takes no raw statement
 * with parameters). The select gives every column, in the table's order.
 */
function insertSelect(
  db: Db,
  columns: {
    kind: SQL;
    orgId: SQL;
    webhookId: SQL;
    invitationId: SQL;
    targetUrl: SQL;
    event: string;
    payload: SQL;
    at: number;
    from: SQL;
  },
) {
  return db.insert(webhookOutbox).select(sql`
    select ${messageId}, ${columns.kind}, ${columns.orgId}, ${columns.webhookId}, ${columns.invitationId},
      ${columns.targetUrl}, ${columns.event}, ${columns.payload}, 0, ${columns.at}, null, null, null, ${columns.at}
    ${columns.from}`);
}

/** An event about an invitation (and its attempt), for every endpoint of its organization subscribed to it. */
export function queueInvitationEvent(db: Db, event: InvitationEvent) {
  const data = sql`json_set(json_object(
      'invitation_id', i.id,
      'assessment_id', i.assessment_id,
      'candidate', json_object('name', i.candidate_name, 'email', i.candidate_email)
    )${dataFields(event.data ?? {})})`;
  return insertSelect(db, {
    kind: sql`'webhook'`,
    orgId: sql`w.org_id`,
    webhookId: sql`w.id`,
    invitationId: sql`null`,
    targetUrl: sql`null`,
    event: event.type,
    payload: envelope(event.type, event.at, data),
    at: event.at,
    from: sql`from invitations i join webhooks w on w.org_id = i.org_id
      where i.id = ${event.invitationId} and w.disabled_at is null
        and exists (select 1 from json_each(w.events) where value = ${event.type})
        and (${event.when ?? sql`1`})`,
  });
}

/**
 * Greenhouse's completion PATCH to the URL it gave in send_test, for an invitation that has one.
 * Carries no body: Greenhouse then asks test_status.
 */
export function queuePartnerCallback(db: Db, input: { invitationId: string; at: number; when?: SQL }) {
  return insertSelect(db, {
    kind: sql`'greenhouse'`,
    orgId: sql`i.org_id`,
    webhookId: sql`null`,
    invitationId: sql`i.id`,
    targetUrl: sql`i.partner_callback_url`,
    event: 'attempt.completed',
    payload: sql`'{}'`,
    at: input.at,
    from: sql`from invitations i
      where i.id = ${input.invitationId} and i.source = 'greenhouse' and i.partner_callback_url is not null
        and (${input.when ?? sql`1`})`,
  });
}

/** The "send test event" message to one endpoint, whatever it subscribes to. */
export function queueTestMessage(db: Db, input: { id: string; orgId: string; webhookId: string; at: number }) {
  return db.insert(webhookOutbox).values({
    id: input.id,
    kind: 'webhook',
    orgId: input.orgId,
    webhookId: input.webhookId,
    event: 'webhook.test',
    payload: {
      type: 'webhook.test',
      timestamp: isoTime(input.at),
      data: {
        webhook_id: input.webhookId,
        message: 'A test event from Skillcheck: this endpoint is reachable and the signature can be checked.',
      },
    },
    nextTryAt: input.at,
    createdAt: input.at,
  });
}

/**
 * What attempt.completed says about a finished attempt: the score with its standard error, the
 * percentile among the assessment's other finished candidates, pass or fail, per-area scores and
 * the report's address.
 */
export function completedEventData(input: {
  attemptId: string;
  submittedAt: number;
  endedByTime: boolean;
  result: AttemptResult;
  passMark: number | null;
  itemCount: number;
  others: readonly number[];
  origin: string | null;
}) {
  const { result } = input;
  const se = percentStandardError(result.percent, input.itemCount);
  return {
    attempt_id: input.attemptId,
    submitted_at: isoTime(input.submittedAt),
    ended_by: input.endedByTime ? 'time_limit' : 'candidate',
    score: { percent: result.percent, points: result.points, max: result.max },
    standard_error: se === null ? null : Math.round(se * 10) / 10,
    percentile: percentileRank(result.percent, input.others),
    passed: result.passed,
    pass_mark: input.passMark,
    areas: Object.entries(result.byArea).map(([area, s]) => ({
      area,
      percent: s.percent,
      points: s.points,
      max: s.max,
    })),
    report_url: input.origin ? `${input.origin}/app/attempts/${input.attemptId}` : null,
  };
}
