/**
 * Import into and export from an organization's bank through the page's form, with files shaped
 * like the real ones: a Moodle course export (GIFT with categories, HTML, CRLF, a byte order
 * mark), a CSV saved by a spreadsheet (BOM, CRLF, quoted fields holding commas, quotes and line
 * breaks), a zip made by the `zip` command; every bad question named by file and line with nothing
 * written for it; a file that cannot be read refused whole (400); and export -> import round trips.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCollection } from '../../src/db/collections';
import { memberships, organizations, questionEvents, questions, questionVersions } from '../../src/db/schema';
import { makeTestApp, type TestApp } from '../support/app';
import type { TestBrowser } from '../support/client';
import { parseCsv } from '../support/csv';
import { signUpOwner } from '../support/people';

let t: TestApp;
let owner: TestBrowser;
let orgId: string;

const topics = ['databases', 'security', 'version-control'].map((id) => ({ id, title: id, docsUrl: '' }));

async function collection(title: string, forOrg = orgId) {
  const made = await createCollection(t.db, forOrg, { title, summary: '', topics }, t.clock.now);
  if (!made.ok) throw new Error(made.errors.join());
  return made.id;
}

beforeEach(async () => {
  t = await makeTestApp();
  owner = await signUpOwner(t, 'olivia@example.com', 'Acme Hiring');
  const [row] = await t.db
    .select({ orgId: memberships.orgId })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(organizations.name, 'Acme Hiring'));
  orgId = row?.orgId ?? '';
});
afterEach(() => t.close());

/** What a browser sends for the import form with these files. */
function upload(browser: TestBrowser, fields: Record<string, string>, files: { name: string; bytes: Uint8Array }[]) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  for (const f of files) body.append('files', new Blob([new Uint8Array(f.bytes)]), f.name);
  return browser.request('/app/bank/import', {
    method: 'POST',
    body,
    headers: { Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' },
  });
}

const text = (s: string) => new TextEncoder().encode(s);

/** Each question of a collection as a candidate sees and is scored on it, in a stable order. */
async function contentOf(collectionId: string) {
  const rows = await t.db
    .select({
      status: questions.status,
      topic: questions.topic,
      type: questionVersions.type,
      difficulty: questionVersions.difficulty,
      tags: questionVersions.tags,
      promptHtml: questionVersions.promptHtml,
      options: questionVersions.options,
      answerKey: questionVersions.answerKey,
      explanationHtml: questionVersions.explanationHtml,
    })
    .from(questions)
    .innerJoin(
      questionVersions,
      and(eq(questionVersions.questionId, questions.id), eq(questionVersions.version, questions.currentVersion)),
    )
    .where(eq(questions.areaId, collectionId))
    .orderBy(asc(questions.topic));
  return rows.sort((a, b) => a.promptHtml.localeCompare(b.promptHtml));
}

const countAll = async () => (await t.db.select().from(questions)).length;

// A spreadsheet's "CSV UTF-8": byte order mark, CRLF, quotes only where needed.
const spreadsheetCsv = `\uFEFF${[
  'Type,Topic,Difficulty,Tags,Prompt,Options,Correct,Explanation',
  'single,databases,2,"sql, joins","Which join keeps every row of the left table, matched or not?","INNER JOIN\r\nLEFT JOIN\r\nCROSS JOIN",2,"A LEFT JOIN keeps unmatched left rows, with NULLs on the right."',
  'multiple,security,3,,"Which of these are hashing algorithms meant for passwords? Pick all that apply.","bcrypt|Argon2id|SHA-1|MD5","1,2","bcrypt and Argon2id are slow by design; SHA-1 and MD5 are fast, which helps an attacker."',
  'numeric,databases,3,,"A table has 1,000 rows and an index on ""id"". How many rows does `WHERE id = 7` return at most when id is unique?",,1,Unique means at most one row.',
  'single,databases,9,,"This row has a difficulty no question can have.","a|b",1,"Nine is out of range."',
  'truefalse,version-control,1,git,"`git fetch` changes your working tree.",,FALSE,"Fetch only updates remote-tracking branches; merge or rebase changes the working tree."',
  'text,security,2,,"Name the HTTP header that tells browsers to use only HTTPS for a site (its common abbreviation is HSTS).",,"Strict-Transport-Security|strict-transport-security","It is the Strict-Transport-Security header."',
].join('\r\n')}\r\n`;

describe('importing', () => {
  it('a Moodle course export: every sound question a draft, the others named by line, nothing written for them', async () => {
    const target = await collection('Imported from Moodle');
    const gift = readFileSync('src/bank/fixtures/realworld/moodle-export.gift');
    expect([...gift.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const res = await upload(owner, { collection: target, topic: '' }, [{ name: 'moodle-export.gift', bytes: gift }]);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('20 questions imported into Imported from Moodle as drafts');
    expect(html).toContain('moodle-export.gift, line 117');
    expect(html).toContain('moodle-export.gift, line 124');
    const imported = await contentOf(target);
    expect(imported).toHaveLength(20);
    expect(new Set(imported.map((q) => q.status))).toEqual(new Set(['draft']));
    expect(new Set(imported.map((q) => q.topic))).toEqual(new Set(['databases', 'security', 'version-control']));
    const events = await t.db.select().from(questionEvents).where(eq(questionEvents.orgId, orgId));
    expect(events).toHaveLength(20);
    expect(new Set(events.map((e) => e.action))).toEqual(new Set(['imported']));
  });

  it('a spreadsheet CSV: quoted commas, quotes and line breaks read, the bad row named by its line', async () => {
    const target = await collection('From the spreadsheet');
    const res = await upload(owner, { collection: target }, [{ name: 'questions.csv', bytes: text(spreadsheetCsv) }]);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('5 questions imported');
    // The bad row is record 5 but line 7: the first row's options cell spans three lines.
    expect(html).toContain('questions.csv, line 7');
    expect(html).toMatch(/difficulty/);
    const imported = await contentOf(target);
    expect(imported.map((q) => q.type).sort()).toEqual(['multiple', 'numeric', 'single', 'text', 'truefalse']);
    const join = imported.find((q) => q.type === 'single');
    expect(join?.promptHtml).toContain('matched or not?');
    expect(join?.options.map((o) => o.html)).toEqual(['INNER JOIN', 'LEFT JOIN', 'CROSS JOIN']);
    expect(join?.answerKey).toEqual({ type: 'single', correct: 'b' });
    expect(join?.tags).toEqual(['sql', 'joins']);
    expect(imported.find((q) => q.type === 'numeric')?.promptHtml).toContain('an index on "id"');
    expect(imported.find((q) => q.type === 'truefalse')?.answerKey).toEqual({ type: 'truefalse', correct: false });
    expect(imported.find((q) => q.type === 'multiple')?.answerKey).toEqual({ type: 'multiple', correct: ['a', 'b'] });
  });

  it('a zip made by the zip command: topics from file names, errors with the line in the file', async () => {
    const target = await collection('Zipped');
    const dir = mkdtempSync(join(tmpdir(), 'skillcheck-zip-'));
    try {
      mkdirSync(join(dir, 'our-bank'));
      writeFileSync(join(dir, 'our-bank', 'area.md'), '---\ntitle: Our bank\nsummary: x\n---\n');
      writeFileSync(
        join(dir, 'our-bank', 'databases.md'),
        [
          '# Databases',
          '',
          '## db-vacuum',
          'type: single',
          'difficulty: 3',
          '',
          'What does `VACUUM` reclaim in PostgreSQL?',
          '',
          '### Options',
          '- [x] Space held by dead row versions',
          '- [ ] Memory of idle connections',
          '',
          '### Explanation',
          'Dead tuples left by updates and deletes.',
          '',
          '## db-broken',
          'type: single',
          'difficulty: 3',
          '',
          'Which answer is right?',
          '',
          '### Options',
          '- [ ] none of them',
          '- [ ] not this one either',
          '',
          '### Explanation',
          'No option is marked correct.',
          '',
        ].join('\n'),
      );
      writeFileSync(
        join(dir, 'our-bank', 'security.md'),
        '# Security\n\n## sec-csrf\ntype: truefalse\ndifficulty: 2\n\nA SameSite=Lax cookie is sent on a cross-site form POST.\n\n### Answer\nfalse\n\n### Explanation\nLax cookies go only with top-level GET navigations across sites.\n',
      );
      execFileSync('zip', ['-r', '-q', join(dir, 'bank.zip'), 'our-bank'], { cwd: dir });
      const res = await upload(owner, { collection: target }, [
        { name: 'bank.zip', bytes: readFileSync(join(dir, 'bank.zip')) },
      ]);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('2 questions imported');
      expect(html).toMatch(/bank\.zip:our-bank\/databases\.md, line (1[6-9]|2[0-4])<\/strong>/);
      const imported = await contentOf(target);
      expect(imported.map((q) => `${q.topic} ${q.type}`).sort()).toEqual(['databases single', 'security truefalse']);

      // The same zip again: both questions are recognised, nothing new.
      const again = await upload(owner, { collection: target }, [
        { name: 'bank.zip', bytes: readFileSync(join(dir, 'bank.zip')) },
      ]);
      expect(await again.text()).toContain('2 questions were already in the collection');
      expect(await contentOf(target)).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file it cannot read with 400 and a message, writing nothing', async () => {
    const target = await collection('Refusals');
    const before = await countAll();
    const cases: [string, Uint8Array, RegExp][] = [
      ['notes.pdf', text('%PDF-1.7'), /notes\.pdf is not a file this import reads/],
      ['broken.zip', text('PK\u0003\u0004 not really a zip'), /broken\.zip is not a zip file this import can read/],
      [
        'people.csv',
        text('name,email\r\nAda,ada@example.com\r\n'),
        /people\.csv: the header row \(line 1\) has no type/,
      ],
      ['latin1.csv', new Uint8Array([0x74, 0x79, 0x70, 0x65, 0x0a, 0xe9, 0x0a]), /latin1\.csv is not UTF-8 text/],
    ];
    for (const [name, bytes, message] of cases) {
      const res = await upload(owner, { collection: target }, [{ name, bytes }]);
      expect(res.status, name).toBe(400);
      expect(await res.text()).toMatch(message);
    }
    const none = await upload(owner, { collection: target }, []);
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Choose a file to import');
    expect(await countAll()).toBe(before);
  });

  it('another organization cannot import into the collection nor export it', async () => {
    const target = await collection('Ours');
    const other = await signUpOwner(t, 'oscar@example.com', 'Globex');
    const res = await upload(other, { collection: target }, [{ name: 'q.csv', bytes: text(spreadsheetCsv) }]);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('Ours');
    expect(await countAll()).toBe(0);
    expect((await other.get(`/app/bank/export?format=csv&collection=${target}`)).status).toBe(404);
  });
});

describe('exporting', () => {
  async function seeded() {
    const source = await collection('Source');
    await upload(owner, { collection: source }, [
      { name: 'moodle-export.gift', bytes: readFileSync('src/bank/fixtures/realworld/moodle-export.gift') },
    ]);
    await upload(owner, { collection: source }, [{ name: 'questions.csv', bytes: text(spreadsheetCsv) }]);
    const original = await contentOf(source);
    expect(original).toHaveLength(25);
    return { source, original };
  }

  const download = async (query: string) => {
    const res = await owner.get(`/app/bank/export?${query}`);
    expect(res.status).toBe(200);
    const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? '';
    return { res, name, bytes: new Uint8Array(await res.arrayBuffer()) };
  };

  it('round trips through a zip of Markdown: the same questions', async () => {
    const { source, original } = await seeded();
    const { res, name, bytes } = await download(`format=zip&collection=${source}`);
    expect(res.headers.get('Content-Type')).toBe('application/zip');
    expect(name).toMatch(/^acme-hiring-questions-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(Object.keys(unzipSync(bytes)).sort()).toEqual([
      'source/area.md',
      'source/databases.md',
      'source/security.md',
      'source/version-control.md',
    ]);
    const copy = await collection('Copy from zip');
    const res2 = await upload(owner, { collection: copy }, [{ name, bytes }]);
    expect(await res2.text()).toContain('25 questions imported');
    expect(await contentOf(copy)).toEqual(original);
  });

  it('round trips through GIFT and through CSV: the same questions', async () => {
    const { source, original } = await seeded();
    for (const format of ['gift', 'csv']) {
      const { name, bytes } = await download(`format=${format}&collection=${source}`);
      expect(name.endsWith(`.${format}`)).toBe(true);
      if (format === 'csv') {
        const [header, ...rows] = parseCsv(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
        expect(header).toEqual([
          'id',
          'type',
          'topic',
          'difficulty',
          'tags',
          'time',
          'ref',
          'prompt',
          'options',
          'correct',
          'explanation',
        ]);
        expect(rows).toHaveLength(25);
      }
      const copy = await collection(`Copy from ${format}`);
      const res = await upload(owner, { collection: copy }, [{ name, bytes }]);
      expect(res.status, format).toBe(200);
      expect(await contentOf(copy), format).toEqual(original);
    }
  });

  it('refuses an unknown format with 400', async () => {
    const res = await owner.get('/app/bank/export?format=xlsx');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Choose an export format');
  });
});
