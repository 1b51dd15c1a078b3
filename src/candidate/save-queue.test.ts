/**
 * The test page's save queue (public/static/attempt/queue.js, loaded by the browser as it is),
 * run against an in-memory storage and a server that applies the real sequence rule.
 */
import { describe, expect, it } from 'vitest';
import {
  createSaveQueue,
  type Entry,
  type Fields,
  type KeyValueStorage,
  type Reply,
  type ReplyEvent,
  retryDelay,
} from '../../public/static/attempt/queue.js';
import { decideSave, type SequencedAnswer } from '../engine/save';

/** localStorage over a Map: what survives a reload of the page. */
function deviceStorage(): KeyValueStorage & { raw: Map<string, string> } {
  const raw = new Map<string, string>();
  return { raw, getItem: (k) => raw.get(k) ?? null, setItem: (k, v) => void raw.set(k, v) };
}

const text = (value: string): Fields => [['text', value]];

/**
 * The server's side of a save: stores the answer when `decideSave` applies it, acknowledges a
 * duplicate, refuses a stale one with 409. `down` makes it unreachable; `status` forces a reply.
 */
function fakeServer() {
  const stored = new Map<string, SequencedAnswer>();
  const sent: { position: string; seq: number; fields: Fields }[] = [];
  const server = {
    stored,
    sent,
    down: false,
    status: null as number | null,
    /** A save from another device or tab, straight to the server. */
    saveElsewhere(position: string, seq: number, value: string) {
      stored.set(position, { seq, answer: { type: 'text', text: value } });
    },
    send: async (position: string, entry: Entry): Promise<Reply> => {
      if (server.down) throw new TypeError('Failed to fetch');
      sent.push({ position, seq: entry.seq, fields: entry.fields });
      if (server.status !== null) return { status: server.status, body: `<p>status ${server.status}</p>` };
      const incoming = { seq: entry.seq, answer: { type: 'text' as const, text: entry.fields[0]?.[1] ?? '' } };
      const decision = decideSave(stored.get(position) ?? null, incoming);
      if (decision.kind === 'stale') return { status: 409, body: '<p>A newer answer is saved.</p>' };
      if (decision.kind === 'apply') stored.set(position, incoming);
      return { status: 200, body: `<p>Saved ${position}</p>` };
    },
  };
  return server;
}

/** An `onReply` that writes down what it hears. */
const hear = (into: ReplyEvent[]) => (reply: ReplyEvent) => {
  into.push(reply);
};

const newQueue = (storage = deviceStorage()) => createSaveQueue({ storage, key: 'skillcheck:attempt-1' });

describe('the save queue', () => {
  it('keeps one answer per question: a change before the send replaces the queued one', async () => {
    const queue = newQueue();
    const server = fakeServer();
    queue.enqueue('0', text('first'), 0);
    queue.enqueue('0', text('second'), 0);
    queue.enqueue('1', text('other'), 0);
    expect(queue.pendingCount()).toBe(2);

    expect(await queue.drain(server.send)).toEqual({ kind: 'saved', recovered: false });
    expect(server.sent).toEqual([
      { position: '0', seq: 2, fields: text('second') },
      { position: '1', seq: 1, fields: text('other') },
    ]);
    expect(server.stored.get('0')?.answer).toEqual({ type: 'text', text: 'second' });
    expect(queue.pendingCount()).toBe(0);
  });

  it('numbers saves upwards per question, from the last number it used or the server had, whichever is higher', async () => {
    const queue = newQueue();
    const server = fakeServer();
    expect(queue.enqueue('0', text('a'), 0).seq).toBe(1);
    await queue.drain(server.send);
    expect(queue.enqueue('0', text('b'), 0).seq).toBe(2);
    // Another question counts on its own; a page rendered at sequence 7 (another device saved) starts above it.
    expect(queue.enqueue('3', text('c'), 7).seq).toBe(8);
    await queue.drain(server.send);
    expect(server.sent.map((s) => [s.position, s.seq])).toEqual([
      ['0', 1],
      ['0', 2],
      ['3', 8],
    ]);
  });

  it('keeps an answer through a failed send and sends it again, with the same number, on the next drain', async () => {
    const queue = newQueue();
    const server = fakeServer();
    server.down = true;
    queue.enqueue('2', text('kept'), 0);

    expect(await queue.drain(server.send)).toEqual({ kind: 'retry', failures: 1, delay: 1000 });
    expect(await queue.drain(server.send)).toEqual({ kind: 'retry', failures: 2, delay: 2000 });
    expect(queue.unreachable()).toBe(true);
    expect(queue.pendingCount()).toBe(1);

    server.down = false;
    expect(await queue.drain(server.send)).toEqual({ kind: 'saved', recovered: true });
    expect(server.sent).toEqual([{ position: '2', seq: 1, fields: text('kept') }]);
    expect(server.stored.get('2')).toEqual({ seq: 1, answer: { type: 'text', text: 'kept' } });
    expect(queue.unreachable()).toBe(false);
    // The next failure starts the backoff from the beginning again.
    server.down = true;
    queue.enqueue('2', text('again'), 0);
    expect(await queue.drain(server.send)).toMatchObject({ kind: 'retry', failures: 1 });
  });

  it('waits longer after each failure, up to 5 s; a 503 is retried with the server’s message, other errors too', async () => {
    expect([1, 2, 3, 4, 10].map(retryDelay)).toEqual([1000, 2000, 4000, 5000, 5000]);
    const queue = newQueue();
    const server = fakeServer();
    queue.enqueue('0', text('busy'), 0);
    server.status = 503;
    expect(await queue.drain(server.send)).toEqual({
      kind: 'retry',
      failures: 1,
      delay: 1000,
      body: '<p>status 503</p>',
    });
    server.status = 500;
    expect(await queue.drain(server.send)).toEqual({ kind: 'retry', failures: 2, delay: 2000 });
    // The server answered each time: this is not the network.
    expect(queue.unreachable()).toBe(false);
    expect(queue.pendingCount()).toBe(1);
  });

  it('drops an answer the server refuses as stale (409) without taking it for saved; the newer one stands', async () => {
    const queue = newQueue();
    const server = fakeServer();
    const replies: ReplyEvent[] = [];
    // Another device saved sequence 1 on question 0 after this page was rendered at 0.
    server.saveElsewhere('0', 1, 'from the laptop');
    queue.enqueue('0', text('from the phone'), 0);

    expect(await queue.drain(server.send, () => null, hear(replies))).toEqual({
      kind: 'saved',
      recovered: false,
    });
    expect(replies).toEqual([{ kind: 'stale', position: '0', body: '<p>A newer answer is saved.</p>' }]);
    expect(server.stored.get('0')?.answer).toEqual({ type: 'text', text: 'from the laptop' });
    expect(queue.pendingCount()).toBe(0);
    // Shown the question again at the server's sequence, the device offers nothing of its own.
    expect(queue.answerFor('0', 1)).toBeNull();
    expect(queue.holdsNewer('0', 1)).toBe(false);
  });

  it('drops an answer the server explains it cannot take (422), and forgets everything once the attempt is over (410)', async () => {
    const queue = newQueue();
    const server = fakeServer();
    const replies: ReplyEvent[] = [];
    queue.enqueue('0', text('bad'), 0);
    server.status = 422;
    await queue.drain(server.send, () => null, hear(replies));
    expect(replies.map((r) => r.kind)).toEqual(['refused']);
    expect(queue.pendingCount()).toBe(0);
    expect(queue.answerFor('0', 0)).toBeNull();

    queue.enqueue('1', text('late'), 0);
    queue.enqueue('2', text('later'), 0);
    server.status = 410;
    expect(await queue.drain(server.send)).toEqual({ kind: 'closed', body: '<p>status 410</p>' });
    expect(queue.pendingCount()).toBe(0);
    expect(server.sent.map((s) => s.position)).toEqual(['0', '1']);
  });

  it('survives a reload: a new queue over the same storage holds the unsent answers and keeps counting', async () => {
    const storage = deviceStorage();
    const before = newQueue(storage);
    const server = fakeServer();
    before.enqueue('0', text('saved before'), 0);
    await before.drain(server.send);
    before.enqueue('0', text('typed offline'), 0);
    before.enqueue('4', text('also offline'), 0);
    before.addTime('4', 1500);

    const after = newQueue(storage);
    expect(after.pendingCount()).toBe(2);
    // The page reloads with the server's sequence 1 for question 0: the queued answer (2) is newer.
    expect(after.answerFor('0', 1)).toEqual({ fields: text('typed offline'), seq: 2 });
    expect(after.addTime('4', 500)).toBe(2000);
    expect(after.enqueue('0', text('after reload'), 1).seq).toBe(3);

    expect(await after.drain(server.send)).toEqual({ kind: 'saved', recovered: false });
    expect(server.stored.get('0')).toEqual({ seq: 3, answer: { type: 'text', text: 'after reload' } });
    expect(server.stored.get('4')?.seq).toBe(1);
    expect(newQueue(storage).pendingCount()).toBe(0);
    // Another attempt on the same device has a queue of its own.
    expect(createSaveQueue({ storage, key: 'skillcheck:attempt-2' }).pendingCount()).toBe(0);
  });

  it('lets the server’s answer stand when it is as new as the device’s, and drops a queued answer it already has', () => {
    const storage = deviceStorage();
    const queue = newQueue(storage);
    queue.enqueue('0', text('queued'), 0);
    expect(queue.answerFor('0', 0)).toEqual({ fields: text('queued'), seq: 1 });
    expect(queue.answerFor('0', 1)).toBeNull();
    expect(queue.pendingCount()).toBe(0);
  });

  it('sends the question on screen first, then the others by position', async () => {
    const queue = newQueue();
    const server = fakeServer();
    for (const p of ['5', '12', '2', '9', '7']) queue.enqueue(p, text(`answer ${p}`), 0);
    let onScreen: string | null = '9';
    const send = async (position: string, entry: Entry) => {
      // The candidate moves to question 7 while the first save is on its way.
      onScreen = '7';
      return server.send(position, entry);
    };
    await queue.drain(send, () => onScreen);
    expect(server.sent.map((s) => s.position)).toEqual(['9', '7', '2', '5', '12']);
  });

  it('keeps a change made while its question’s earlier answer was on the way, and sends it next', async () => {
    const queue = newQueue();
    const server = fakeServer();
    queue.enqueue('0', text('first'), 0);
    let changed = false;
    const send = async (position: string, entry: Entry) => {
      if (!changed) {
        changed = true;
        queue.enqueue('0', text('changed meanwhile'), 0);
      }
      return server.send(position, entry);
    };
    const replies: ReplyEvent[] = [];
    await queue.drain(send, () => '0', hear(replies));
    expect(server.sent.map((s) => s.seq)).toEqual([1, 2]);
    expect(server.stored.get('0')).toEqual({ seq: 2, answer: { type: 'text', text: 'changed meanwhile' } });
    expect(replies.map((r) => r.kind)).toEqual(['saved', 'saved']);
    // Acknowledged and newer than a page rendered at 1: a return to the question shows it.
    expect(queue.answerFor('0', 1)).toEqual({ fields: text('changed meanwhile'), seq: 2 });
  });

  it('runs one drain at a time: a second call while sending does nothing', async () => {
    const queue = newQueue();
    const server = fakeServer();
    queue.enqueue('0', text('a'), 0);
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    const first = queue.drain(async (p, e) => {
      await held;
      return server.send(p, e);
    });
    expect(await queue.drain(server.send)).toEqual({ kind: 'busy' });
    release();
    expect(await first).toEqual({ kind: 'saved', recovered: false });
    expect(server.sent).toHaveLength(1);
  });

  it('works in memory when the device refuses storage (private mode, full quota)', async () => {
    const refusing: KeyValueStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    for (const storage of [refusing, null]) {
      const queue = createSaveQueue({ storage, key: 'k' });
      const server = fakeServer();
      queue.enqueue('0', text('a'), 0);
      queue.enqueue('0', text('b'), 0);
      expect(queue.pendingCount()).toBe(1);
      await queue.drain(server.send);
      expect(server.sent).toEqual([{ position: '0', seq: 2, fields: text('b') }]);
      expect(queue.answerFor('0', 0)).toEqual({ fields: text('b'), seq: 2 });
    }
  });
});
