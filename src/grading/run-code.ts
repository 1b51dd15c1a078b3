/**
 * Runs a candidate's JavaScript against tests in QuickJS (WebAssembly): a fresh runtime and
 * context per test, so nothing one test does (globals, polluted prototypes) reaches the next.
 * The sandbox has only the language itself and a console.log that collects text: no process,
 * require, fetch, timers, filesystem or network exist in it. The result crosses back as a JSON
 * string made by a JSON.stringify captured before the candidate's code ran, and is compared on
 * the host, so nothing the code does inside the VM can change how it is judged. An assertion
 * test's snippet is compiled before the candidate's code, as a strict function whose parameters
 * are the grader's `assert` and `assertEqual` (built from built-ins captured first), so the
 * candidate can neither shadow nor replace them. The time limit is QuickJS's interrupt handler,
 * the memory limit its heap cap; Node adds a hard kill around this (src/grading/node/pool.ts)
 * because the interrupt handler is not reached while QuickJS is busy in one big allocation.
 */
import type { QuickJSContext, QuickJSHandle, QuickJSWASMModule } from 'quickjs-emscripten-core';
import { jsonEqual } from './json-equal';
import {
  type CodeTask,
  type CodeTest,
  capText,
  expectedText,
  type Grading,
  isAssertionTest,
  type JsonValue,
  type TestResult,
} from './types';

/** Longest result text brought out of the VM; a longer one fails the test as "output too large". */
export const resultCap = 100_000;
/** Native stack for the candidate's recursion; deeper recursion ends with a stack overflow error. */
const stackBytes = 256 * 1024;
const identifier = /^[A-Za-z_$][\w$]*$/;

// Evaluated before the candidate's code, in strict mode (a strict function's caller and arguments
// cannot be reached from the code it calls): the runner and the assertion helpers keep their own
// built-ins in a closure. assertEqual compares as call tests are compared on the host (jsonEqual):
// own enumerable keys in any order, numbers within 1e-9 relative; toJSON is never consulted.
const prelude = `(function () {
  'use strict';
  const stringify = JSON.stringify, parse = JSON.parse, apply = Reflect.apply, slice = String.prototype.slice;
  const isArray = Array.isArray, keys = Object.keys, hasOwn = Object.prototype.hasOwnProperty;
  const abs = Math.abs, max = Math.max, Err = Error, define = Object.defineProperty, Str = String;
  function run(fn, argsJson, cap) {
    const value = apply(fn, undefined, parse(argsJson));
    if (value === undefined) return 'U';
    const json = stringify(value);
    if (typeof json !== 'string') return 'U';
    return json.length > cap ? 'T' + apply(slice, json, [0, 2000]) : 'J' + json;
  }
  function equal(a, b, depth) {
    if (depth > 200) return false;
    if (typeof a === 'number' && typeof b === 'number') return a === b || abs(a - b) <= 1e-9 * max(1, abs(a), abs(b));
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
    if (isArray(a) !== isArray(b)) return false;
    const ka = keys(a), kb = keys(b);
    if (ka.length !== kb.length) return false;
    for (let i = 0; i < ka.length; i++) {
      const k = ka[i];
      if (!apply(hasOwn, b, [k]) || !equal(a[k], b[k], depth + 1)) return false;
    }
    return true;
  }
  // JSON-like text of a value for a failing assertion's message, written here so that no toJSON
  // of the candidate's decides what the manager reads; about 300 characters at most.
  function show(v) {
    const text = write(v, 0);
    return text.length > 300 ? apply(slice, text, [0, 300]) + '…' : text;
  }
  function write(v, depth) {
    if (v === undefined) return 'undefined';
    if (v === null || typeof v === 'boolean') return v ? 'true' : v === null ? 'null' : 'false';
    if (typeof v === 'string') return stringify(v);
    if (typeof v !== 'object') return typeof v === 'function' ? 'a function' : Str(v);
    if (depth > 20) return '…';
    const ks = keys(v), array = isArray(v);
    let text = '';
    for (let i = 0; i < ks.length && text.length < 300; i++) {
      const k = ks[i];
      text += (i ? ',' : '') + (array ? '' : stringify(k) + ':') + write(v[k], depth + 1);
    }
    return array ? '[' + text + ']' : '{' + text + '}';
  }
  function fail(message) {
    const error = new Err(message);
    define(error, 'name', { value: 'AssertionError' });
    throw error;
  }
  function assert(condition, message) {
    if (!condition) fail(message === undefined ? 'assertion failed' : Str(message));
  }
  function assertEqual(actual, expected, message) {
    if (!equal(actual, expected, 0)) {
      fail((message === undefined ? '' : Str(message) + ': ') + 'expected ' + show(expected) + ', got ' + show(actual));
    }
  }
  return { run: run, assert: assert, assertEqual: assertEqual };
})()`;

/** An assertion test's snippet as a strict function of the grader's helpers; compiled before the candidate's code. */
function snippetFunction(snippet: string): string {
  return `(function (assert, assertEqual) {\n'use strict';\n${snippet}\n})`;
}

/**
 * `interruptsPerMs` bounds the run by QuickJS's interrupt calls as well as by the clock, for
 * Workers, whose clock stands still while a request computes (about 2.5 calls per ms in a tight
 * loop here; far fewer in a loop that allocates, so there the bound is looser).
 */
/** `load` gives a fresh QuickJS instance: one for the grading, another after a test crashed the last one. */
export async function runCodeTests(
  load: () => Promise<QuickJSWASMModule>,
  task: CodeTask,
  now: () => number,
  report: (result: TestResult) => void = () => {},
  interruptsPerMs = Number.POSITIVE_INFINITY,
): Promise<Grading> {
  if (!identifier.test(task.functionName)) throw new Error(`not a function name: ${task.functionName}`);
  let quickjs = await load();
  const results: TestResult[] = [];
  for (const test of task.tests) {
    const started = now();
    const budget = task.limits.timeMs * interruptsPerMs;
    const outcome = runOne(quickjs, task, test, started + task.limits.timeMs, budget, now);
    if (outcome.crashed) quickjs = await load();
    const passed =
      outcome.error === null &&
      (isAssertionTest(test) || (outcome.value !== undefined && jsonEqual(outcome.value, test.expected)));
    results.push({
      name: test.name,
      passed,
      expected: expectedText(test),
      got: outcome.got === null ? null : capText(outcome.got),
      error: outcome.error,
      ms: Math.round(now() - started),
      ...(outcome.output ? { output: capText(outcome.output) } : {}),
      ...(isAssertionTest(test) ? { snippet: capText(test.snippet) } : {}),
    });
    report(results[results.length - 1] as TestResult);
  }
  const passed = results.filter((r) => r.passed).length;
  return { passed, total: results.length, results, error: null };
}

interface Outcome {
  value: JsonValue | undefined;
  got: string | null;
  error: string | null;
  output: string;
  /** The WebAssembly instance trapped or aborted: it must not run another test. */
  crashed?: boolean;
}

function runOne(
  quickjs: QuickJSWASMModule,
  task: CodeTask,
  test: CodeTest,
  deadline: number,
  interruptBudget: number,
  now: () => number,
): Outcome {
  const runtime = quickjs.newRuntime();
  runtime.setMemoryLimit(task.limits.memoryBytes);
  runtime.setMaxStackSize(stackBytes);
  let interrupts = 0;
  runtime.setInterruptHandler(() => now() > deadline || ++interrupts > interruptBudget);
  const vm = runtime.newContext();
  const handles: QuickJSHandle[] = [];
  const keep = (h: QuickJSHandle) => {
    handles.push(h);
    return h;
  };
  let output = '';
  let crashed = false;
  const outcome = (partial: Partial<Outcome>): Outcome => ({
    value: undefined,
    got: null,
    error: null,
    output,
    ...partial,
  });
  try {
    installConsole(vm, keep, (line) => {
      if (output.length < 4000) output += `${line}\n`;
    });
    const started = vm.evalCode(prelude, 'grader.js');
    if (started.error) return outcome({ error: 'the grader could not start' });
    const grader = keep(started.value);
    // Taken out before the candidate's code runs (which never sees the object anyway).
    const [runner, assert, assertEqual] = ['run', 'assert', 'assertEqual'].map((name) =>
      keep(vm.getProp(grader, name)),
    );
    // The assertion snippet exists before the candidate's code runs; it names the function, which
    // is looked up when the snippet runs.
    let snippet: QuickJSHandle | null = null;
    if (isAssertionTest(test)) {
      const compiled = vm.evalCode(snippetFunction(test.snippet), 'test.js');
      if (compiled.error) {
        return outcome({
          error: `the test's code does not compile: ${failure(vm, keep(compiled.error), deadline, now)}`,
        });
      }
      snippet = keep(compiled.value);
    }

    const loaded = vm.evalCode(
      `${task.source}\n;(typeof ${task.functionName} === 'function' ? ${task.functionName} : undefined)`,
      'solution.js',
    );
    if (loaded.error) return outcome({ error: failure(vm, keep(loaded.error), deadline, now) });
    const fn = keep(loaded.value);
    if (vm.typeof(fn) !== 'function') {
      return outcome({ error: `no function named ${task.functionName} is defined` });
    }
    if (snippet) {
      const ran = vm.callFunction(snippet, vm.undefined, assert as QuickJSHandle, assertEqual as QuickJSHandle);
      if (ran.error) return outcome({ error: failure(vm, keep(ran.error), deadline, now) });
      keep(ran.value);
      return outcome({});
    }
    const args = (test as { args: JsonValue[] }).args;
    const called = vm.callFunction(
      runner as QuickJSHandle,
      vm.undefined,
      fn,
      keep(vm.newString(JSON.stringify(args))),
      keep(vm.newNumber(resultCap)),
    );
    if (called.error) return outcome({ error: failure(vm, keep(called.error), deadline, now) });
    const text = vm.getString(keep(called.value));
    if (text === 'U') return outcome({ got: 'undefined' });
    if (text.startsWith('T')) return outcome({ got: text.slice(1), error: 'the result is too large' });
    const json = text.slice(1);
    return outcome({ value: JSON.parse(json) as JsonValue, got: json });
  } catch (e) {
    // A trap inside the WebAssembly (memory exhausted while growing) ends up here.
    crashed = true;
    const error =
      now() > deadline ? timeMessage(task) : /call stack/i.test(String(e)) ? stackMessage : 'memory limit exceeded';
    return { ...outcome({ error }), crashed };
  } finally {
    for (const h of handles.reverse()) if (h.alive) h.dispose();
    if (!crashed) {
      disposeQuietly(() => vm.dispose());
      disposeQuietly(() => runtime.dispose());
    }
  }
}

/** `console.log(...)` joins its arguments as text, as a browser's console would show them. */
function installConsole(vm: QuickJSContext, keep: (h: QuickJSHandle) => QuickJSHandle, write: (line: string) => void) {
  const consoleObject = keep(vm.newObject());
  const log = keep(
    vm.newFunction('log', (...parts) => {
      write(parts.map((p) => (vm.typeof(p) === 'string' ? vm.getString(p) : safeDump(vm, p))).join(' '));
    }),
  );
  vm.setProp(consoleObject, 'log', log);
  vm.setProp(consoleObject, 'error', log);
  vm.setProp(vm.global, 'console', consoleObject);
}

function safeDump(vm: QuickJSContext, handle: QuickJSHandle): string {
  try {
    return capText(String(JSON.stringify(vm.dump(handle))), 200);
  } catch {
    return '[value]';
  }
}

/** What went wrong, in words: the limits by name, otherwise the thrown error's name and message. */
function failure(vm: QuickJSContext, error: QuickJSHandle, deadline: number, now: () => number): string {
  if (now() > deadline) return 'time limit exceeded';
  let text: string;
  try {
    text = errorText(vm, error) ?? thrownText(vm, error);
  } catch {
    text = 'the code threw an error';
  }
  if (/out of memory/i.test(text)) return 'memory limit exceeded';
  if (/stack overflow/i.test(text)) return stackMessage;
  if (/interrupted/i.test(text)) return 'time limit exceeded';
  return capText(text, 500);
}

/**
 * An error's name and message read as properties, not through vm.dump (which goes through the
 * sandbox's JSON.stringify, and so through whatever toJSON the candidate installed).
 */
function errorText(vm: QuickJSContext, error: QuickJSHandle): string | null {
  if (vm.typeof(error) !== 'object') return null;
  const read = (name: string) => {
    const handle = vm.getProp(error, name);
    try {
      return vm.typeof(handle) === 'string' ? vm.getString(handle) : null;
    } finally {
      handle.dispose();
    }
  };
  const message = read('message');
  return message === null ? null : `${read('name') ?? 'Error'}: ${message}`;
}

function thrownText(vm: QuickJSContext, error: QuickJSHandle): string {
  const dumped = vm.dump(error) as unknown;
  return `thrown: ${JSON.stringify(dumped) ?? String(dumped)}`;
}

const stackMessage = 'stack overflow (recursion too deep)';

function timeMessage(task: CodeTask): string {
  return `time limit exceeded (${task.limits.timeMs} ms)`;
}

function disposeQuietly(dispose: () => void) {
  try {
    dispose();
  } catch {
    // A runtime that ran out of memory can fail its own cleanup; the module is dropped after the grading anyway.
  }
}
