import { type Context, Hono } from 'hono';
import type { FormErrors } from '../../../views/components/form';
import { WebhookPage, type WebhookView } from '../../../views/manage/webhook';
import { type WebhookFormValues, WebhooksPage } from '../../../views/manage/webhooks';
import { newId } from '../../db/ids';
import { queueTestMessage } from '../../db/webhook-events';
import {
  createWebhook,
  deliveryLog,
  failedMessages,
  getWebhook,
  listWebhooks,
  pendingCount,
  retryFailedMessage,
  rotateWebhookSecret,
  setWebhookDisabled,
  updateWebhook,
  type WebhookRow,
} from '../../db/webhooks';
import { type WebhookEventType, webhookEventTypes } from '../../engine/webhook-events';
import { type FormData, field, readForm } from '../../http/form';
import { PublicError } from '../../http/public-error';
import { type ManageEnv, requireCapability } from '../../middleware/auth';
import { deliverMessageNow, transportOf } from '../../webhooks/deliver';
import { newWebhookSecret } from '../../webhooks/signature';

/**
 * Settings > Webhooks: an organization's endpoints (URL, events, a signing secret shown once),
 * a test event, the delivery log, disable and enable, secret rotation. Admins and owners.
 */
export const webhooksRoutes = new Hono<ManageEnv>();

type Ctx = Context<ManageEnv>;

const manage = requireCapability('webhook.manage');
const base = '/app/settings/webhooks';
/** How long a rotated-out secret keeps signing alongside the new one. */
const rotationOverlapMs = 24 * 3600_000;

const emptyValues: WebhookFormValues = { url: '', description: '', events: [...webhookEventTypes] };

/** The form's values and what is wrong with them; the URL is checked against the address rules too. */
async function readWebhookForm(c: Ctx, form: FormData): Promise<{ values: WebhookFormValues; errors: FormErrors }> {
  const raw = form.events;
  const chosen = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) as string[];
  const values: WebhookFormValues = {
    url: (field(form, 'url') ?? '').trim(),
    description: (field(form, 'description') ?? '').trim(),
    events: webhookEventTypes.filter((event) => chosen.includes(event)),
  };
  const errors: FormErrors = {};
  if (!values.url) errors.url = 'Enter the URL events are sent to.';
  else errors.url = (await transportOf(c.get('deps')).refusal(values.url)) ?? undefined;
  if (values.description.length > 200) errors.description = 'Keep the description to 200 characters.';
  if (chosen.some((event) => !(webhookEventTypes as readonly string[]).includes(event)))
    errors.events = 'Choose events from the list.';
  else if (values.events.length === 0) errors.events = 'Choose at least one event.';
  return { values, errors };
}

const hasErrors = (errors: FormErrors) => Object.values(errors).some(Boolean);

async function requireWebhook(c: Ctx): Promise<WebhookRow> {
  const row = await getWebhook(c.get('deps').db, c.get('member').orgId, c.req.param('webhookId') ?? '');
  if (!row) throw new PublicError(404, 'There is no webhook at this address in this organization.');
  return row;
}

async function listPage(
  c: Ctx,
  extra: { values?: WebhookFormValues; errors?: FormErrors; created?: { id: string; secret: string } },
  status: 200 | 201 | 422 = 200,
) {
  const member = c.get('member');
  c.status(status);
  return c.render(
    <WebhooksPage
      orgName={member.orgName}
      webhooks={await listWebhooks(c.get('deps').db, member.orgId)}
      values={extra.values ?? emptyValues}
      errors={extra.errors ?? {}}
      created={extra.created}
    />,
    { title: 'Webhooks', workspace: 'webhooks' },
  );
}

const notices: Record<string, string> = {
  delivered: 'The test event was delivered: your endpoint answered with a 2xx status.',
  failed: 'The test event was not delivered: see the delivery log below for what your endpoint answered.',
  saved: 'Saved.',
  disabled: 'Disabled: no new events are written for this endpoint.',
  enabled: 'Enabled: events are sent again, starting with any that were waiting.',
  retried: 'The message was sent once more: see the delivery log below.',
};

async function detailPage(
  c: Ctx,
  webhook: WebhookRow,
  extra: Partial<Pick<WebhookView, 'values' | 'errors' | 'secret' | 'problem'>> = {},
  status: 200 | 422 = 200,
) {
  const { db, clock } = c.get('deps');
  const member = c.get('member');
  const [deliveries, failed, pending] = await Promise.all([
    deliveryLog(db, member.orgId, webhook.id),
    failedMessages(db, member.orgId, webhook.id),
    pendingCount(db, member.orgId, webhook.id),
  ]);
  const view: WebhookView = {
    webhook,
    pending,
    deliveries,
    failed,
    values: extra.values ?? { url: webhook.url, description: webhook.description, events: webhook.events },
    errors: extra.errors ?? {},
    secret: extra.secret,
    problem: extra.problem,
    notice: notices[c.req.query('done') ?? ''],
    now: clock(),
  };
  if (extra.secret) c.header('Cache-Control', 'no-store');
  c.status(status);
  return c.render(<WebhookPage view={view} />, { title: `Webhook ${webhook.url}`, workspace: 'webhooks' });
}

const back = (c: Ctx, id: string, done: string) => c.redirect(`${base}/${id}?done=${done}`, 303);

webhooksRoutes.get(base, manage, (c) => listPage(c, {}));

webhooksRoutes.post(base, manage, async (c) => {
  const member = c.get('member');
  const { db, clock } = c.get('deps');
  const { values, errors } = await readWebhookForm(c, await readForm(c));
  if (hasErrors(errors)) return listPage(c, { values, errors }, 422);
  const secret = newWebhookSecret();
  const id = await createWebhook(db, {
    ...values,
    orgId: member.orgId,
    secret,
    createdBy: member.user.id,
    now: clock(),
  });
  c.header('Cache-Control', 'no-store');
  // Shown once in this response, as API keys are: not a redirect, on purpose.
  return listPage(c, { created: { id, secret } }, 201);
});

webhooksRoutes.get(`${base}/:webhookId`, manage, async (c) => detailPage(c, await requireWebhook(c)));

webhooksRoutes.post(`${base}/:webhookId`, manage, async (c) => {
  const webhook = await requireWebhook(c);
  const { values, errors } = await readWebhookForm(c, await readForm(c));
  if (hasErrors(errors)) return detailPage(c, webhook, { values, errors }, 422);
  await updateWebhook(c.get('deps').db, webhook.orgId, webhook.id, values, c.get('deps').clock());
  return back(c, webhook.id, 'saved');
});

webhooksRoutes.post(`${base}/:webhookId/test`, manage, async (c) => {
  const webhook = await requireWebhook(c);
  const deps = c.get('deps');
  if (webhook.disabledAt !== null)
    throw new PublicError(409, 'This endpoint is disabled. Enable it to send a test event.');
  const id = `msg_${newId()}`;
  await queueTestMessage(deps.db, { id, orgId: webhook.orgId, webhookId: webhook.id, at: deps.clock() });
  const outcome = await deliverMessageNow(deps, id);
  return back(c, webhook.id, outcome === 'delivered' ? 'delivered' : 'failed');
});

for (const [action, disabled] of [
  ['disable', true],
  ['enable', false],
] as const) {
  webhooksRoutes.post(`${base}/:webhookId/${action}`, manage, async (c) => {
    const webhook = await requireWebhook(c);
    await setWebhookDisabled(c.get('deps').db, webhook.orgId, webhook.id, disabled, c.get('deps').clock());
    return back(c, webhook.id, disabled ? 'disabled' : 'enabled');
  });
}

webhooksRoutes.post(`${base}/:webhookId/rotate`, manage, async (c) => {
  const webhook = await requireWebhook(c);
  const { db, clock } = c.get('deps');
  const secret = newWebhookSecret();
  await rotateWebhookSecret(db, webhook.orgId, webhook.id, {
    secret,
    overlapUntil: clock() + rotationOverlapMs,
    now: clock(),
  });
  const rotated = (await getWebhook(db, webhook.orgId, webhook.id)) ?? webhook;
  return detailPage(c, rotated, { secret });
});

webhooksRoutes.post(`${base}/:webhookId/messages/:messageId/retry`, manage, async (c) => {
  const webhook = await requireWebhook(c);
  const deps = c.get('deps');
  const messageId = c.req.param('messageId');
  if (!(await retryFailedMessage(deps.db, webhook.orgId, webhook.id, messageId, deps.clock())))
    throw new PublicError(404, 'There is no failed message by that id for this endpoint.');
  await deliverMessageNow(deps, messageId);
  return back(c, webhook.id, 'retried');
});

export type { WebhookEventType };
