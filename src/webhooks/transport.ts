/**
 * How a message leaves the app. Shared code calls this interface; each runtime supplies one:
 * `fetchTransport` here (Workers), `nodeTransport` in src/webhooks/node-transport.ts (Node, which
 * checks every address a name resolves to at connection time). Both: a 10 s timeout, redirects
 * not followed (a 3xx is the answer), and at most 2 KiB of the response read.
 */
import { type TargetPolicy, targetRefusal } from './target';

export interface OutgoingRequest {
  url: string;
  method: 'POST' | 'PATCH';
  headers: Record<string, string>;
  body: string;
}

export interface Reply {
  status: number;
  /** The start of the body, at most `excerptBytes` bytes of it. */
  excerpt: string;
}

export interface Transport {
  /** Why the URL may not be called, in words for the admin, or null. */
  refusal(url: string): Promise<string | null>;
  /** Sends the request; throws an Error whose message says why there was no reply. */
  send(request: OutgoingRequest): Promise<Reply>;
}

export const timeoutMs = 10_000;
export const excerptBytes = 2048;

/** Reads at most `excerptBytes` of a body and drops the rest unread. */
export async function readExcerpt(body: ReadableStream<Uint8Array> | null): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < excerptBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  const bytes = new Uint8Array(Math.min(size, excerptBytes));
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, bytes.length - offset);
    bytes.set(part, offset);
    offset += part.length;
  }
  return new TextDecoder().decode(bytes);
}

/** The message of an error thrown while sending, in words for the delivery log. */
export function sendError(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no response within ${timeoutMs / 1000} s`;
  return error instanceof Error ? error.message : String(error);
}

/** Web fetch, for Workers: IP literals and localhost names are checked before the request. */
export function fetchTransport(policy: Pick<TargetPolicy, 'allowPrivate'>): Transport {
  const refusal = (url: string) => targetRefusal(url, { allowPrivate: policy.allowPrivate });
  return {
    refusal,
    async send(request) {
      const refused = await refusal(request.url);
      if (refused) throw new Error(refused);
      let response: Response;
      try {
        response = await fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new Error(sendError(error));
      }
      return { status: response.status, excerpt: await readExcerpt(response.body) };
    },
  };
}
