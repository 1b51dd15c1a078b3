/** The two engines' WebAssembly, read from node_modules and compiled once per thread (Node only). */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { WasmModules } from '../engines';

export async function loadWasmModules(): Promise<WasmModules> {
  const require = createRequire(import.meta.url);
  const compile = async (specifier: string) => WebAssembly.compile(await readFile(require.resolve(specifier)));
  const [quickjs, sqlite] = await Promise.all([
    compile('@jitl/quickjs-wasmfile-release-sync/wasm'),
    compile('sql.js/dist/sql-wasm.wasm'),
  ]);
  return { quickjs, sqlite };
}
