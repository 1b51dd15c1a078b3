import type { IncomingMessage, ServerResponse } from 'node:http';
import { busyRefusal } from '../middleware/shed-load';
import { isResendable } from './request-kind';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Node only: while `behind()` says the event loop runs late, answer what htmx posts (above all
 * the test page's saves, which keep the answer and resend it after Retry-After) with 503 before
 * the request becomes a Web Request. A refusal exists to save CPU: built as a Hono response
 * (a Request and Headers object, a request id, a nonce, a JSX fragment) the refusals at 1.5 times
 * capacity kept the loop late by themselves, and the server accepted well under half of what it
 * got through without shedding (bench part 5). Node reads and drops the unread body itself.
 * Refusals are logged as a count, at most once per `summaryEveryMs`.
 */
export function refuseWhenBehind(
  listener: Listener,
  behind: () => boolean,
  log: (refused: number) => void,
  { summaryEveryMs = 10_000, now = () => performance.now() } = {},
): Listener {
  let refused = 0;
  let loggedAt = Number.NEGATIVE_INFINITY;
  return (req, res) => {
    const requestType = req.headers['hx-request-type'];
    if (
      !isResendable(req.method ?? '', typeof requestType === 'string' ? requestType : undefined, req.url ?? '') ||
      !behind()
    )
      return listener(req, res);
    refused++;
    if (now() - loggedAt >= summaryEveryMs) {
      log(refused);
      loggedAt = now();
      refused = 0;
    }
    res.writeHead(503, busyRefusal.headers);
    res.end(busyRefusal.body);
  };
}
