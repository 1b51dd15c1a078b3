/**
 * One `libsql` connection to an embedded file, run synchronously: the part of `EmbeddedClient`
 * that touches SQLite. It runs on the event loop (the CLI, tests) or alone on a thread of its
 * own (the server, embedded-thread.ts), so it takes and returns only what a thread's messages
 * carry: plain statements with their values already converted, rows as arrays of raw values
 * (integers as BigInt, blobs as bytes) and errors as plain objects.
 *
 * Each prepared statement is kept for the next call with the same SQL: SQLite statements are
 * reusable by design (reset and rebind), and the SQL texts of the app are few (Drizzle's prepared
 * queries and the builder emit the same text for the same query shape).
 */

import { Buffer } from 'node:buffer';
import Database from 'libsql';
import { boundedCache } from './bounded-cache';

/** A statement as it crosses to the connection: values already converted (embedded-client.ts `toSqlArgs`). */
export interface PlainStatement {
  sql: string;
  args: unknown[] | Record<string, unknown>;
}

export type TransactionMode = 'write' | 'read' | 'deferred';

export type EmbeddedRequest =
  | { op: 'execute'; stmt: PlainStatement }
  | { op: 'batch'; stmts: PlainStatement[]; mode: TransactionMode }
  /** As `@libsql/client` does for the migrator: foreign keys off while the schema changes. */
  | { op: 'migrate'; stmts: PlainStatement[] }
  | { op: 'executeMultiple'; sql: string };

/** A statement's result before it becomes a `ResultSet`: values as SQLite gave them. */
export interface RawResult {
  columns: string[];
  columnTypes: string[];
  rows: unknown[][];
  rowsAffected: number;
  lastInsertRowid: bigint | undefined;
}

/** What a failure carries across: enough to rebuild `@libsql/client`'s error (embedded-client.ts). */
export interface PlainError {
  message: string;
  /** Set for SQLite's own errors: `SQLITE_CONSTRAINT` and the like. */
  code?: string;
  extendedCode?: string;
  rawCode?: number;
  /** Which statement of a batch failed. */
  statementIndex?: number;
}

/** Thrown by the connection; plain, so a thread can post it as it is. */
export class ConnectionError extends Error {
  constructor(readonly detail: PlainError) {
    super(detail.message);
  }
}

interface KeptStatement {
  statement: ReturnType<Database.Database['prepare']>;
  reader: boolean;
  /** Column names, for readers only; empty for statements that return no rows. */
  columns: string[];
  columnTypes: string[];
}

/** Distinct SQL texts kept. Multi-row inserts vary with their row count, so the set is not closed. */
const keptStatements = 512;

export class EmbeddedConnection {
  #db: Database.Database;
  #statements = boundedCache<KeptStatement>(keptStatements);

  constructor(path: string) {
    this.#db = new Database(path);
  }

  /** Runs one request: a result per statement (none for `executeMultiple`). Throws `ConnectionError`. */
  handle(request: EmbeddedRequest): RawResult[] {
    switch (request.op) {
      case 'execute':
        return [this.#run(request.stmt)];
      case 'batch':
        return this.#inTransaction(request.mode, request.stmts);
      case 'migrate':
        this.#run({ sql: 'PRAGMA foreign_keys=off', args: [] });
        try {
          return this.#inTransaction('deferred', request.stmts);
        } finally {
          this.#forgetStatements();
          this.#run({ sql: 'PRAGMA foreign_keys=on', args: [] });
        }
      case 'executeMultiple':
        try {
          this.#db.exec(request.sql);
          return [];
        } catch (e) {
          throw asConnectionError(e);
        } finally {
          this.#forgetStatements();
          if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
        }
    }
  }

  close(): void {
    this.#db.close();
  }

  /** After a schema change: a kept `select *` would still describe the old columns. */
  #forgetStatements() {
    this.#statements = boundedCache<KeptStatement>(keptStatements);
  }

  #inTransaction(mode: TransactionMode, stmts: PlainStatement[]): RawResult[] {
    const begin =
      mode === 'write' ? 'BEGIN IMMEDIATE' : mode === 'read' ? 'BEGIN TRANSACTION READONLY' : 'BEGIN DEFERRED';
    this.#run({ sql: begin, args: [] });
    try {
      const results = stmts.map((stmt, statementIndex) => {
        try {
          return this.#run(stmt);
        } catch (e) {
          if (e instanceof ConnectionError) throw new ConnectionError({ ...e.detail, statementIndex });
          throw e;
        }
      });
      this.#run({ sql: 'COMMIT', args: [] });
      return results;
    } finally {
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
    }
  }

  #run(stmt: PlainStatement): RawResult {
    try {
      const kept = this.#kept(stmt.sql);
      const args = withBuffers(stmt.args);
      if (kept.reader) {
        const rows = kept.statement.all(args) as unknown[][];
        return {
          columns: kept.columns,
          columnTypes: kept.columnTypes,
          rows,
          rowsAffected: 0,
          lastInsertRowid: undefined,
        };
      }
      const info = kept.statement.run(args);
      return {
        columns: [],
        columnTypes: [],
        rows: [],
        rowsAffected: info.changes,
        lastInsertRowid: BigInt(info.lastInsertRowid),
      };
    } catch (e) {
      throw asConnectionError(e);
    }
  }

  #kept(sql: string): KeptStatement {
    const hit = this.#statements.get(sql);
    if (hit) return hit;
    const statement = this.#db.prepare(sql);
    let kept: KeptStatement;
    if (statement.reader) {
      statement.raw(true);
      statement.safeIntegers(true);
      const described = statement.columns();
      kept = {
        statement,
        reader: true,
        columns: described.map((c) => c.name),
        columnTypes: described.map((c) => c.type ?? ''),
      };
    } else {
      kept = { statement, reader: false, columns: [], columnTypes: [] };
    }
    this.#statements.set(sql, kept);
    return kept;
  }
}

/** Bytes that crossed a thread arrive as a plain Uint8Array; libsql binds Buffers. */
function withBuffers(args: PlainStatement['args']): PlainStatement['args'] {
  const bytes = (value: unknown) =>
    value instanceof Uint8Array && !Buffer.isBuffer(value)
      ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
      : value;
  if (Array.isArray(args)) return args.some((v) => v instanceof Uint8Array) ? args.map(bytes) : args;
  const named: Record<string, unknown> = {};
  for (const name in args) named[name] = bytes(args[name]);
  return named;
}

function asConnectionError(e: unknown): unknown {
  if (e instanceof ConnectionError) return e;
  if (e instanceof Database.SqliteError) {
    const rawCode = (e as { rawCode?: number }).rawCode;
    return new ConnectionError({ message: e.message, code: baseCode(rawCode), extendedCode: e.code, rawCode });
  }
  return e;
}

const baseCodes: Record<number, string> = {
  1: 'SQLITE_ERROR',
  2: 'SQLITE_INTERNAL',
  3: 'SQLITE_PERM',
  4: 'SQLITE_ABORT',
  5: 'SQLITE_BUSY',
  6: 'SQLITE_LOCKED',
  7: 'SQLITE_NOMEM',
  8: 'SQLITE_READONLY',
  9: 'SQLITE_INTERRUPT',
  10: 'SQLITE_IOERR',
  11: 'SQLITE_CORRUPT',
  13: 'SQLITE_FULL',
  14: 'SQLITE_CANTOPEN',
  19: 'SQLITE_CONSTRAINT',
  20: 'SQLITE_MISMATCH',
  21: 'SQLITE_MISUSE',
  23: 'SQLITE_AUTH',
  25: 'SQLITE_RANGE',
  26: 'SQLITE_NOTADB',
};

function baseCode(rawCode: number | undefined): string {
  if (rawCode === undefined) return 'SQLITE_UNKNOWN';
  return baseCodes[rawCode & 0xff] ?? `SQLITE_UNKNOWN_${rawCode & 0xff}`;
}
