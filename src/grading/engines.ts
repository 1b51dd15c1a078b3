/**
 * The two WebAssembly engines a grading needs, made from modules compiled once by the runtime's
 * entry (read from node_modules on Node, imported as modules on Workers, fetched in a browser).
 * Each grading gets fresh instances, so nothing survives from one candidate's run to the next.
 */
import variant from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core';
import initSqlJs, { type SqlJsStatic } from 'sql.js';

/**
 * The compiled modules: @jitl/quickjs-wasmfile-release-sync's emscripten-module.wasm and sql.js's
 * sql-wasm.wasm. Without `quickjs`, the variant loads its own (its workerd build imports the
 * .wasm as a module, which wrangler compiles).
 */
export interface WasmModules {
  quickjs?: WebAssembly.Module;
  sqlite: WebAssembly.Module;
}

export interface Engines {
  quickjs(): Promise<QuickJSWASMModule>;
  sqlite(): Promise<SqlJsStatic>;
}

export function enginesFrom(modules: WasmModules): Engines {
  return {
    quickjs: () =>
      newQuickJSWASMModuleFromVariant(modules.quickjs ? newVariant(variant, { wasmModule: modules.quickjs }) : variant),
    sqlite: () =>
      initSqlJs({
        instantiateWasm(imports, receive) {
          void WebAssembly.instantiate(modules.sqlite, imports).then((instance) => receive(instance));
          return {};
        },
      }),
  };
}
