/**
 * Start-up import: read questions/, skip when unchanged, compile, add the SQL examples' expected
 * rows (src/bank/visible-rows.ts), store. Node only (reads files);
 * used by the server at start, `npm run bank:import` and the demo.
 */
import { bankHash, compileBank } from '../bank/compile';
import { loadBankFiles } from '../bank/load';
import { formatProblem } from '../bank/validate';
import { withVisibleRowsAll } from '../bank/visible-rows';
import { alreadyImported, type ImportSummary, importBank } from '../db/bank-import';
import type { Db } from '../db/client';
import type { LogEntry } from '../deps';
import { inProcessGrader } from '../grading/node/in-process';

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
  // SQL questions keep their visible examples' expected rows, from the reference query (trusted: ours).
  if (bank.questions.some((q) => q.key.type === 'sql')) {
    bank.questions = await withVisibleRowsAll(bank.questions, await inProcessGrader());
  }
  const summary = await importBank(db, bank, now);
  log({ level: 'info', msg: 'question bank imported', ...summary });
  return summary;
}
