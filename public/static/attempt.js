// The test page's save queue. Every change is queued on this device (localStorage) before it
// is sent, sent in order with a growing sequence number, and retried until the server answers;
// so a dropped connection, a reload or a closed tab loses nothing that was typed. The page also
// keeps every question of the test in memory (fetched once, answer keys never included) and moves
// between them in place, so a candidate keeps going while offline. Without this script the page
// still works: its buttons post the form.
(() => {
  const root = document.querySelector('[data-attempt]');
  if (!root) return;
  const attemptId = root.dataset.attempt;
  const storeKey = `skillcheck:${attemptId}`;
  const form = document.getElementById('answer-form');
  const status = document.getElementById('save-status');
  const adaptive = form?.dataset.adaptive === '1';
  // The question on screen and the sequence number the server had for it when it was rendered.
  let position = form ? form.dataset.position : null;
  let serverSeq = form ? Number(form.dataset.seq) : 0;

  // pending: answers not yet acknowledged; acked: the last acknowledged answer per question (what
  // the server holds, unless another device saved since); seq: the last sequence number used.
  const empty = () => ({ pending: {}, acked: {}, seq: {}, time: {} });
  let memory = empty();
  function load() {
    try {
      return { ...empty(), ...(JSON.parse(localStorage.getItem(storeKey) ?? 'null') ?? memory) };
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
    const fields = fieldsOf();
    state.seq[position] = seq;
    state.pending[position] = { fields, seq, elapsed: timeSpent(state) };
    save(state);
    markNavigator(position, {
      answered: fields.some(([k, v]) => k !== 'flagged' && v.trim() !== ''),
      flagged: fields.some(([k]) => k === 'flagged'),
    });
    drain();
  }

  // The navigator says the same as the server-rendered one: class for the eye, label for the ear.
  function markNavigator(p, { answered, flagged }) {
    const link = document.querySelector(`.navigator a[data-position="${p}"]`);
    if (!link) return;
    link.classList.toggle('answered', answered);
    link.classList.toggle('flagged', flagged);
    link.setAttribute(
      'aria-label',
      `Question ${Number(p) + 1}, ${answered ? 'answered' : 'not answered'}${flagged ? ', flagged' : ''}`,
    );
    const progress = document.getElementById('progress');
    const label = document.querySelector('label[for="progress"]');
    if (progress && label && !adaptive) {
      const count = document.querySelectorAll('.navigator a[data-position].answered').length;
      progress.value = count;
      label.textContent = `${count} of ${progress.max} answered`;
    }
  }

  let sending = false;
  let failures = 0;
  let retryTimer = null;

  function removeIfSent(p, entry, acknowledged) {
    const state = load();
    if (state.pending[p]?.seq === entry.seq) delete state.pending[p];
    if (acknowledged && (state.acked[p]?.seq ?? 0) < entry.seq)
      state.acked[p] = { fields: entry.fields, seq: entry.seq };
    save(state);
  }

  // Whether the last send failed for want of a network, as opposed to an answer from the server.
  let networkDown = false;

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
      networkDown = false;
      const html = await res.text();
      if (res.ok) {
        removeIfSent(p, entry, true);
        show('html', html);
        return 'done';
      }
      if (res.status === 409 || res.status === 422) {
        // 409: a newer answer (another tab or device) is already saved: fetch the questions again
        // to show it. 422: the server explained what to fix.
        removeIfSent(p, entry, false);
        if (res.status === 422) show('html', html);
        else loadQuestions();
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
      networkDown = true;
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

  // ---- the answer a question shows ------------------------------------------------------------
  // The newest of: what the server rendered (sequence `rendered`), the last acknowledged answer
  // and the answer still queued on this device. Equal sequence numbers mean the server's stands.
  function localAnswer(p, rendered) {
    const state = load();
    const queued = state.pending[p];
    if (queued && queued.seq <= rendered) {
      delete state.pending[p];
      save(state);
    }
    const newer = [state.pending[p], state.acked[p]].filter((a) => a && a.seq > rendered);
    return newer.sort((a, b) => b.seq - a.seq)[0] ?? null;
  }

  // ---- every question in memory, for moving in place -------------------------------------------
  const questions = new Map();
  async function loadQuestions() {
    if (!form || adaptive) return;
    try {
      const res = await fetch(`/attempts/${attemptId}/questions`, {
        headers: { 'HX-Request': 'true', 'HX-Request-Type': 'partial' },
        credentials: 'same-origin',
      });
      if (!res.ok) return;
      const holder = document.createElement('template');
      holder.innerHTML = await res.text();
      const state = load();
      for (const t of holder.content.querySelectorAll('template[data-position]')) {
        const p = t.dataset.position;
        questions.set(p, t);
        // The server's word on questions this device holds nothing newer for (another tab, a 409).
        const local = [state.pending[p], state.acked[p]].some((a) => a && a.seq > Number(t.dataset.seq));
        if (!local) markNavigator(p, { answered: t.dataset.answered === '1', flagged: t.dataset.flagged === '1' });
      }
      form.dataset.questions = 'ready';
    } catch {
      // Offline right now: moving between questions loads pages until a later fetch succeeds.
    }
  }

  const questionUrl = (p) => `/attempts/${attemptId}?q=${p}`;

  // Swaps the question on screen for question p, from memory; false when it is not there.
  function showQuestion(p, how) {
    const template = questions.get(String(p));
    if (!template) return false;
    const state = load();
    timeSpent(state);
    save(state);
    const fresh = template.content.cloneNode(true);
    form.querySelector('.question-body').replaceWith(fresh.querySelector('.question-body'));
    form.querySelector('.question-nav').replaceWith(fresh.querySelector('.question-nav'));
    position = String(p);
    serverSeq = Number(template.dataset.seq);
    form.dataset.position = position;
    form.dataset.seq = String(serverSeq);
    form.elements.q.value = position;
    form.elements.seq.value = String(serverSeq + 1);
    const local = localAnswer(position, serverSeq);
    if (local) restore(local.fields);
    for (const link of document.querySelectorAll('.navigator a[data-position]')) {
      const current = link.dataset.position === position;
      link.classList.toggle('current', current);
      if (current) link.setAttribute('aria-current', 'step');
      else link.removeAttribute('aria-current');
    }
    document.title = document.title.replace(/^Question \d+/, `Question ${Number(position) + 1}`);
    if (how === 'push') history.pushState({ position }, '', questionUrl(position));
    if (document.visibilityState === 'visible') visibleSince = performance.now();
    // The new question's heading takes the focus (a screen reader reads it) and is in view,
    // below the sticky bar with the timer.
    form.querySelector('.question-body h1')?.focus({ preventScroll: true });
    const barBottom = document.querySelector('.test-bar')?.getBoundingClientRect().bottom ?? 0;
    const above = form.getBoundingClientRect().top - Math.max(0, barBottom) - 8;
    if (above < 0) window.scrollBy(0, above);
    return true;
  }

  // Leaves the test page (the finish page): only with the answers sent, or a network to load it.
  async function leave(url) {
    const sent = await settle(3000);
    if (!navigator.onLine || (!sent && networkDown)) {
      show(
        'failed',
        'You are offline. Your answers are kept on this device and sent when the connection returns; you can keep answering.',
      );
      return;
    }
    location.href = url;
  }

  // ---- the question form -------------------------------------------------------------------
  let typing = null;
  function flushTyping() {
    if (!typing) return;
    clearTimeout(typing);
    typing = null;
    enqueue();
  }
  if (form && !adaptive) {
    const local = localAnswer(position, serverSeq);
    if (local) {
      restore(local.fields);
      const fields = local.fields;
      markNavigator(position, {
        answered: fields.some(([k, v]) => k !== 'flagged' && v.trim() !== ''),
        flagged: fields.some(([k]) => k === 'flagged'),
      });
    }
    form.addEventListener('input', (e) => {
      if (e.target.type !== 'text') return;
      clearTimeout(typing);
      typing = setTimeout(() => {
        typing = null;
        enqueue();
      }, 700);
    });
    form.addEventListener('change', () => {
      clearTimeout(typing);
      typing = null;
      enqueue();
    });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      flushTyping();
      const go = e.submitter?.value;
      if (go === 'finish') return leave(`/attempts/${attemptId}/finish`);
      const p = Number(position);
      const next = go === 'prev' ? Math.max(0, p - 1) : go === 'next' ? p + 1 : p;
      if (showQuestion(next, 'push')) return;
      // The questions are not in memory (they could not be fetched): load the page instead.
      // Pending answers survive the navigation in localStorage; wait briefly only when they cannot.
      await settle(1500);
      location.href = questionUrl(next);
    });
    form.addEventListener('paste', () => signal('paste'));
    document.querySelector('.navigator')?.addEventListener('click', (e) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = e.target.closest('a');
      if (!link) return;
      flushTyping();
      if (link.dataset.position !== undefined) {
        if (showQuestion(link.dataset.position, 'push')) e.preventDefault();
        return;
      }
      e.preventDefault();
      leave(link.href);
    });
    window.addEventListener('popstate', () => {
      flushTyping();
      const p = new URL(location.href).searchParams.get('q') ?? '0';
      if (!showQuestion(p, 'none')) location.reload();
    });
    loadQuestions();
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
    // Saves still count for a short grace after the deadline; the attempt is final after it.
    const closes = Number(timer.dataset.closes ?? remaining + 6);
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
        if (form) {
          flushTyping();
          form.inert = true;
        }
        show('hint', 'Time is up. Your answers are being submitted…');
        const untilClosed = () => closes * 1000 + 500 - (performance.now() - start);
        await settle(Math.max(1000, untilClosed()));
        // The page with the result opens once the server no longer takes saves for this attempt.
        setTimeout(
          () => {
            location.href = `/attempts/${attemptId}`;
          },
          Math.max(0, untilClosed()),
        );
      }
    };
    const interval = setInterval(tick, 500);
    tick();
  }
})();
