// The part of sql.js (1.16) the grader uses; the package ships no types.
declare module 'sql.js' {
  export type SqlValue = number | string | Uint8Array | null;

  export interface Statement {
    step(): boolean;
    get(): SqlValue[];
    getColumnNames(): string[];
    free(): boolean;
  }

  export interface Database {
    exec(sql: string): { columns: string[]; values: SqlValue[][] }[];
    run(sql: string): Database;
    prepare(sql: string): Statement;
    create_function(name: string, fn: (...args: SqlValue[]) => SqlValue): Database;
    close(): void;
  }

  export interface SqlJsStatic {
    Database: new () => Database;
  }

  export interface SqlJsConfig {
    instantiateWasm?(
      imports: WebAssembly.Imports,
      receive: (instance: WebAssembly.Instance) => void,
    ): WebAssembly.Exports | Record<string, never>;
    locateFile?(file: string): string;
  }

  export default function initSqlJs(config?: SqlJsConfig): Promise<SqlJsStatic>;
}
