// The test page's script (an ES module; its parts are in attempt/). Every change is queued on this
// device (localStorage) before it is sent, sent in order with a growing sequence number, and
// retried until the server answers; so a dropped connection, a reload or a closed tab loses
// nothing that was typed. The page also keeps every question of the test in memory (fetched once,
// answer keys never included) and moves between them in place, so a candidate keeps going while
// offline. Without this script the page still works: its buttons post the form.
import { fieldsOf, orderingProblem, restore } from './attempt/answer-fields.js';
import { answerMarks, markCurrent, markQuestion } from './attempt/navigator.js';
import { createSaveQueue } from './attempt/queue.js';
import { answerSender, fetchQuestions, reportSignal } from './attempt/requests.js';
import { notSavedYet, statusLine } from './attempt/status.js';
import './attempt/run-tests.js';
import { startCountdown } from './attempt/timer.js';

const root = document.querySelector('[data-attempt]');
if (root) start(root.dataset.attempt);

// Private mode can refuse localStorage outright; the queue then lives in memory for this page.
function deviceStorage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function start(attemptId) {
  const form = document.getElementById('answer-form');
  const show = statusLine(document.getElementById('save-status'));
  const adaptive = form?.dataset.adaptive === '1';
  const queue = createSaveQueue({ storage: deviceStorage(), key: `skillcheck:${attemptId}` });
  // The question on screen and the sequence number the server had for it when it was rendered.
  let position = form ? form.dataset.position : null;
  let serverSeq = form ? Number(form.dataset.seq) : 0;

  // ---- time on this question, counted while the page is visible ------------------------------
  let visibleSince = document.visibilityState === 'visible' ? performance.now() : null;
  function timeSpent() {
    const now = performance.now();
    const spent = visibleSince === null ? 0 : now - visibleSince;
    if (visibleSince !== null) visibleSince = now;
    return Math.round(queue.addTime(position, spent));
  }

  // ---- saving ---------------------------------------------------------------------------------
  function enqueue() {
    const problem = orderingProblem(form);
    if (problem) {
      show('hint', problem);
      return;
    }
    const fields = fieldsOf(form);
    queue.enqueue(position, fields, serverSeq, timeSpent());
    markQuestion(position, answerMarks(fields));
    drain();
  }

  const send = answerSender(attemptId, () => show('failed', 'Saving is taking longer than usual…'));
  function onReply({ kind, body }) {
    if (kind === 'stale')
      loadQuestions(); // fetch the questions again to show the newer answer
    else show('html', body);
  }

  let retryTimer = null;
  async function drain() {
    clearTimeout(retryTimer);
    const result = await queue.drain(send, () => position, onReply);
    if (result.kind === 'saved' && result.recovered) show('saved', 'All answers saved.');
    if (result.kind === 'retry') {
      if (result.body) show('html', result.body);
      else show('failed', notSavedYet);
      retryTimer = setTimeout(drain, result.delay);
    }
    if (result.kind === 'closed') {
      show('html', result.body);
      setTimeout(() => {
        location.href = `/attempts/${attemptId}/result`;
      }, 3000);
    }
  }

  // Drains and waits up to `ms` for the queue to empty; whether it did.
  async function settle(ms) {
    const until = performance.now() + ms;
    drain();
    while (queue.pendingCount() > 0 && performance.now() < until) await new Promise((r) => setTimeout(r, 100));
    return queue.pendingCount() === 0;
  }

  window.addEventListener('online', drain);

  // ---- every question in memory, for moving in place -------------------------------------------
  const questions = new Map();
  async function loadQuestions() {
    if (!form || adaptive) return;
    const templates = await fetchQuestions(attemptId);
    if (!templates) return;
    for (const t of templates) {
      const p = t.dataset.position;
      questions.set(p, t);
      // The server's word on questions this device holds nothing newer for (another tab, a 409).
      if (!queue.holdsNewer(p, Number(t.dataset.seq))) {
        markQuestion(p, { answered: t.dataset.answered === '1', flagged: t.dataset.flagged === '1' });
      }
    }
    form.dataset.questions = 'ready';
  }

  const questionUrl = (p) => `/attempts/${attemptId}?q=${p}`;

  // A report sent from the panel under the question (htmx swapped its inside): the copy kept in
  // memory for that question shows it too, so coming back to the question still says so.
  document.addEventListener('htmx:after:swap', (e) => {
    if (!e.target.classList?.contains('question-report')) return;
    questions.get(String(position))?.content.querySelector('.question-report')?.replaceWith(e.target.cloneNode(true));
  });

  // Swaps the question on screen for question p, from memory; false when it is not there.
  function showQuestion(p, how) {
    const template = questions.get(String(p));
    if (!template) return false;
    timeSpent();
    const fresh = template.content.cloneNode(true);
    form.querySelector('.question-body').replaceWith(fresh.querySelector('.question-body'));
    form.querySelector('.question-nav').replaceWith(fresh.querySelector('.question-nav'));
    // The "report a problem" panel belongs to the question too; htmx learns of the new form.
    const report = fresh.querySelector('.question-report');
    if (report) {
      document.querySelector('.question-report')?.replaceWith(report);
      window.htmx?.process(report);
    }
    position = String(p);
    serverSeq = Number(template.dataset.seq);
    form.dataset.position = position;
    form.dataset.seq = String(serverSeq);
    form.elements.q.value = position;
    form.elements.seq.value = String(serverSeq + 1);
    const local = queue.answerFor(position, serverSeq);
    if (local) restore(form, local.fields);
    markCurrent(position);
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
    if (!navigator.onLine || (!sent && queue.unreachable())) {
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
    const local = queue.answerFor(position, serverSeq);
    if (local) {
      restore(form, local.fields);
      markQuestion(position, answerMarks(local.fields));
    }
    form.addEventListener('input', (e) => {
      if (e.target.type !== 'text' && e.target.type !== 'textarea') return;
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
    if (queue.pendingCount() === 0) return;
    e.preventDefault();
    show('failed', 'Sending your last answers…');
    if (await settle(5000)) finishForm.submit();
    else
      show('failed', `${queue.pendingCount()} answer(s) are not saved yet. Check your connection, then finish again.`);
  });

  // ---- integrity signals -------------------------------------------------------------------
  let lastSignal = 0;
  function signal(type) {
    const now = performance.now();
    if (type === 'focus_lost' && now - lastSignal < 2000) return;
    lastSignal = now;
    reportSignal(attemptId, type, position);
  }
  window.addEventListener('blur', () => signal('focus_lost'));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') {
      if (form) timeSpent();
      visibleSince = null;
    } else visibleSince = performance.now();
  });

  // ---- the countdown -------------------------------------------------------------------------
  const timer = document.getElementById('timer');
  if (timer) {
    startCountdown(timer, document.getElementById('timer-announce'), async (untilClosed) => {
      if (form) {
        flushTyping();
        form.inert = true;
      }
      show('hint', 'Time is up. Your answers are being submitted…');
      await settle(Math.max(1000, untilClosed()));
      // The page with the result opens once the server no longer takes saves for this attempt.
      setTimeout(
        () => {
          location.href = `/attempts/${attemptId}`;
        },
        Math.max(0, untilClosed()),
      );
    });
  }
}
