/** What an organization's webhook endpoints can subscribe to, in the order the settings list them. */
export const webhookEventTypes = [
  'invitation.created',
  'invitation.opened',
  'attempt.started',
  'attempt.completed',
  'invitation.expired',
  'invitation.revoked',
  'decision.recorded',
  'attempt.regraded',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];
