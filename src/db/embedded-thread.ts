/**
 * The server's database thread: one `EmbeddedConnection` answering requests in the order they
 * arrive, so SQLite's work (running statements, committing, checkpoints) is done beside the event
 * loop instead of on it. Bundled beside dist/node.js as db-thread.js (scripts/build-node.mjs).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ConnectionError, EmbeddedConnection, type EmbeddedRequest } from './embedded-connection';

export type ThreadMessage = { id: number; request: EmbeddedRequest } | { id: number; close: true };
export type ThreadReply =
  | { id: number; results: ReturnType<EmbeddedConnection['handle']> }
  | { id: number; error: ConnectionError['detail'] };

const port = parentPort;
if (!port) throw new Error('embedded-thread.ts runs as a worker thread (EmbeddedClient with thread: true)');
const connection = new EmbeddedConnection((workerData as { path: string }).path);

/** One reply per request, in order; a close ends the thread after its reply. */
port.on('message', (messages: ThreadMessage[]) => {
  const replies: ThreadReply[] = [];
  let closed = false;
  for (const message of messages) {
    if ('close' in message) {
      connection.close();
      replies.push({ id: message.id, results: [] });
      closed = true;
      break;
    }
    replies.push(reply(message.id, message.request));
  }
  port.postMessage(replies);
  if (closed) port.close();
});

function reply(id: number, request: EmbeddedRequest): ThreadReply {
  try {
    return { id, results: connection.handle(request) };
  } catch (e) {
    // Anything but SQLite's own errors is a fault of this code: the message still reaches the caller.
    const detail = e instanceof ConnectionError ? e.detail : { message: e instanceof Error ? e.message : String(e) };
    return { id, error: detail };
  }
}
