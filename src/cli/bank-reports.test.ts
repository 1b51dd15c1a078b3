import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/support/app';
import { testBankFiles } from '../../test/support/bank';
import { TestBrowser } from '../../test/support/client';
import { seedInvitation } from '../../test/support/fixtures';
import { attemptItems, questionReports } from '../db/schema';
import { bankReports, type PublicReportGroup } from './bank-reports';

/**
 * `npm run bank:reports`: two practice takers report public questions from the test page, and a
 * hiring candidate reports one of the same public questions in an organization's assessment. The
 * operator's command lists the practice reports per question with the file the question is in,
 * never the organization's, and resolves them.
 */
const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
const orgMarker = 'ORG-ONLY-REPORT-TEXT';

let t: TestApp;
let questionsDir: string;
let orgId: string;
const practiced: { attemptId: string; questionId: string; body: string }[] = [];

function run(...args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(
      tsx,
      ['src/cli/bank-reports.ts', ...args],
      { env: { ...process.env, DATABASE_URL: t.url, QUESTIONS_DIR: questionsDir } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function questionAt(attemptId: string, position: number) {
  const [item] = await t.db
    .select()
    .from(attemptItems)
    .where(and(eq(attemptItems.attemptId, attemptId), eq(attemptItems.position, position)));
  return item?.questionId ?? '';
}

beforeAll(async () => {
  t = await makeTestApp();
  const seed = await seedInvitation(t);
  orgId = seed.orgId;
  // The bank as it sits on disk: a questions folder laid out like the repository's.
  const root = mkdtempSync(join(tmpdir(), 'skillcheck-bank-'));
  questionsDir = join(root, 'questions');
  for (const file of testBankFiles()) {
    const path = join(root, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }

  for (const [i, body] of ['The snippet is missing a bracket.', 'Two options say the same.'].entries()) {
    const taker = new TestBrowser(t.app);
    const start = await taker.post('/practice/alpha');
    const attemptId = start.headers.get('location')?.split('/').pop() ?? '';
    const sent = await taker.post(`/attempts/${attemptId}/reports`, {
      q: '0',
      reason: i === 0 ? 'code_wrong' : 'several_right',
      body,
    });
    expect(sent.status).toBe(303);
    practiced.push({ attemptId, questionId: await questionAt(attemptId, 0), body });
  }

  // A hiring candidate reports the first practice taker's question too: that report is the organization's.
  const candidate = new TestBrowser(t.app);
  const start = await candidate.post(`/invite/${seed.token}`);
  const attemptId = start.headers.get('location')?.split('/').pop() ?? '';
  const items = await t.db.select().from(attemptItems).where(eq(attemptItems.attemptId, attemptId));
  const same = items.find((item) => item.questionId === practiced[0]?.questionId);
  expect(same).toBeDefined();
  const sent = await candidate.post(`/attempts/${attemptId}/reports`, {
    q: String(same?.position),
    reason: 'none_right',
    body: orgMarker,
  });
  expect(sent.status).toBe(303);
  return () => rmSync(root, { recursive: true, force: true });
});
afterAll(() => t.close());

const options = () => ({ json: true, resolve: [], note: 'x', questionsDir, now: t.clock.now });

describe('npm run bank:reports', () => {
  it('lists the practice reports per public question with its file, and nothing of an organization', async () => {
    const stored = await t.db.select().from(questionReports);
    expect(stored.filter((r) => r.orgId === orgId)).toHaveLength(1);
    expect(stored.filter((r) => r.orgId === null)).toHaveLength(2);

    const { code, out } = await bankReports(t.db, options());
    expect(code).toBe(0);
    expect(out).not.toContain(orgMarker);
    expect(out).not.toContain('none_right');
    const groups = (JSON.parse(out) as { questions: PublicReportGroup[] }).questions;
    const expected = new Map<string, typeof practiced>();
    for (const p of practiced) expected.set(p.questionId, [...(expected.get(p.questionId) ?? []), p]);
    expect(groups.map((g) => g.questionId).sort()).toEqual([...expected.keys()].sort());
    for (const group of groups) {
      const mine = expected.get(group.questionId) ?? [];
      expect(group.count).toBe(mine.length);
      expect(group.versions).toEqual([1]);
      expect(group.reports.map((r) => r.body).sort()).toEqual(mine.map((p) => p.body).sort());
      expect(group.reports.every((r) => r.at === new Date(t.clock.now).toISOString())).toBe(true);
      // Where the question is written: its topic file and the line of its `## id` heading.
      const file = testBankFiles().find((f) => f.text.includes(`## ${group.questionId}\n`));
      const line = (file?.text.split('\n').indexOf(`## ${group.questionId}`) ?? -2) + 1;
      expect(group.file?.endsWith(`${file?.path}:${line}`)).toBe(true);
    }
    const first = groups.find((g) => g.questionId === practiced[0]?.questionId);
    expect(first?.reasons).toContainEqual({
      reason: 'code_wrong',
      label: 'The code does not compile or is wrong',
      count: 1,
    });

    const text = await bankReports(t.db, { ...options(), json: false });
    expect(text.out).toContain(`2 open reports on ${plural(groups.length, 'public question')}.`);
    expect(text.out).toContain(`${practiced[0]?.questionId} (version 1) · `);
    expect(text.out).toContain('The snippet is missing a bracket.');
    expect(text.out).toContain('2026-11-23 09:00 UTC · version 1 · The code does not compile or is wrong');
    expect(text.out).not.toContain(orgMarker);
  });

  it('runs from npm: --json prints the groups, --resolve closes them and leaves the organization its own', async () => {
    const listed = await run('--json');
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    const groups = (JSON.parse(listed.stdout) as { questions: PublicReportGroup[] }).questions;
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(2);
    expect(listed.stdout).not.toContain(orgMarker);

    const target = practiced[0]?.questionId ?? '';
    const resolved = await run('--resolve', target, '--note', 'Fixed the bracket upstream.');
    expect(resolved.stderr).toBe('');
    expect(resolved.code).toBe(0);
    const count = practiced.filter((p) => p.questionId === target).length;
    expect(resolved.stdout).toContain(`${target}: ${plural(count, 'report')} marked resolved.`);

    const rows = await t.db.select().from(questionReports);
    for (const row of rows) {
      const mine = row.orgId === null && row.questionId === target;
      expect(row.status).toBe(mine ? 'resolved' : 'open');
      if (mine) expect(row).toMatchObject({ resolution: 'Fixed the bracket upstream.', resolvedBy: null });
    }
    const left = await bankReports(t.db, options());
    const leftGroups = (JSON.parse(left.out) as { questions: PublicReportGroup[] }).questions;
    expect(leftGroups.map((g) => g.questionId)).not.toContain(target);

    // Nothing open on that question any more (the organization's report is not the operator's to close).
    const again = await run('--resolve', target);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${target}: no open reports on a public question with this id.`);
    const orgReport = rows.find((r) => r.orgId === orgId);
    expect(orgReport?.status).toBe('open');
  }, 60_000);
});

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
