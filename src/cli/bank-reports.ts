/**
 * `npm run bank:reports`: the open reports practice takers sent about public questions, grouped
 * by question, with the bank file each question is in, for whoever maintains the public bank on
 * this instance (and upstream). `-- --resolve <question-id>` marks a question's reports resolved
 * (`--note` says what was done), `-- --json` prints the same as JSON. Organizations' reports are
 * never read here: they stay in each organization's own queue.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadBankFiles } from '../bank/load';
import { parseBank } from '../bank/parse';
import type { Db } from '../db/client';
import { openPublicReports, type PublicReport, resolvePublicReports } from '../db/public-question-reports';
import { type ReportReason, reportReasonLabels } from '../engine/question-report';
import { groupReports } from '../manage/question-queue';
import { openDatabase, shownUrl } from './database';

export interface PublicReportGroup {
  questionId: string;
  /** The versions the reports were about, oldest first. */
  versions: number[];
  /** `questions/<area>/<topic>.md:<line>` where the question is now, else the file its reported version came from, else null. */
  file: string | null;
  count: number;
  reasons: { reason: ReportReason; label: string; count: number }[];
  reports: { id: string; version: number; reason: ReportReason; body: string; at: string }[];
}

/** Where each question of the bank folder is now (`path:line`); empty when the folder cannot be read. */
export async function questionLocations(dir: string): Promise<Map<string, string>> {
  const files = await loadBankFiles(dir).catch(() => []);
  const located = new Map<string, string>();
  for (const topic of parseBank(files).topics) {
    for (const q of topic.questions) located.set(q.id, `${topic.path}:${q.line}`);
  }
  return located;
}

/** The reports per question, the most recently reported first. */
export function groupPublicReports(
  reports: readonly PublicReport[],
  locations: ReadonlyMap<string, string>,
): PublicReportGroup[] {
  return groupReports(reports).map((group) => {
    const mine = reports.filter((r) => r.questionId === group.questionId);
    return {
      questionId: group.questionId,
      versions: [...new Set(mine.map((r) => r.questionVersion))].sort((a, b) => a - b),
      file: locations.get(group.questionId) ?? mine.at(-1)?.sourceFile ?? null,
      count: mine.length,
      reasons: group.reasons.map((reason) => ({
        reason,
        label: reportReasonLabels[reason],
        count: mine.filter((r) => r.reason === reason).length,
      })),
      reports: mine.map((r) => ({
        id: r.id,
        version: r.questionVersion,
        reason: r.reason,
        body: r.body,
        at: new Date(r.createdAt).toISOString(),
      })),
    };
  });
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The groups as the terminal shows them. */
export function formatPublicReports(groups: readonly PublicReportGroup[]): string {
  if (groups.length === 0) return 'No open reports on public questions.';
  const total = groups.reduce((n, g) => n + g.count, 0);
  const lines = [`${plural(total, 'open report')} on ${plural(groups.length, 'public question')}.`];
  for (const g of groups) {
    lines.push(
      '',
      `${g.questionId} (version ${g.versions.join(', ')}) · ${g.file ?? 'not found in the questions folder'}`,
      `  ${plural(g.count, 'report')}: ${g.reasons.map((r) => `${r.label} (${r.count})`).join('; ')}`,
    );
    for (const r of g.reports) {
      lines.push(
        `  - ${r.at.replace('T', ' ').slice(0, 16)} UTC · version ${r.version} · ${reportReasonLabels[r.reason]}`,
      );
      for (const text of r.body.split('\n')) if (text.trim() !== '') lines.push(`      ${text}`);
    }
  }
  lines.push(
    '',
    'Mark a question\'s reports resolved: npm run bank:reports -- --resolve <question-id> --note "what was done"',
  );
  return lines.join('\n');
}

export interface BankReportsOptions {
  json: boolean;
  resolve: string[];
  note: string;
  questionsDir: string;
  now: number;
}

/** What the command prints and its exit code. */
export async function bankReports(db: Db, options: BankReportsOptions): Promise<{ code: number; out: string }> {
  if (options.resolve.length > 0) {
    const counts = await resolvePublicReports(db, {
      questionIds: options.resolve,
      note: options.note,
      now: options.now,
    });
    const entries = [...counts].map(([questionId, resolved]) => ({ questionId, resolved }));
    const none = entries.some((e) => e.resolved === 0);
    if (options.json) return { code: none ? 1 : 0, out: JSON.stringify({ resolved: entries }, null, 2) };
    const out = entries
      .map((e) =>
        e.resolved === 0
          ? `${e.questionId}: no open reports on a public question with this id.`
          : `${e.questionId}: ${plural(e.resolved, 'report')} marked resolved.`,
      )
      .join('\n');
    return { code: none ? 1 : 0, out };
  }
  const groups = groupPublicReports(await openPublicReports(db), await questionLocations(options.questionsDir));
  return { code: 0, out: options.json ? JSON.stringify({ questions: groups }, null, 2) : formatPublicReports(groups) };
}

async function main() {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      resolve: { type: 'string', multiple: true, default: [] },
      note: { type: 'string', default: 'Resolved by the bank maintainer.' },
    },
  });
  const note = values.note.trim().slice(0, 1000) || 'Resolved by the bank maintainer.';
  const { url, db, client } = await openDatabase(process.cwd());
  try {
    const { code, out } = await bankReports(db, {
      json: values.json,
      resolve: values.resolve,
      note,
      questionsDir: resolve(process.env.QUESTIONS_DIR ?? 'questions'),
      now: Date.now(),
    });
    if (code === 0 || values.json) console.log(out);
    else console.error(`${out} (database: ${shownUrl(url)})`);
    process.exitCode = code;
  } finally {
    client.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
