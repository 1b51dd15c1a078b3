/**
 * npm run bank:import [-- --d1 <name> (--local | --remote) [--persist-to <dir>]]
 *
 * Imports questions/ (or QUESTIONS_DIR) with the server's own import code. Without --d1, into
 * DATABASE_URL (default: the embedded file), migrating it first: a remote libSQL used by a Worker
 * is filled this way. With --d1, into a D1 database of wrangler.toml whose migrations wrangler
 * applied (`wrangler d1 migrations apply <name> --local|--remote`).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportSummary } from '../db/bank-import';
import type { Db } from '../db/client';
import { openD1 } from './d1';
import { migrateDatabase, openDatabase, shownUrl } from './database';
import { importBankFromDir } from './import-bank-dir';

const usage = 'usage: npm run bank:import [-- --d1 <name> (--local | --remote) [--persist-to <dir>]]';
const { values, positionals } = parseArgs({
  options: {
    d1: { type: 'string' },
    local: { type: 'boolean', default: false },
    remote: { type: 'boolean', default: false },
    'persist-to': { type: 'string' },
  },
});
if (positionals.length > 0) fail(usage);
if (!values.d1 && (values.local || values.remote || values['persist-to']))
  fail(`--local, --remote and --persist-to go with --d1\n${usage}`);
if (values.d1 && values.local === values.remote) fail(`say where the D1 database is: --local or --remote\n${usage}`);

const root = process.cwd();
const questionsDir = resolve(root, process.env.QUESTIONS_DIR ?? 'questions');
const importInto = (db: Db) =>
  importBankFromDir(db, questionsDir, Date.now(), (entry) => console.log(JSON.stringify(entry)));

if (values.d1) {
  const where = `D1 database ${values.d1} (${values.remote ? 'remote' : 'local'})`;
  const d1 = await openD1(root, { name: values.d1, remote: values.remote, persistTo: values['persist-to'] }).catch(
    (error: unknown) => fail(`could not open the ${where}: ${reason(error)}`),
  );
  const outcome = await importInto(d1.db).catch((error: unknown) => new Error(reason(error)));
  await d1.dispose();
  report(outcome, where);
} else {
  const { url, db, client } = await openDatabase(root);
  const outcome = await migrateDatabase(db, root)
    .then(() => importInto(db))
    .catch((error: unknown) => new Error(reason(error)));
  client.close();
  report(outcome, shownUrl(url));
}

function report(result: ImportSummary | Error | null, where: string) {
  if (result instanceof Error) fail(`could not import into ${where}: ${result.message}`);
  if (!result) fail(`The bank was not imported into ${where}: fix the errors above (npm run bank:check).`);
  console.log(
    result.skipped ? `The bank in ${where} is up to date: nothing to import.` : `Bank imported into ${where}.`,
  );
}

/** The innermost cause: a failed Drizzle query wraps the driver's error, which says what went wrong. */
function reason(error: unknown): string {
  let inner = error;
  while (inner instanceof Error && inner.cause) inner = inner.cause;
  return inner instanceof Error ? inner.message : String(inner);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
