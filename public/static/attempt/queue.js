// The test page's save queue, without the page: every change is stored on the device before it
// is sent, sent with a sequence number that grows per question, and kept until the server answers,
// so a dropped connection, a reload or a closed tab loses nothing. Storage and the function that
// sends are passed in; the server's rule it meets is src/engine/save.ts (a stale save gets 409).
// Types: queue.d.ts. Tests: src/candidate/save-queue.test.ts.

export const emptyState = () => ({ pending: {}, acked: {}, seq: {}, time: {} });

/** The wait before the next try after `failures` failed sends in a row: 1 s, 2 s, 4 s, then 5 s. */
export const retryDelay = (failures) => Math.min(1000 * 2 ** (failures - 1), 5000);

export function createSaveQueue({ storage, key }) {
  // pending: answers not yet acknowledged; acked: the last acknowledged answer per question (what
  // the server holds, unless another device saved since); seq: the last sequence number used per
  // question; time: milliseconds spent on each question. All keyed by position.
  let memory = emptyState();
  function load() {
    try {
      return { ...emptyState(), ...(JSON.parse(storage?.getItem(key) ?? 'null') ?? memory) };
    } catch {
      return memory;
    }
  }
  function save(state) {
    memory = state;
    try {
      storage?.setItem(key, JSON.stringify(state));
    } catch {
      // Private mode or a full quota: the queue lives in memory for this page only.
    }
  }

  /** Queues the answer on a question, replacing any unsent one there, with the next sequence number. */
  function enqueue(position, fields, serverSeq, elapsed) {
    const state = load();
    const seq = Math.max(serverSeq, state.seq[position] ?? 0) + 1;
    state.seq[position] = seq;
    state.pending[position] = { fields, seq, elapsed };
    save(state);
    return state.pending[position];
  }

  // A reply to an older send must not drop an answer queued while it was on its way.
  function settled(position, entry, acknowledged) {
    const state = load();
    if (state.pending[position]?.seq === entry.seq) delete state.pending[position];
    if (acknowledged && (state.acked[position]?.seq ?? 0) < entry.seq) {
      state.acked[position] = { fields: entry.fields, seq: entry.seq };
    }
    save(state);
  }

  /**
   * The newest answer this device holds for a question whose page the server rendered with
   * sequence `rendered`, or null when the server's is the newest. Equal sequence numbers mean
   * the server's stands, and a queued answer it already has is dropped.
   */
  function answerFor(position, rendered) {
    const state = load();
    const queued = state.pending[position];
    if (queued && queued.seq <= rendered) {
      delete state.pending[position];
      save(state);
    }
    const newer = [state.pending[position], state.acked[position]].filter((a) => a && a.seq > rendered);
    return newer.sort((a, b) => b.seq - a.seq)[0] ?? null;
  }

  /** Whether this device holds an answer to the question newer than the server's sequence `seq`. */
  function holdsNewer(position, seq) {
    const state = load();
    return [state.pending[position], state.acked[position]].some((a) => a && a.seq > seq);
  }

  /** Adds time spent on a question; the total, in milliseconds. */
  function addTime(position, ms) {
    const state = load();
    state.time[position] = (state.time[position] ?? 0) + ms;
    save(state);
    return state.time[position];
  }

  let sending = false;
  let failures = 0;
  let unreachable = false;

  /**
   * Sends the pending answers one at a time, the question `current()` names first, then the rest
   * by position (positions are integer keys, which objects keep in numeric order), until none is
   * left or a send fails. `send` resolves to the
   * server's reply and rejects when none came; `onReply` hears each reply that settled an answer.
   */
  async function drain(send, current = () => null, onReply = () => {}) {
    if (sending) return { kind: 'busy' };
    sending = true;
    try {
      for (;;) {
        const entries = Object.entries(load().pending);
        if (entries.length === 0) {
          const recovered = failures > 0;
          failures = 0;
          return { kind: 'saved', recovered };
        }
        const first = current();
        entries.sort(([a], [b]) => (a === first ? -1 : b === first ? 1 : 0));
        const [position, entry] = entries[0];
        let reply;
        try {
          reply = await send(position, entry);
          unreachable = false;
        } catch {
          unreachable = true;
          failures++;
          return { kind: 'retry', failures, delay: retryDelay(failures) };
        }
        const { status, body } = reply;
        if (status >= 200 && status < 300) {
          settled(position, entry, true);
          onReply({ kind: 'saved', position, body });
        } else if (status === 409 || status === 422) {
          // 409: a newer answer (another tab or device) is already saved. 422: the server
          // explained what to fix. Either way this one is not to be sent again.
          settled(position, entry, false);
          onReply({ kind: status === 409 ? 'stale' : 'refused', position, body });
        } else if (status === 410) {
          // The attempt is over: nothing here can be saved any more.
          save(emptyState());
          return { kind: 'closed', body };
        } else {
          // 503: the server is shedding load and says so; anything else may be the network.
          failures++;
          return { kind: 'retry', failures, delay: retryDelay(failures), ...(status === 503 ? { body } : {}) };
        }
      }
    } finally {
      sending = false;
    }
  }

  return {
    enqueue,
    answerFor,
    holdsNewer,
    addTime,
    drain,
    pendingCount: () => Object.keys(load().pending).length,
    /** Whether the last send got no reply at all (no network), as opposed to an error from the server. */
    unreachable: () => unreachable,
  };
}
