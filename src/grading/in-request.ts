/**
 * Grading inside the request, for Workers: there are no threads to kill, so a run is bounded by
 * QuickJS's interrupt calls (Workers' clock stands still while a request computes) and by the
 * request's own CPU limit; see README "Code and SQL grading on Workers".
 */
import { enginesFrom, type WasmModules } from './engines';
import { gradeWith } from './grade';
import type { Grade } from './types';

/** Interrupt calls per ms of limit: what a tight loop makes here; loops that allocate make fewer. */
const workersInterruptsPerMs = 2.5;

export function inRequestGrader(modules: WasmModules): Grade {
  const engines = enginesFrom(modules);
  return (task) => gradeWith(engines, task, () => Date.now(), undefined, { interruptsPerMs: workersInterruptsPerMs });
}
