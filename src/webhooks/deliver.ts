/**
 * The delivery run, shared by the Node timer, the Workers cron and the "send test event" button:
 * claim due messages, send each (signed webhooks as POST, Greenhouse callbacks as PATCH), and
 * record the try and the message's next state in one batch. At least once: a run that dies after
 * sending and before recording sends again after the lease, with the same `webhook-id`.
 */
import { basicAuthorization, openCredential } from '../auth/partner-credential';
import { type ClaimedMessage, claimDueMessages, recordTry } from '../db/webhook-outbox';
import type { AppDeps } from '../deps';
import { nextTryAt } from './retry';
import { signedHeaders } from './signature';
import { fetchTransport, type OutgoingRequest, type Transport, timeoutMs } from './transport';

const claimSize = 10;
/** Longer than a whole claim can take: one endpoint's messages go one after another. */
const leaseMs = (claimSize + 2) * timeoutMs;
const userAgent = 'Skillcheck-Webhooks/1';

export function transportOf(deps: AppDeps): Transport {
  return deps.webhookTransport ?? fetchTransport({ allowPrivate: deps.settings.webhookAllowPrivate });
}

async function requestFor(deps: AppDeps, message: ClaimedMessage, url: string): Promise<OutgoingRequest> {
  if (message.kind === 'greenhouse') {
    const key = message.partnerCredential ? await openCredential(deps.keys, message.partnerCredential) : null;
    // Greenhouse documents the PATCH with the organization's key as the Basic username, as on its own calls.
    const headers: Record<string, string> = { 'user-agent': userAgent };
    if (key) headers.authorization = basicAuthorization(key);
    return { url, method: 'PATCH', headers, body: '' };
  }
  const body = JSON.stringify(message.payload);
  const signed = await signedHeaders(message.secrets, message.id, Math.floor(deps.clock() / 1000), body);
  return {
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': userAgent, ...signed },
    body,
  };
}

export type TryOutcome = 'delivered' | 'retry' | 'failed';

/** Sends one claimed message and records the try. */
async function deliver(deps: AppDeps, transport: Transport, message: ClaimedMessage): Promise<TryOutcome> {
  const started = performance.now();
  let statusCode: number | null = null;
  let excerpt: string | null = null;
  let error: string | null = null;
  try {
    if (!message.url) throw new Error('the message has no destination');
    const reply = await transport.send(await requestFor(deps, message, message.url));
    statusCode = reply.status;
    excerpt = reply.excerpt;
    if (reply.status < 200 || reply.status > 299) error = `HTTP ${reply.status}`;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const now = deps.clock();
  const next =
    error === null
      ? null
      : nextTryAt({
          tries: message.tries,
          createdAt: message.createdAt,
          now,
          random: Math.random(),
          once: message.event === 'webhook.test',
        });
  const outcome =
    error === null ? { delivered: true as const } : next === null ? { failed: true as const } : { nextTryAt: next };
  await recordTry(deps.db, {
    message,
    at: now,
    statusCode,
    latencyMs: statusCode === null ? null : Math.round(performance.now() - started),
    responseExcerpt: excerpt,
    error,
    outcome,
  });
  if ('failed' in outcome)
    deps.log({
      level: 'warn',
      msg: 'webhook message failed',
      id: message.id,
      event: message.event,
      tries: message.tries,
      error,
    });
  return error === null ? 'delivered' : next === null ? 'failed' : 'retry';
}

export interface DeliveryCounts {
  delivered: number;
  retry: number;
  failed: number;
}

/** Delivers what is due, a few claims at most per run (the next run takes the rest). */
export async function deliverDueMessages(deps: AppDeps, maxClaims = 5): Promise<DeliveryCounts> {
  const transport = transportOf(deps);
  const counts: DeliveryCounts = { delivered: 0, retry: 0, failed: 0 };
  for (let round = 0; round < maxClaims; round++) {
    const now = deps.clock();
    const claimed = await claimDueMessages(deps.db, { now, leaseUntil: now + leaseMs, limit: claimSize });
    // Each destination's messages in the order they were written (best effort: a message waiting
    // for a retry does not hold back later ones); destinations in parallel.
    const byDestination = new Map<string, ClaimedMessage[]>();
    for (const message of claimed) {
      const key = message.webhookId ?? message.url ?? message.id;
      byDestination.set(key, [...(byDestination.get(key) ?? []), message]);
    }
    await Promise.all(
      [...byDestination.values()].map(async (messages) => {
        for (const message of messages) counts[await deliver(deps, transport, message)]++;
      }),
    );
    if (claimed.length < claimSize) break;
  }
  return counts;
}

/** Delivers one message now (the test event), if it is due. */
export async function deliverMessageNow(deps: AppDeps, id: string): Promise<TryOutcome | null> {
  const now = deps.clock();
  const [message] = await claimDueMessages(deps.db, { now, leaseUntil: now + leaseMs, limit: 1, id });
  return message ? deliver(deps, transportOf(deps), message) : null;
}
