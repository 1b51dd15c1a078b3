// The test page's save queue. Every change is queued on this device (localStorage) before it
// is sent, sent in order with a growing sequence number, and retried until the server answers;
// so a dropped connection, a reload or a closed tab loses nothing that was typed. Without this
// script the page still works: its buttons post the form.
(() => {
  const root = document.querySelector('[data-attempt]');
  if (!root) return;
  const attemptId = root.dataset.attempt;
  const storeKey = `skillcheck:${attemptId}`;
  const form = document.getElementById('answer-form');
  const status = document.getElementById('save-status');
  const adaptive = form?.dataset.adaptive === '1';
  const position = form ? form.dataset.position : null;
  const serverSeq = form ? Number(form.dataset.seq) : 0;

  const empty = () => ({ pending: {}, seq: {}, time: {} });
  let memory = empty();
  function load() {
    try {
      return JSON.parse(localStorage.getItem(storeKey) ?? 'null') ?? empty();
    } catch {
      return memory;
    }
  }
  function save(state) {
    memory = state;
    try {
      localStorage.setItem(storeKey, JSON.stringify(state));
    } catch {
      // Private mode or a full quota: the queue lives in memory for this page only.
    }
  }

  // ---- status line -------------------------------------------------------------------------
  function show(kind, html) {
    if (!status) return;
    status.innerHTML = kind === 'html' ? html : `<span class="${kind}">${html}</span>`;
    for (const t of status.querySelectorAll('time[datetime]')) {
      t.textContent = new Date(t.getAttribute('datetime')).toLocaleTimeString();
    }
  }
  const warning =
    'Not saved yet: check your connection. Your answer is kept on this device and will be sent automatically.';

  // ---- collecting answers ----------------------------------------------------------------
  function fieldsOf() {
    const data = new FormData(form);
    data.delete('go');
    data.delete('seq');
    data.delete('q');
    return [...data.entries()].map(([k, v]) => [k, String(v)]);
  }
  function restore(fields) {
    for (const el of form.elements) {
      if (!el.name || el.name === 'q' || el.name === 'seq') continue;
      const values = fields.filter(([k]) => k === el.name).map(([, v]) => v);
      if (el.type === 'radio' || el.type === 'checkbox') el.checked = values.includes(el.value);
      else if (el.tagName === 'SELECT' || el.type === 'text') el.value = values[0] ?? '';
    }
  }

  // ---- time on this question ---------------------------------------------------------------
  let visibleSince = document.visibilityState === 'visible' ? performance.now() : null;
  function timeSpent(state) {
    const now = performance.now();
    if (visibleSince !== null && position !== null) {
      state.time[position] = (state.time[position] ?? 0) + (now - visibleSince);
      visibleSince = now;
    }
    return Math.round(state.time[position] ?? 0);
  }

  // ---- the queue ----------------------------------------------------------------------------
  // An ordering is an answer only once every item has its own position (or none has one):
  // the states in between are the candidate still choosing, not something to save.
  function orderingIncomplete() {
    const selects = [...form.querySelectorAll('.order-list select')];
    if (selects.length === 0) return null;
    const values = selects.map((s) => s.value).filter((v) => v !== '');
    if (values.length === 0) return null;
    if (values.length < selects.length) return 'Give every item a position to save this answer.';
    if (new Set(values).size < values.length) return 'Each position can be used only once.';
    return null;
  }

  function enqueue() {
    const incomplete = orderingIncomplete();
    if (incomplete) {
      show('hint', incomplete);
      return;
    }
    const state = load();
    const seq = Math.max(serverSeq, state.seq[position] ?? 0) + 1;
    state.seq[position] = seq;
    state.pending[position] = { fields: fieldsOf(), seq, elapsed: timeSpent(state) };
    save(state);
    markNavigator();
    drain();
  }

  function markNavigator() {
    const link = document.querySelector(`.navigator a[data-position="${position}"]`);
    if (!link) return;
    const answered = fieldsOf().some(([k, v]) => k !== 'flagged' && v.trim() !== '');
    const flagged = fieldsOf().some(([k]) => k === 'flagged');
    link.classList.toggle('answered', answered);
    link.classList.toggle('flagged', flagged);
  }

  let sending = false;
  let failures = 0;
  let retryTimer = null;

  function removeIfSent(p, seq) {
    const state = load();
    if (state.pending[p]?.seq === seq) delete state.pending[p];
    save(state);
  }

  async function send(p, entry) {
    const body = new URLSearchParams(entry.fields);
    body.set('q', p);
    body.set('seq', String(entry.seq));
    body.set('elapsed', String(entry.elapsed ?? 0));
    const controller = new AbortController();
    const abort = setTimeout(() => controller.abort(), 10000);
    const slow = setTimeout(() => show('failed', 'Saving is taking longer than usual…'), 2500);
    try {
      const res = await fetch(`/attempts/${attemptId}/answers`, {
        method: 'POST',
        body,
        headers: { 'HX-Request': 'true', 'HX-Request-Type': 'partial' },
        credentials: 'same-origin',
        signal: controller.signal,
      });
      const html = await res.text();
      if (res.ok) {
        removeIfSent(p, entry.seq);
        show('html', html);
        return 'done';
      }
      if (res.status === 409 || res.status === 422) {
        // 409: a newer answer is already saved. 422: the server explained what to fix.
        removeIfSent(p, entry.seq);
        if (res.status === 422) show('html', html);
        return 'done';
      }
      if (res.status === 410) {
        save(empty());
        show('html', html);
        setTimeout(() => {
          location.href = `/attempts/${attemptId}/result`;
        }, 3000);
        return 'stop';
      }
      // 503: the server is shedding load and says so; anything else may be the network.
      if (res.status === 503) return { retry: html };
      return 'retry';
    } catch {
      return 'retry';
    } finally {
      clearTimeout(abort);
      clearTimeout(slow);
    }
  }

  async function drain() {
    if (sending) return;
    sending = true;
    clearTimeout(retryTimer);
    try {
      for (;;) {
        const state = load();
        const entries = Object.entries(state.pending);
        if (entries.length === 0) {
          if (failures > 0) show('saved', 'All answers saved.');
          failures = 0;
          return;
        }
        // The question on screen first, then the rest in the order they were written.
        entries.sort(([a], [b]) => (a === position ? -1 : b === position ? 1 : 0));
        const [p, entry] = entries[0];
        const outcome = await send(p, entry);
        if (outcome === 'stop') return;
        if (outcome === 'retry' || outcome.retry) {
          failures++;
          if (outcome.retry) show('html', outcome.retry);
          else show('failed', warning);
          retryTimer = setTimeout(drain, Math.min(1000 * 2 ** (failures - 1), 5000));
          return;
        }
      }
    } finally {
      sending = false;
    }
  }

  function pendingCount() {
    return Object.keys(load().pending).length;
  }

  async function settle(ms) {
    const until = performance.now() + ms;
    drain();
    while (pendingCount() > 0 && performance.now() < until) await new Promise((r) => setTimeout(r, 100));
    return pendingCount() === 0;
  }

  window.addEventListener('online', drain);

  // ---- the question form -------------------------------------------------------------------
  if (form && !adaptive) {
    const state = load();
    const mine = state.pending[position];
    if (mine && mine.seq > serverSeq) {
      restore(mine.fields);
      markNavigator();
    } else if (mine) {
      delete state.pending[position];
      save(state);
    }
    let typing = null;
    form.addEventListener('input', (e) => {
      if (e.target.type !== 'text') return;
      clearTimeout(typing);
      typing = setTimeout(enqueue, 700);
    });
    form.addEventListener('change', () => {
      clearTimeout(typing);
      enqueue();
    });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (typing) {
        clearTimeout(typing);
        enqueue();
      }
      const go = e.submitter?.value;
      const p = Number(position);
      const target =
        go === 'finish'
          ? `/attempts/${attemptId}/finish`
          : `/attempts/${attemptId}?q=${go === 'prev' ? Math.max(0, p - 1) : go === 'next' ? p + 1 : p}`;
      // Pending answers survive the navigation in localStorage; wait briefly only when they cannot.
      await settle(1500);
      location.href = target;
    });
    form.addEventListener('paste', () => signal('paste'));
  }

  drain();

  // ---- finishing: only with every answer acknowledged ----------------------------------------
  const finishForm = document.getElementById('finish-form');
  finishForm?.addEventListener('submit', async (e) => {
    if (pendingCount() === 0) return;
    e.preventDefault();
    show('failed', 'Sending your last answers…');
    if (await settle(5000)) finishForm.submit();
    else show('failed', `${pendingCount()} answer(s) are not saved yet. Check your connection, then finish again.`);
  });

  // ---- integrity signals -------------------------------------------------------------------
  let lastSignal = 0;
  function signal(type) {
    const now = performance.now();
    if (type === 'focus_lost' && now - lastSignal < 2000) return;
    lastSignal = now;
    const body = new URLSearchParams({ type, q: position ?? '' });
    fetch(`/attempts/${attemptId}/events`, { method: 'POST', body, keepalive: true, credentials: 'same-origin' }).catch(
      () => {},
    );
  }
  window.addEventListener('blur', () => signal('focus_lost'));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') {
      if (form) {
        const state = load();
        timeSpent(state);
        save(state);
      }
      visibleSince = null;
    } else visibleSince = performance.now();
  });

  // ---- the countdown: the server's remaining seconds, counted on the monotonic clock ---------
  const timer = document.getElementById('timer');
  const announce = document.getElementById('timer-announce');
  if (timer) {
    const remaining = Number(timer.dataset.remaining);
    const start = performance.now();
    const said = new Set();
    const format = (s) => {
      const h = Math.floor(s / 3600);
      const m = Math.floor((s % 3600) / 60);
      const pad = (n) => String(n).padStart(2, '0');
      return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
    };
    const tick = async () => {
      const left = Math.max(0, remaining - Math.floor((performance.now() - start) / 1000));
      timer.textContent = format(left);
      timer.classList.toggle('low', left <= 60);
      for (const [at, text] of [
        [300, '5 minutes left'],
        [60, '1 minute left'],
      ]) {
        if (left <= at && remaining > at && !said.has(at)) {
          said.add(at);
          if (announce) announce.textContent = text;
        }
      }
      if (left === 0) {
        clearInterval(interval);
        timer.textContent = 'Time is up';
        await settle(3000);
        location.href = `/attempts/${attemptId}`;
      }
    };
    const interval = setInterval(tick, 500);
    tick();
  }
})();
