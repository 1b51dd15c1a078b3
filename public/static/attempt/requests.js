// The requests the test page makes behind the form: saving an answer, fetching every question,
// reporting an integrity signal.

const partial = { 'HX-Request': 'true', 'HX-Request-Type': 'partial' };

/**
 * A `send` for the save queue: resolves to the server's reply, rejects when none came (no network,
 * or nothing within 10 s). `onSlow` runs when a reply takes longer than 2.5 s.
 */
export function answerSender(attemptId, onSlow) {
  return async (position, entry) => {
    const body = new URLSearchParams(entry.fields);
    body.set('q', position);
    body.set('seq', String(entry.seq));
    body.set('elapsed', String(entry.elapsed ?? 0));
    const controller = new AbortController();
    const abort = setTimeout(() => controller.abort(), 10000);
    const slow = setTimeout(onSlow, 2500);
    try {
      const res = await fetch(`/attempts/${attemptId}/answers`, {
        method: 'POST',
        body,
        headers: partial,
        credentials: 'same-origin',
        signal: controller.signal,
      });
      return { status: res.status, body: await res.text() };
    } finally {
      clearTimeout(abort);
      clearTimeout(slow);
    }
  };
}

/**
 * Every question of the attempt as a <template> per position (answer keys never included), or
 * null when they could not be fetched.
 */
export async function fetchQuestions(attemptId) {
  try {
    const res = await fetch(`/attempts/${attemptId}/questions`, { headers: partial, credentials: 'same-origin' });
    if (!res.ok) return null;
    const holder = document.createElement('template');
    holder.innerHTML = await res.text();
    return [...holder.content.querySelectorAll('template[data-position]')];
  } catch {
    // Offline right now: moving between questions loads pages until a later fetch succeeds.
    return null;
  }
}

/** Reports an integrity signal (focus lost, paste) without waiting; a report that fails is dropped. */
export function reportSignal(attemptId, type, position) {
  const body = new URLSearchParams({ type, q: position ?? '' });
  fetch(`/attempts/${attemptId}/events`, { method: 'POST', body, keepalive: true, credentials: 'same-origin' }).catch(
    () => {},
  );
}
