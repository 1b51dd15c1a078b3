// Types of queue.js, which the browser loads as it is (no build step), for the code that tests it.

/** A form's fields as [name, value] pairs, as FormData lists them. */
export type Fields = [string, string][];

export interface Entry {
  fields: Fields;
  seq: number;
  /** Milliseconds spent on the question when the answer was queued. */
  elapsed?: number;
}

export interface QueueState {
  pending: Record<string, Entry>;
  acked: Record<string, { fields: Fields; seq: number }>;
  seq: Record<string, number>;
  time: Record<string, number>;
}

/** The part of localStorage the queue uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface Reply {
  status: number;
  body: string;
}

export type ReplyEvent = { kind: 'saved' | 'stale' | 'refused'; position: string; body: string };

export type DrainResult =
  | { kind: 'busy' }
  | { kind: 'saved'; recovered: boolean }
  | { kind: 'retry'; failures: number; delay: number; body?: string }
  | { kind: 'closed'; body: string };

export interface SaveQueue {
  enqueue(position: string, fields: Fields, serverSeq: number, elapsed?: number): Entry;
  answerFor(position: string, rendered: number): { fields: Fields; seq: number } | null;
  holdsNewer(position: string, seq: number): boolean;
  addTime(position: string, ms: number): number;
  drain(
    send: (position: string, entry: Entry) => Promise<Reply>,
    current?: () => string | null,
    onReply?: (event: ReplyEvent) => void,
  ): Promise<DrainResult>;
  pendingCount(): number;
  unreachable(): boolean;
}

export function emptyState(): QueueState;
export function retryDelay(failures: number): number;
export function createSaveQueue(options: { storage: KeyValueStorage | null; key: string }): SaveQueue;
