import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/app';
import { createOrgWithOwner } from '../db/accounts';
import { createCollection } from '../db/collections';
import { questionEvents, questions } from '../db/schema';
import { exportOrgBank } from './org-bank-export';
import { importOrgBank } from './org-bank-import';

let t: Awaited<ReturnType<typeof openTestDb>>;
let orgId: string;
let collectionId: string;
const now = Date.UTC(2026, 11, 2, 9, 0, 0);

beforeEach(async () => {
  t = await openTestDb();
  ({ orgId } = await createOrgWithOwner(t.db, {
    email: 'o@example.com',
    name: 'O',
    passwordHash: 'x',
    orgName: 'Acme',
  }));
  const made = await createCollection(
    t.db,
    orgId,
    { title: 'Ours', summary: '', topics: [{ id: 'sql', title: 'SQL', docsUrl: '' }] },
    now,
  );
  if (!made.ok) throw new Error(made.errors.join());
  collectionId = made.id;
});
afterEach(() => t.close());

const csv = [
  'type,difficulty,prompt,options,correct,explanation',
  'single,2,"Which clause filters groups?","WHERE|HAVING|ORDER BY",2,"HAVING filters after GROUP BY."',
  'single,2,"A row without options",,1,"None."',
  '',
].join('\r\n');
const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

describe('org-bank:import and org-bank:export', () => {
  it('imports the sound rows as drafts with no actor, names the bad row, and round trips through an export', async () => {
    const first = await importOrgBank(t.db, {
      org: orgId,
      collection: collectionId,
      topic: 'sql',
      files: [file('q.csv', csv)],
      now,
    });
    expect(first.ok).toBe(true);
    expect(first.lines).toContain(
      'error q.csv:3: the options column is empty: list the options, one per line or separated by |',
    );
    expect(first.lines.at(-1)).toBe('1 imported into Ours as drafts, 1 problems, 0 already there.');
    const [event] = await t.db.select().from(questionEvents);
    expect(event).toMatchObject({ action: 'imported', actorId: null });

    const exported = await exportOrgBank(t.db, { org: orgId, format: 'gift', now });
    if (!exported.ok) throw new Error(exported.message);
    expect(new TextDecoder().decode(exported.file.body)).toContain('$CATEGORY: skillcheck/ours/sql');
    const again = await importOrgBank(t.db, {
      org: orgId,
      collection: collectionId,
      files: [{ name: 'x.gift', bytes: exported.file.body }],
      now,
    });
    expect(again.lines.at(-1)).toBe('0 imported into Ours as drafts, 0 problems, 1 already there.');
  });

  it('refuses another organization’s collection, an unknown format and an unreadable file, writing nothing', async () => {
    const other = await createOrgWithOwner(t.db, {
      email: 'b@example.com',
      name: 'B',
      passwordHash: 'x',
      orgName: 'B',
    });
    expect(
      await importOrgBank(t.db, { org: other.orgId, collection: collectionId, files: [file('q.csv', csv)], now }),
    ).toEqual({
      ok: false,
      lines: [`Organization ${other.orgId} has no collection ${collectionId}.`],
    });
    expect(await exportOrgBank(t.db, { org: other.orgId, collection: collectionId, format: 'zip', now })).toMatchObject(
      { ok: false },
    );
    expect(await exportOrgBank(t.db, { org: orgId, format: 'xlsx', now })).toMatchObject({ ok: false });
    const broken = await importOrgBank(t.db, {
      org: orgId,
      collection: collectionId,
      files: [file('bank.zip', 'PK not a zip')],
      now,
    });
    expect(broken.ok).toBe(false);
    expect(broken.lines[0]).toMatch(/bank\.zip is not a zip file/);
    expect(await t.db.select().from(questions).where(eq(questions.orgId, orgId))).toEqual([]);
  });

  it('runs as npm scripts against DATABASE_URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'org-bank-cli-'));
    try {
      const env = { ...process.env, DATABASE_URL: t.url };
      const run = promisify(execFile);
      writeFileSync(join(dir, 'q.csv'), csv);
      const imported = await run(
        'npx',
        [
          'tsx',
          'src/cli/org-bank-import.ts',
          '--org',
          orgId,
          '--collection',
          collectionId,
          '--topic',
          'sql',
          join(dir, 'q.csv'),
        ],
        { env },
      );
      expect(imported.stdout).toContain('1 imported into Ours as drafts');
      const out = join(dir, 'bank.csv');
      const exported = await run(
        'npx',
        ['tsx', 'src/cli/org-bank-export.ts', '--org', orgId, '--format', 'csv', '--out', out],
        { env },
      );
      expect(exported.stdout).toContain(`1 questions written to ${out}`);
      expect(readFileSync(out, 'utf8')).toContain('Which clause filters groups?');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
