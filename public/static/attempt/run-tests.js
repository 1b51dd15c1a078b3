// "Run visible tests" on a code or SQL question: the candidate's code runs in a Web Worker with
// the server's own grader and WebAssembly engines (public/static/vendor/grader-worker.js), on the
// examples the page shows; the hidden tests never reach the browser. A run that overruns its
// limit is stopped by terminating the worker. Results are written as text, never as HTML. Each
// run is reported (tests_run) for the manager's run history, as pastes are.
import { reportSignal } from './requests.js';

// The controls need this script: show them, also on questions the test page swaps in later. The
// code editor (public/static/vendor/code-editor.js) is loaded the first time a code question is
// on screen; it enhances after the page has put back an answer kept on this device.
let editor = null;
const reveal = () => {
  for (const box of document.querySelectorAll('.run-tests[hidden]')) box.hidden = false;
  if (!document.querySelector('textarea[data-code-editor]:not([data-enhanced])')) return;
  editor ??= import('/static/vendor/code-editor.js').catch(() => null);
  editor.then((module) => setTimeout(() => module?.enhanceAll()));
};
reveal();
new MutationObserver(reveal).observe(document.body, { childList: true, subtree: true });

document.addEventListener('click', (e) => {
  const button = e.target instanceof Element ? e.target.closest('[data-run-tests]') : null;
  const box = button?.closest('.run-tests');
  if (box) run(box, button);
});

function run(box, button) {
  const task = JSON.parse(box.dataset.runnable);
  const source = box.closest('form')?.querySelector('[name="source"]')?.value ?? '';

  const output = box.querySelector('[data-run-output]');
  // SQL: the page carries each example's expected rows (computed on the server from the reference,
  // which stays there), and the grader compares with them as the server does. A question imported
  // before that has none: the candidate's own rows are shown (compared with themselves, unjudged).
  const checked = task.kind === 'sql' && task.tests.every((t) => t.expected);
  const full =
    task.kind === 'code'
      ? { ...task, source }
      : { ...task, query: source, reference: source, orderMatters: checked && task.orderMatters };
  const worker = new Worker('/static/vendor/grader-worker.js', { type: 'module' });
  const form = box.closest('form');
  const attemptId = document.querySelector('[data-attempt]')?.dataset.attempt;
  if (attemptId) reportSignal(attemptId, 'tests_run', form?.dataset.position ?? null);
  button.disabled = true;
  write(output, [line('Running…')]);
  const done = (nodes) => {
    clearTimeout(timer);
    worker.terminate();
    button.disabled = false;
    write(output, nodes);
  };
  // Each test's limit, twice over for the engines' start, and a few seconds to load them.
  const timer = setTimeout(
    () => done([line(`Stopped: the run took longer than its limit (${task.limits.timeMs} ms per test).`)]),
    task.limits.timeMs * task.tests.length * 2 + 5000,
  );
  worker.onmessage = (event) => done(checked ? sqlReport(task, event.data) : report(task.kind, event.data));
  worker.onerror = () => done([line('The tests could not run in this browser.')]);
  worker.postMessage(full);
}

function report(kind, grading) {
  if (kind === 'sql') {
    if (grading.error) return [line(grading.error)];
    return grading.results.flatMap((r) => [
      line(`Example data "${r.name}": ${r.error ?? 'your query returns:'}`, 'strong'),
      ...(r.error ? [] : [pre(r.got ?? '')]),
    ]);
  }
  const nodes = [line(`${grading.passed} of ${grading.total} visible tests passed.`, 'strong')];
  for (const r of grading.results) {
    nodes.push(line(`${r.passed ? '✓ passed' : '✗ failed'}: ${r.name}`));
    if (!r.passed) {
      // An assertion test says what failed in its own words; a call says what it expected.
      const why =
        r.snippet !== undefined ? (r.error ?? 'failed') : `expected ${r.expected}, ${r.error ?? `got ${r.got}`}`;
      nodes.push(line(why, 'small'));
    }
    if (r.output) nodes.push(pre(r.output));
  }
  return nodes;
}

// Each example: passed or failed, the expected rows beside the candidate's (two columns, stacked on a phone).
function sqlReport(task, grading) {
  if (grading.error) return [line(grading.error)];
  const nodes = [line(`${grading.passed} of ${grading.total} examples passed.`, 'strong')];
  for (const r of grading.results) {
    nodes.push(line(`${r.passed ? '✓ passed' : '✗ failed'}: example data "${r.name}"`));
    if (r.error) nodes.push(line(r.error, 'small'));
    const side = (title, text) => {
      const column = document.createElement('div');
      column.append(line(title, 'small'), pre(text));
      return column;
    };
    const pair = document.createElement('div');
    pair.className = 'rows-pair';
    pair.append(side('Expected', r.expected), side('Your query', r.got ?? '(no rows: the query failed)'));
    nodes.push(pair);
  }
  nodes.push(
    line(task.orderMatters ? 'The rows must come in the expected order.' : 'Rows may come in any order.', 'small'),
  );
  return nodes;
}

function line(text, tag = 'p') {
  const el = document.createElement(tag === 'small' || tag === 'strong' ? 'p' : tag);
  if (tag === 'small') el.className = 'small';
  if (tag === 'strong') el.append(Object.assign(document.createElement('strong'), { textContent: text }));
  else el.textContent = text;
  return el;
}

function pre(text) {
  return Object.assign(document.createElement('pre'), { textContent: text });
}

function write(output, nodes) {
  output.replaceChildren(...nodes);
}
