import type { AppDeps } from '../deps';
import { withSafeHeaders } from './header';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export type SendResult = { ok: true } | { ok: false; error: string };

/**
 * Where outbound mail goes. 'webhook' hands each message to an HTTP endpoint that sends mail
 * (a Cloudflare Email Worker, a Postmark/SES relay, a Zapier hook...); 'log' sends nothing and
 * logs it, and the pages show links to copy instead.
 */
export interface EmailSender {
  readonly mode: 'webhook' | 'log';
  send(message: EmailMessage): Promise<SendResult>;
}

/** A manager waits on the sends of a request; a mail relay that hangs must not hang the page. */
const webhookTimeoutMs = 5000;

export function emailSenderFor(deps: Pick<AppDeps, 'settings' | 'log'>): EmailSender {
  const url = deps.settings.emailWebhookUrl;
  const sender = url ? webhookSender(url, deps.log) : logSender(deps.log);
  // Every message passes here, whoever built it: no header field leaves with a line break in it.
  return { mode: sender.mode, send: (message) => sender.send(withSafeHeaders(message)) };
}

function logSender(log: AppDeps['log']): EmailSender {
  return {
    mode: 'log',
    async send(message) {
      log({
        level: 'info',
        msg: 'email not sent (no email webhook configured)',
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
      return { ok: true };
    },
  };
}

/** POSTs {to, subject, text, html} as JSON; any 2xx is delivered. Failures are logged and returned, never thrown. */
function webhookSender(url: string, log: AppDeps['log']): EmailSender {
  return {
    mode: 'webhook',
    async send(message) {
      let error: string;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(message),
          signal: AbortSignal.timeout(webhookTimeoutMs),
        });
        await res.body?.cancel();
        if (res.ok) return { ok: true };
        error = `the email service answered ${res.status}`;
      } catch (e) {
        error =
          e instanceof Error && e.name === 'TimeoutError'
            ? `the email service did not answer within ${webhookTimeoutMs / 1000} seconds`
            : 'the email service could not be reached';
      }
      log({ level: 'warn', msg: 'email not sent', to: message.to, subject: message.subject, error });
      return { ok: false, error };
    },
  };
}

/**
 * Sends many messages a few at a time: quicker than one by one, without opening a hundred
 * connections at once (Workers allow six open connections per request). When the first few all
 * fail, the service is down: the rest are not tried, so a dead relay costs seconds, not minutes.
 */
export async function sendAll(sender: EmailSender, messages: EmailMessage[], concurrency = 4): Promise<SendResult[]> {
  const giveUpAfter = 3;
  const results: SendResult[] = new Array(messages.length);
  let next = 0;
  let delivered = 0;
  let failed = 0;
  const worker = async () => {
    while (next < messages.length) {
      const index = next++;
      const message = messages[index];
      if (!message) continue;
      if (delivered === 0 && failed >= giveUpAfter) {
        results[index] = { ok: false, error: 'not tried: the email service failed for the first messages' };
        continue;
      }
      const result = await sender.send(message);
      if (result.ok) delivered++;
      else failed++;
      results[index] = result;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, messages.length) }, worker));
  return results;
}
