import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, LibsqlBatchError, LibsqlError } from '@libsql/client';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedClient as Embedded } from './embedded-client';

const dirs: string[] = [];
function tempFile() {
  const dir = mkdtempSync(join(tmpdir(), 'embedded-client-'));
  dirs.push(dir);
  return join(dir, 'db.sqlite');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const schema = 'create table t (id integer primary key, name text not null unique, n integer, data blob)';

// The server runs the connection on a thread of its own, the CLI and tests on the event loop: both behave alike.
describe.each([
  ['on the event loop', false],
  ['on a thread', true],
])('EmbeddedClient %s', (_, thread) => {
  const EmbeddedClient = class extends Embedded {
    constructor(path: string) {
      super(path, { thread });
    }
  };

  it('gives the same results as @libsql/client for the same statements', async () => {
    const file = tempFile();
    const ours = new EmbeddedClient(file);
    await ours.execute(schema);
    const statements = [
      {
        sql: 'insert into t (name, n, data) values (?, ?, ?)',
        args: ['a', 9007199254740991, new Uint8Array([1, 2, 3]).buffer],
      },
      { sql: 'insert into t (name, n) values (:name, :n)', args: { name: 'b', n: 2 } },
      { sql: 'insert into t (name, n) values (?, ?) returning id, name', args: ['c', true] },
      { sql: 'select id, name, n, name as n2, id from t order by id', args: [] },
      { sql: 'update t set n = n + 1 where n < ?', args: [100] },
      { sql: 'select count(*) as c from t where name = ?', args: ['zz'] },
    ];
    const mine = [];
    for (const stmt of statements) mine.push(await ours.execute(stmt));
    ours.close();

    const other = createClient({ url: `file:${tempFile()}` });
    await other.execute(schema);
    const theirs = [];
    for (const stmt of statements) theirs.push(await other.execute(stmt));
    other.close();

    expect(mine.map((r) => r.toJSON())).toEqual(theirs.map((r) => r.toJSON()));
    // Rows are arrays by index and objects by name, the first of equal names winning.
    const row = mine[3]?.rows[0];
    expect(row?.length).toBe(5);
    expect(Array.from(row ?? [])).toEqual([1, 'a', 9007199254740991, 'a', 1]);
    expect(Object.keys(row ?? {})).toEqual(['id', 'name', 'n', 'n2']);
    const reader = new EmbeddedClient(file);
    const blob = (await reader.execute('select data from t where id = 1')).rows[0]?.data as ArrayBuffer;
    expect(new Uint8Array(blob)).toEqual(new Uint8Array([1, 2, 3]));
    reader.close();
  });

  it('keeps a statement across calls and rebinds it', async () => {
    const client = new EmbeddedClient(tempFile());
    await client.execute(schema);
    for (let i = 0; i < 50; i++)
      await client.execute({ sql: 'insert into t (name, n) values (?, ?)', args: [`n${i}`, i] });
    const names = [];
    for (const n of [3, 17, 42])
      names.push((await client.execute({ sql: 'select name from t where n = ?', args: [n] })).rows[0]?.name);
    expect(names).toEqual(['n3', 'n17', 'n42']);
    client.close();
  });

  it('writes a batch atomically: a failing statement leaves nothing of the batch', async () => {
    const client = new EmbeddedClient(tempFile());
    await client.execute(schema);
    await client.execute({ sql: 'insert into t (name) values (?)', args: ['taken'] });
    const failing = client.batch(
      [
        { sql: 'insert into t (name) values (?)', args: ['first'] },
        { sql: 'insert into t (name) values (?)', args: ['taken'] },
      ],
      'write',
    );
    await expect(failing).rejects.toBeInstanceOf(LibsqlBatchError);
    await expect(failing).rejects.toMatchObject({
      statementIndex: 1,
      code: 'SQLITE_CONSTRAINT',
      extendedCode: 'SQLITE_CONSTRAINT_UNIQUE',
    });
    expect((await client.execute('select name from t')).rows.map((r) => r.name)).toEqual(['taken']);
    // The connection is usable after the rollback, and a batch that succeeds commits.
    const results = await client.batch([
      { sql: 'insert into t (name) values (?) returning id', args: ['second'] },
      'select count(*) as c from t',
    ]);
    expect(results[1]?.rows[0]?.c).toBe(2);
    client.close();
  });

  it('refuses what @libsql/client refuses, with its errors', async () => {
    const client = new EmbeddedClient(tempFile());
    await client.execute(schema);
    await expect(client.execute({ sql: 'select ?', args: [Number.NaN] })).rejects.toThrow(RangeError);
    await client.execute({ sql: 'insert into t (name, n) values (?, ?)', args: ['big', 2n ** 60n] });
    await expect(client.execute('select n from t')).rejects.toThrow(/cannot be safely represented/);
    await expect(client.execute('select nope from t')).rejects.toBeInstanceOf(LibsqlError);
    await expect(client.transaction()).rejects.toThrow(/batch/);
    client.close();
    await expect(client.execute('select 1')).rejects.toMatchObject({ code: 'CLIENT_CLOSED' });
  });

  it('refuses a value the database cannot take and goes on', async () => {
    const client = new EmbeddedClient(tempFile());
    await client.execute(schema);
    const notAValue = (() => 1) as unknown as string;
    const insert = (name: string) => client.execute({ sql: 'insert into t (name) values (?)', args: [name] });
    // Made in one turn, so on a thread they cross together: only the request that cannot cross fails.
    const made = [insert('before'), insert(notAValue), insert('after')];
    await expect(made[1]).rejects.toThrow();
    await Promise.all([made[0], made[2]]);
    await insert('later');
    expect((await client.execute('select name from t order by id')).rows.map((r) => r.name)).toEqual([
      'before',
      'after',
      'later',
    ]);
    client.close();
  });

  it('forgets kept statements after a schema change', async () => {
    const client = new EmbeddedClient(':memory:');
    await client.execute(schema);
    await client.execute({ sql: 'insert into t (name) values (?)', args: ['x'] });
    expect((await client.execute('select * from t')).columns).toEqual(['id', 'name', 'n', 'data']);
    await client.migrate([{ sql: 'alter table t add column extra text', args: [] }]);
    expect((await client.execute('select * from t')).columns).toEqual(['id', 'name', 'n', 'data', 'extra']);
    client.close();
  });
});

describe('EmbeddedClient on a thread', () => {
  it('answers every request made before close, in order, then closes the file cleanly', async () => {
    const file = tempFile();
    const client = new Embedded(file, { thread: true });
    await client.execute(schema);
    const inserts = Array.from({ length: 200 }, (_, i) =>
      client.execute({ sql: 'insert into t (name, n) values (?, ?) returning id', args: [`n${i}`, i] }),
    );
    const count = client.execute('select count(*) as c from t');
    client.close();
    // Made before close, so all answered; in the order they were made, so the count sees all 200.
    expect((await Promise.all(inserts)).map((r) => r.rows[0]?.id)).toEqual(
      Array.from({ length: 200 }, (_, i) => i + 1),
    );
    expect((await count).rows[0]?.c).toBe(200);
    await expect(client.execute('select 1')).rejects.toMatchObject({ code: 'CLIENT_CLOSED' });
    // The thread closed the connection: SQLite removes the WAL of the last connection it closes.
    await expect.poll(() => existsSync(`${file}-wal`), { timeout: 5000 }).toBe(false);
    const reopened = new Embedded(file);
    expect((await reopened.execute('select count(*) as c from t')).rows[0]?.c).toBe(200);
    reopened.close();
  });
});

describe('EmbeddedClient on a thread that stops', () => {
  it('fails the requests waiting and those after, and tells the owner once', async () => {
    const exits: Error[] = [];
    // A thread that takes the first request and dies before answering it.
    const dying = new URL(
      `data:text/javascript,${encodeURIComponent("import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => process.exit(7));")}`,
    );
    const client = new Embedded(tempFile(), { thread: true, threadScript: dying, onThreadExit: (e) => exits.push(e) });
    await expect(client.execute('select 1')).rejects.toThrow(/database thread stopped \(exit code 7\)/);
    await expect(client.execute('select 1')).rejects.toThrow(/database thread stopped/);
    expect(exits).toHaveLength(1);
    client.close();
  });
});
