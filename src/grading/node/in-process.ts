/**
 * Grading on the calling thread, for code the operator trusts (the bank's own reference
 * solutions, run by the CLIs: bank:check, the bank import): no thread and no hard kill.
 * Candidates' code goes through the pool (./pool.ts).
 */
import { enginesFrom } from '../engines';
import { gradeWith } from '../grade';
import type { Grade } from '../types';
import { loadWasmModules } from './wasm-modules';

export async function inProcessGrader(): Promise<Grade> {
  const engines = enginesFrom(await loadWasmModules());
  return (task) => gradeWith(engines, task, () => performance.now());
}
