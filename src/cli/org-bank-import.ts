/**
 * `npm run org-bank:import -- --org <id> --collection <id> [--topic <id>] <file>...`: imports
 * questions into one of an organization's collections from a zip, Markdown topic files, a GIFT
 * file or a CSV, exactly as the bank's Import page does (src/manage/bank-transfer/): each sound
 * question becomes a draft, each problem is printed with its file and line and nothing is written
 * for it; a file that cannot be read stops the command before anything is written.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Db } from '../db/client';
import { getCollection } from '../db/collections';
import { enginesFrom } from '../grading/engines';
import { gradeWith } from '../grading/grade';
import { loadWasmModules } from '../grading/node/wasm-modules';
import type { Grade } from '../grading/types';
import { importCandidates } from '../manage/bank-transfer/import';
import { readUpload } from '../manage/bank-transfer/read-upload';
import { openDatabase, shownUrl } from './database';

const usage =
  'Usage: npm run org-bank:import -- --org <organization id> --collection <collection id> [--topic <topic id>] <file>...';

export interface OrgBankImportArgs {
  org: string;
  collection: string;
  topic?: string;
  files: { name: string; bytes: Uint8Array }[];
  /** Runs code and SQL questions' solutions as bank:check does. */
  grade?: Grade;
  now: number;
}

/** The import, with what to print; `ok` false when nothing could be imported at all. */
export async function importOrgBank(db: Db, args: OrgBankImportArgs): Promise<{ ok: boolean; lines: string[] }> {
  const collection = await getCollection(db, args.org, args.collection);
  if (!collection) return { ok: false, lines: [`Organization ${args.org} has no collection ${args.collection}.`] };
  if (args.topic !== undefined && !collection.topics.some((t) => t.id === args.topic))
    return {
      ok: false,
      lines: [
        `"${args.topic}" is not a topic of ${collection.title} (${collection.topics.map((t) => t.id).join(', ')}).`,
      ],
    };
  const read = readUpload(args.files, { collection: collection.id, topic: args.topic });
  if (!read.ok) return { ok: false, lines: [read.error] };
  const summary = await importCandidates(db, {
    orgId: args.org,
    actorId: null,
    collection,
    topic: args.topic,
    candidates: read.candidates,
    problems: read.problems,
    notes: read.notes,
    grade: args.grade,
    now: args.now,
  });
  const at = (m: { file: string; line: number | null }) => (m.line === null ? m.file : `${m.file}:${m.line}`);
  return {
    ok: summary.created.length > 0 || summary.problems.length === 0,
    lines: [
      ...summary.notes.map((m) => `note  ${at(m)}: ${m.message}`),
      ...summary.problems.map((m) => `error ${at(m)}: ${m.message}`),
      `${summary.created.length} imported into ${collection.title} as drafts, ${summary.problems.length} problems, ${summary.unchanged} already there.`,
    ],
  };
}

async function main() {
  const { values, positionals } = parseArgs({
    options: { org: { type: 'string' }, collection: { type: 'string' }, topic: { type: 'string' } },
    allowPositionals: true,
  });
  if (!values.org || !values.collection || positionals.length === 0) {
    console.error(usage);
    process.exitCode = 2;
    return;
  }
  const files = positionals.map((path) => ({ name: basename(path), bytes: new Uint8Array(readFileSync(path)) }));
  const { url, db, client } = await openDatabase(process.cwd());
  const engines = enginesFrom(await loadWasmModules());
  const outcome = await importOrgBank(db, {
    org: values.org,
    collection: values.collection,
    topic: values.topic,
    files,
    // In process, as bank:check runs them: the person at the server's console is trusted.
    grade: (task) => gradeWith(engines, task, () => performance.now()),
    now: Date.now(),
  });
  client.close();
  for (const line of outcome.lines) (outcome.ok ? console.log : console.error)(line);
  if (!outcome.ok) console.error(`(database: ${shownUrl(url)})`);
  process.exitCode = outcome.ok ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
