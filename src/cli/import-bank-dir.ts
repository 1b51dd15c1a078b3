/**
 * Start-up import: read questions/, skip when unchanged, compile, store. Node only (reads files);
 * used by the server at start, `npm run bank:import` and the demo.
 */
import { bankHash, compileBank } from '../bank/compile';
import { loadBankFiles } from '../bank/load';
import { formatProblem } from '../bank/validate';
import { alreadyImported, type ImportSummary, importBank } from '../db/bank-import';
import type { Db } from '../db/client';
import type { LogEntry } from '../deps';

export async function importBankFromDir(
  db: Db,
  dir: string,
  now: number,
  log: (entry: LogEntry) => void,
): Promise<ImportSummary | null> {
  const files = await loadBankFiles(dir);
  // Hashing the files is cheap; compiling (Markdown, highlighting) is not: skip it when nothing changed.
  if (await alreadyImported(db, await bankHash(files))) {
    return { skipped: true, areas: 0, added: 0, changed: 0, retired: 0, restored: 0, unchanged: 0 };
  }
  const { bank, errors } = await compileBank(files);
  if (errors.length > 0) {
    for (const problem of errors.slice(0, 20))
      log({ level: 'error', msg: 'bank error', problem: formatProblem(problem) });
    log({
      level: 'error',
      msg: 'question bank not imported: fix the errors (npm run bank:check)',
      errors: errors.length,
    });
    return null;
  }
  const summary = await importBank(db, bank, now);
  log({ level: 'info', msg: 'question bank imported', ...summary });
  return summary;
}
