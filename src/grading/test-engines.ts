/** The engines for tests on Node, compiled once per test file. */
import { type Engines, enginesFrom } from './engines';
import { loadWasmModules } from './node/wasm-modules';

let engines: Promise<Engines> | undefined;

export function testEngines(): Promise<Engines> {
  engines ??= loadWasmModules().then(enginesFrom);
  return engines;
}
