/**
 * Runs a candidate's JavaScript against tests in QuickJS (WebAssembly): a fresh runtime and
 * context per test, so nothing one test does (globals, polluted prototypes) reaches the next.
 * The sandbox has only the language itself and a console.log that collects text: no process,
 * require, fetch, timers, filesystem or network exist in it. The result crosses back as a JSON
 * string made by a JSON.stringify captured before the candidate's code ran, and is compared on
 * the host, so nothing the code does inside the VM can change how it is judged. The time limit
 * is QuickJS's interrupt handler, the memory limit its heap cap; Node adds a hard kill around
 * this (src/grading/node/pool.ts) because the interrupt handler is not reached while QuickJS is
 * busy in one big allocation.
 */
import type { QuickJSContext, QuickJSHandle, QuickJSWASMModule } from 'quickjs-emscripten-core';
import { jsonEqual } from './json-equal';
import { type CodeTask, capText, type Grading, type JsonValue, type TestResult } from './types';

/** Longest result text brought out of the VM; a longer one fails the test as "output too large". */
export const resultCap = 100_000;
/** Native stack for the candidate's recursion; deeper recursion ends with a stack overflow error. */
const stackBytes = 256 * 1024;
const identifier = /^[A-Za-z_$][\w$]*$/;

// Evaluated before the candidate's code: the runner keeps its own JSON and Reflect in a closure.
const prelude = `(function () {
  const stringify = JSON.stringify, parse = JSON.parse, apply = Reflect.apply, slice = String.prototype.slice;
  return function run(fn, argsJson, cap) {
    const value = apply(fn, undefined, parse(argsJson));
    if (value === undefined) return 'U';
    const json = stringify(value);
    if (typeof json !== 'string') return 'U';
    return json.length > cap ? 'T' + apply(slice, json, [0, 2000]) : 'J' + json;
  };
})()`;

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
    const outcome = runOne(quickjs, task, test.args, started + task.limits.timeMs, budget, now);
    if (outcome.crashed) quickjs = await load();
    const expected = JSON.stringify(test.expected);
    const passed = outcome.error === null && outcome.value !== undefined && jsonEqual(outcome.value, test.expected);
    results.push({
      name: test.name,
      passed,
      expected: capText(expected),
      got: outcome.got === null ? null : capText(outcome.got),
      error: outcome.error,
      ms: Math.round(now() - started),
      ...(outcome.output ? { output: capText(outcome.output) } : {}),
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
  args: JsonValue[],
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
    const run = vm.evalCode(prelude, 'grader.js');
    if (run.error) return outcome({ error: 'the grader could not start' });
    const runner = keep(run.value);

    const loaded = vm.evalCode(
      `${task.source}\n;(typeof ${task.functionName} === 'function' ? ${task.functionName} : undefined)`,
      'solution.js',
    );
    if (loaded.error) return outcome({ error: failure(vm, keep(loaded.error), deadline, now) });
    const fn = keep(loaded.value);
    if (vm.typeof(fn) !== 'function') {
      return outcome({ error: `no function named ${task.functionName} is defined` });
    }
    const called = vm.callFunction(
      runner,
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
    const dumped = vm.dump(error) as unknown;
    text =
      dumped && typeof dumped === 'object' && 'message' in dumped
        ? `${String((dumped as { name?: unknown }).name ?? 'Error')}: ${String((dumped as { message: unknown }).message)}`
        : `thrown: ${JSON.stringify(dumped) ?? String(dumped)}`;
  } catch {
    text = 'the code threw an error';
  }
  if (/out of memory/i.test(text)) return 'memory limit exceeded';
  if (/stack overflow/i.test(text)) return stackMessage;
  if (/interrupted/i.test(text)) return 'time limit exceeded';
  return capText(text, 500);
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
