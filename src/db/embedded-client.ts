/**
 * The embedded database's client: the `Client` of `@libsql/client` over one `libsql` connection,
 * keeping each prepared statement for the next call with the same SQL.
 *
 * Why not `createClient` for a file: its executor prepares every statement anew and reads the
 * statement's columns twice per call. On the question page and the save path that was the
 * largest single cost (bench/README.md, "Where the time goes"), larger than running the
 * statement. SQLite statements are reusable by design (reset and rebind), and the SQL texts of
 * the app are few: Drizzle's prepared queries and the builder emit the same text for the same
 * query shape. Values are converted exactly as `@libsql/client` converts them (integers as
 * numbers, refusing unsafe ones; blobs as ArrayBuffer), rows are the same array-and-object rows,
 * and errors are the same `LibsqlError`s, so Drizzle and the app see no difference.
 *
 * One connection, like `libsqlConfig`'s `concurrency: 1`: the embedded engine runs each
 * statement synchronously on the event loop anyway. Interactive transactions are refused: with
 * one shared connection, another request's statements would run inside them between awaits.
 * The app writes atomically with `batch`, which runs start to end without yielding.
 */

import { Buffer } from 'node:buffer';
import {
  type Client,
  type InArgs,
  type InStatement,
  LibsqlBatchError,
  LibsqlError,
  type ResultSet,
  type Row,
  type TransactionMode,
} from '@libsql/client';
import Database from 'libsql';
import { boundedCache } from './bounded-cache';

type Statement = ReturnType<Database.Database['prepare']>;

interface KeptStatement {
  statement: Statement;
  reader: boolean;
  /** Column names, for readers only; empty for statements that return no rows. */
  columns: string[];
  columnTypes: string[];
}

/** Distinct SQL texts kept. Multi-row inserts vary with their row count, so the set is not closed. */
const keptStatements = 512;

const minSafe = BigInt(Number.MIN_SAFE_INTEGER);
const maxSafe = BigInt(Number.MAX_SAFE_INTEGER);

export class EmbeddedClient implements Client {
  readonly protocol = 'file';
  closed = false;
  #db: Database.Database;
  #statements = boundedCache<KeptStatement>(keptStatements);

  constructor(path: string) {
    this.#db = new Database(path);
  }

  async execute(stmtOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> {
    this.#checkOpen();
    return this.#run(typeof stmtOrSql === 'string' ? { sql: stmtOrSql, args: args ?? [] } : stmtOrSql);
  }

  async batch(stmts: Array<InStatement | [string, InArgs?]>, mode: TransactionMode = 'deferred'): Promise<ResultSet[]> {
    this.#checkOpen();
    return this.#inTransaction(mode, stmts.map(normalized));
  }

  /** As `@libsql/client` does for the migrator: foreign keys off while the schema changes. */
  async migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    this.#checkOpen();
    this.#run('PRAGMA foreign_keys=off');
    try {
      return this.#inTransaction('deferred', stmts);
    } finally {
      this.#forgetStatements();
      this.#run('PRAGMA foreign_keys=on');
    }
  }

  async transaction(): Promise<never> {
    throw new LibsqlError(
      'The embedded client does not hold interactive transactions (one shared connection); write atomically with batch()',
      'TRANSACTION_NOT_SUPPORTED',
    );
  }

  async executeMultiple(sql: string): Promise<void> {
    this.#checkOpen();
    try {
      this.#db.exec(sql);
    } catch (e) {
      throw asLibsqlError(e);
    } finally {
      this.#forgetStatements();
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
    }
  }

  async sync(): Promise<never> {
    throw new LibsqlError('An embedded database without a sync URL has nothing to sync', 'SYNC_NOT_SUPPORTED');
  }

  reconnect(): void {
    throw new LibsqlError('The embedded client cannot reconnect; open a new one', 'RECONNECT_NOT_SUPPORTED');
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.#db.close();
  }

  /** After a schema change: a kept `select *` would still describe the old columns. */
  #forgetStatements() {
    this.#statements = boundedCache<KeptStatement>(keptStatements);
  }

  #inTransaction(mode: TransactionMode, stmts: InStatement[]): ResultSet[] {
    this.#run(mode === 'write' ? 'BEGIN IMMEDIATE' : mode === 'read' ? 'BEGIN TRANSACTION READONLY' : 'BEGIN DEFERRED');
    try {
      const results = stmts.map((stmt, i) => {
        try {
          return this.#run(stmt);
        } catch (e) {
          if (e instanceof LibsqlError) throw new LibsqlBatchError(e.message, i, e.code, e.extendedCode, e.rawCode, e);
          throw e;
        }
      });
      this.#run('COMMIT');
      return results;
    } finally {
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
    }
  }

  #run(stmt: InStatement): ResultSet {
    const sql = typeof stmt === 'string' ? stmt : stmt.sql;
    const args = typeof stmt === 'string' ? [] : toSqlArgs(stmt.args);
    try {
      const kept = this.#kept(sql);
      if (kept.reader) {
        const rows = (kept.statement.all(args) as unknown[][]).map((values) => rowOf(values, kept.columns));
        return resultSet(kept.columns, kept.columnTypes, rows, 0, undefined);
      }
      const info = kept.statement.run(args);
      return resultSet([], [], [], info.changes, BigInt(info.lastInsertRowid));
    } catch (e) {
      throw asLibsqlError(e);
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

  #checkOpen() {
    if (this.closed) throw new LibsqlError('The client is closed', 'CLIENT_CLOSED');
  }
}

function normalized(stmt: InStatement | [string, InArgs?]): InStatement {
  return Array.isArray(stmt) ? { sql: stmt[0], args: stmt[1] ?? [] } : stmt;
}

function toSqlArgs(args: InArgs | undefined): unknown[] | Record<string, unknown> {
  if (args === undefined) return [];
  if (Array.isArray(args)) return args.map(toSqlValue);
  const named: Record<string, unknown> = {};
  for (const name in args) {
    const bare = name[0] === '@' || name[0] === '$' || name[0] === ':' ? name.slice(1) : name;
    named[bare] = toSqlValue(args[name]);
  }
  return named;
}

function toSqlValue(value: unknown): unknown {
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments');
    return value;
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined) throw new TypeError('undefined cannot be passed as argument to the database');
  return value;
}

function fromSql(value: unknown): unknown {
  if (typeof value === 'bigint') {
    if (value < minSafe || value > maxSafe)
      throw new RangeError('Received integer which cannot be safely represented as a JavaScript number');
    return Number(value);
  }
  if (value instanceof Uint8Array) return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength);
  return value;
}

/** A row as `@libsql/client` makes it: values by index (not enumerable) and by column name (the first of equal names). */
function rowOf(values: unknown[], columns: string[]): Row {
  const row: Record<string | number, unknown> = {};
  Object.defineProperty(row, 'length', { value: values.length });
  for (let i = 0; i < values.length; i++) {
    const value = fromSql(values[i]);
    Object.defineProperty(row, i, { value });
    const column = columns[i] as string;
    if (!Object.hasOwn(row, column)) row[column] = value;
  }
  return row as unknown as Row;
}

function resultSet(
  columns: string[],
  columnTypes: string[],
  rows: Row[],
  rowsAffected: number,
  lastInsertRowid: bigint | undefined,
): ResultSet {
  return {
    columns,
    columnTypes,
    rows,
    rowsAffected,
    lastInsertRowid,
    toJSON() {
      return {
        columns,
        columnTypes,
        rows: rows.map((row) => Array.from(row)),
        rowsAffected,
        lastInsertRowid: lastInsertRowid?.toString() ?? null,
      };
    },
  };
}

function asLibsqlError(e: unknown): unknown {
  if (e instanceof Database.SqliteError) {
    const rawCode = (e as { rawCode?: number }).rawCode;
    return new LibsqlError(e.message, baseCode(rawCode), e.code, rawCode, e);
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
