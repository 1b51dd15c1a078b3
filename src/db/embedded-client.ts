/**
 * The embedded database's client: the `Client` of `@libsql/client` over one `libsql` connection
 * (embedded-connection.ts), keeping each prepared statement for the next call with the same SQL.
 *
 * Why not `createClient` for a file: its executor prepares every statement anew and reads the
 * statement's columns twice per call. On the question page and the save path that was the
 * largest single cost (bench/README.md, "Where the time goes"), larger than running the
 * statement. Values are converted exactly as `@libsql/client` converts them (integers as
 * numbers, refusing unsafe ones; blobs as ArrayBuffer), rows are the same array-and-object rows,
 * and errors are the same `LibsqlError`s, so Drizzle and the app see no difference.
 *
 * The connection runs on the event loop, or with `thread: true` on a thread of its own
 * (embedded-thread.ts): what the server uses, so SQLite's share of a request (a third of a save,
 * more of a start) runs on the second core. Either way there is one connection, like
 * `libsqlConfig`'s `concurrency: 1`, and requests reach it in the order they are made.
 * Interactive transactions are refused: with one shared connection, another request's statements
 * would run inside them between awaits. The app writes atomically with `batch`, which the
 * connection runs start to end.
 */

import { Worker } from 'node:worker_threads';
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
import {
  ConnectionError,
  EmbeddedConnection,
  type EmbeddedRequest,
  type PlainError,
  type PlainStatement,
  type RawResult,
} from './embedded-connection';
import type { ThreadMessage, ThreadReply } from './embedded-thread';

const minSafe = BigInt(Number.MIN_SAFE_INTEGER);
const maxSafe = BigInt(Number.MAX_SAFE_INTEGER);

export interface EmbeddedClientOptions {
  /** Run the connection on a worker thread of its own (the server); default: on the event loop. */
  thread?: boolean;
  /** Called once if the thread stops on its own (it should not): the server cannot go on without it. */
  onThreadExit?: (error: Error) => void;
  /** The thread's script; tests give one that fails. */
  threadScript?: URL;
}

type Run = (request: EmbeddedRequest) => Promise<RawResult[]>;

export class EmbeddedClient implements Client {
  readonly protocol = 'file';
  closed = false;
  #run: Run;
  #close: () => void;

  constructor(path: string, options: EmbeddedClientOptions = {}) {
    const connection = options.thread ? onThread(path, options) : onEventLoop(path);
    this.#run = connection.run;
    this.#close = connection.close;
  }

  async execute(stmtOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> {
    this.#checkOpen();
    const stmt = typeof stmtOrSql === 'string' ? { sql: stmtOrSql, args } : stmtOrSql;
    const [result] = await this.#request({ op: 'execute', stmt: plain(stmt) });
    return resultSet(result as RawResult);
  }

  async batch(stmts: Array<InStatement | [string, InArgs?]>, mode: TransactionMode = 'deferred'): Promise<ResultSet[]> {
    this.#checkOpen();
    const results = await this.#request({ op: 'batch', stmts: stmts.map(plain), mode });
    return results.map(resultSet);
  }

  async migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    this.#checkOpen();
    return (await this.#request({ op: 'migrate', stmts: stmts.map(plain) })).map(resultSet);
  }

  async transaction(): Promise<never> {
    throw new LibsqlError(
      'The embedded client does not hold interactive transactions (one shared connection); write atomically with batch()',
      'TRANSACTION_NOT_SUPPORTED',
    );
  }

  async executeMultiple(sql: string): Promise<void> {
    this.#checkOpen();
    await this.#request({ op: 'executeMultiple', sql });
  }

  async sync(): Promise<never> {
    throw new LibsqlError('An embedded database without a sync URL has nothing to sync', 'SYNC_NOT_SUPPORTED');
  }

  reconnect(): void {
    throw new LibsqlError('The embedded client cannot reconnect; open a new one', 'RECONNECT_NOT_SUPPORTED');
  }

  /** Closes the connection after every request already made (on a thread, asynchronously). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.#close();
  }

  async #request(request: EmbeddedRequest): Promise<RawResult[]> {
    try {
      return await this.#run(request);
    } catch (e) {
      throw e instanceof ConnectionError ? asLibsqlError(e.detail) : e;
    }
  }

  #checkOpen() {
    if (this.closed) throw new LibsqlError('The client is closed', 'CLIENT_CLOSED');
  }
}

function onEventLoop(path: string): { run: Run; close: () => void } {
  const connection = new EmbeddedConnection(path);
  return { run: async (request) => connection.handle(request), close: () => connection.close() };
}

// Under tsx and vitest this file is TypeScript; bundled (scripts/build-node.mjs) it sits in dist/ beside db-thread.js.
const threadUrl = import.meta.url.endsWith('.ts')
  ? new URL('./embedded-thread.ts', import.meta.url)
  : new URL('./db-thread.js', import.meta.url);
const threadArgv = import.meta.url.endsWith('.ts') ? ['--import', 'tsx'] : [];

/**
 * The connection on a worker thread. Requests are numbered and answered in order. The thread's
 * heap is not capped: a large read (an export) must not take the server down with it.
 */
function onThread(
  path: string,
  { onThreadExit: onExit, threadScript = threadUrl }: EmbeddedClientOptions,
): { run: Run; close: () => void } {
  const worker = new Worker(threadScript, {
    execArgv: threadArgv,
    workerData: { path },
  });
  const pending = new Map<number, { resolve: (r: RawResult[]) => void; reject: (e: unknown) => void }>();
  let next = 0;
  let closing = false;
  worker.on('message', (replies: ThreadReply[]) => {
    for (const reply of replies) {
      const waiting = pending.get(reply.id);
      if (!waiting) continue;
      pending.delete(reply.id);
      if ('error' in reply) waiting.reject(new ConnectionError(reply.error));
      else waiting.resolve(reply.results);
    }
  });
  // Why the thread is gone, once it is: later requests fail at once instead of waiting forever.
  let gone: Error | null = null;
  // An error is followed by the exit: the caller hears of the first.
  const stopped = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
    if (!gone && !closing) onExit?.(error);
    gone ??= error;
  };
  worker.on('error', (error) => stopped(error));
  worker.on('exit', (code) =>
    stopped(new LibsqlError(`The database thread stopped (exit code ${code})`, 'CLIENT_CLOSED')),
  );
  // Requests made in one turn of the event loop cross in one message, and their replies come back
  // in one: a message costs about as much as the statement it carries (profile.ts save).
  let queued: ThreadMessage[] = [];
  const send = () => {
    const messages = queued;
    queued = [];
    try {
      worker.postMessage(messages);
    } catch {
      // A value that cannot cross (a function) fails its own request only.
      for (const message of messages)
        try {
          worker.postMessage([message]);
        } catch (e) {
          pending.get(message.id)?.reject(e);
          pending.delete(message.id);
        }
    }
  };
  const post = (message: ThreadMessage) =>
    new Promise<RawResult[]>((resolve, reject) => {
      if (gone) return reject(gone);
      if (queued.length === 0) setImmediate(send);
      queued.push(message);
      pending.set(message.id, { resolve, reject });
    });
  return {
    run: (request) => post({ id: next++, request }),
    close: () => {
      closing = true;
      // A thread already gone has nothing left to close.
      post({ id: next++, close: true }).catch(() => {});
    },
  };
}

/** A statement with its values converted as `@libsql/client` converts them, fit to cross to a thread. */
function plain(stmt: InStatement | [string, InArgs?]): PlainStatement {
  if (Array.isArray(stmt)) return { sql: stmt[0], args: toSqlArgs(stmt[1]) };
  if (typeof stmt === 'string') return { sql: stmt, args: [] };
  return { sql: stmt.sql, args: toSqlArgs(stmt.args) };
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
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
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

function resultSet({ columns, columnTypes, rows: raw, rowsAffected, lastInsertRowid }: RawResult): ResultSet {
  const rows = raw.map((values) => rowOf(values, columns));
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

/** `@libsql/client`'s error for what the connection threw. */
function asLibsqlError(detail: PlainError): Error {
  if (detail.code === undefined) return new Error(detail.message);
  if (detail.statementIndex !== undefined)
    return new LibsqlBatchError(
      detail.message,
      detail.statementIndex,
      detail.code,
      detail.extendedCode,
      detail.rawCode,
    );
  return new LibsqlError(detail.message, detail.code, detail.extendedCode, detail.rawCode);
}
