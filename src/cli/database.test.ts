import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { embeddedFile, migrateDatabase, openDatabase, shownUrl } from './database';

const dirs: string[] = [];
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'skillcheck-open-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('opening the database as every Node command does', () => {
  it('creates data/ under the project for the default embedded file, as on a fresh clone', async () => {
    const root = tempDir();
    expect(existsSync(join(root, 'data'))).toBe(false);
    const { url, db, client, dir } = await openDatabase(root, {});
    await migrateDatabase(db, process.cwd());
    expect(url).toBe(`file:${join(root, 'data', 'skillcheck.db')}`);
    expect(dir).toBe(join(root, 'data'));
    expect(await db.get(sql`select count(*) as n from skill_areas`)).toEqual({ n: 0 });
    client.close();
    expect(existsSync(join(root, 'data', 'skillcheck.db'))).toBe(true);
  });

  it('creates the folders of a DATABASE_URL file that do not exist yet', async () => {
    const file = join(tempDir(), 'not', 'yet', 'here.db');
    const { db, client, dir } = await openDatabase('/nowhere', { DATABASE_URL: `file:${file}` });
    await db.run(sql`create table t (x integer)`);
    client.close();
    expect(dir).toBe(join(file, '..'));
    expect(existsSync(file)).toBe(true);
  });

  it('lets `npm run db:migrate` start from a folder that does not exist', { timeout: 60_000 }, () => {
    const file = join(tempDir(), 'fresh', 'clone', 'skillcheck.db');
    const out = execFileSync('npx', ['tsx', 'src/cli/migrate.ts'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: `file:${file}` },
    });
    expect(out).toContain('Migrations applied');
    expect(existsSync(file)).toBe(true);
  });

  it('reads the file behind each form of file: URL, and nothing for remote ones', () => {
    expect(embeddedFile('file:data/x.db')).toBe('data/x.db');
    expect(embeddedFile('file:/srv/x.db?mode=rwc')).toBe('/srv/x.db');
    expect(embeddedFile('file:///srv/x.db')).toBe('/srv/x.db');
    expect(embeddedFile('libsql://db.example.turso.io')).toBeNull();
    expect(embeddedFile(':memory:')).toBeNull();
    expect(shownUrl('libsql://user:secret@db.example.com')).toBe('libsql://***@db.example.com');
  });
});
