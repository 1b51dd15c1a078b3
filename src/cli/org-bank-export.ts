/**
 * `npm run org-bank:export -- --org <id> [--collection <id>] [--format zip|gift|csv] [--out <file>]`:
 * writes an organization's bank (every question but the retired ones, drafts included) in the
 * format the bank's Export page gives, to `--out` or a file named like the download in the
 * current folder.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { organizationName } from '../db/accounts';
import type { Db } from '../db/client';
import { getCollection } from '../db/collections';
import { type BankExport, type ExportFormat, exportBank, exportFormats } from '../manage/bank-transfer/export';
import { openDatabase, shownUrl } from './database';

const usage =
  'Usage: npm run org-bank:export -- --org <organization id> [--collection <collection id>] [--format zip|gift|csv] [--out <file>]';

export async function exportOrgBank(
  db: Db,
  args: { org: string; collection?: string; format: string; now: number },
): Promise<{ ok: true; file: BankExport } | { ok: false; message: string }> {
  if (!(exportFormats as readonly string[]).includes(args.format))
    return { ok: false, message: `Unknown format "${args.format}": choose ${exportFormats.join(', ')}.` };
  const orgName = await organizationName(db, args.org);
  if (orgName === null) return { ok: false, message: `There is no organization ${args.org}.` };
  if (args.collection !== undefined && !(await getCollection(db, args.org, args.collection)))
    return { ok: false, message: `Organization ${args.org} has no collection ${args.collection}.` };
  const file = await exportBank(db, {
    orgId: args.org,
    orgName,
    format: args.format as ExportFormat,
    collectionId: args.collection,
    now: args.now,
  });
  return { ok: true, file };
}

async function main() {
  const { values } = parseArgs({
    options: {
      org: { type: 'string' },
      collection: { type: 'string' },
      format: { type: 'string', default: 'zip' },
      out: { type: 'string' },
    },
  });
  if (!values.org) {
    console.error(usage);
    process.exitCode = 2;
    return;
  }
  const { url, db, client } = await openDatabase(process.cwd());
  const outcome = await exportOrgBank(db, {
    org: values.org,
    collection: values.collection,
    format: values.format ?? 'zip',
    now: Date.now(),
  });
  client.close();
  if (!outcome.ok) {
    console.error(`${outcome.message} (database: ${shownUrl(url)})`);
    process.exitCode = 1;
    return;
  }
  const path = values.out ?? outcome.file.fileName;
  writeFileSync(path, outcome.file.body);
  for (const left of outcome.file.leftOut) console.log(`left out ${left.id}: ${left.reason}`);
  console.log(`${outcome.file.questions} questions written to ${path}.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
