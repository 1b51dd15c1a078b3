import { readFileSync } from 'node:fs';
import { compileBank } from '../../src/bank/compile';
import { withVisibleRowsAll } from '../../src/bank/visible-rows';
import { importBank } from '../../src/db/bank-import';
import type { Db } from '../../src/db/client';
import { inProcessGrader } from '../../src/grading/node/in-process';

/**
 * A bank area `coding` holding the code and SQL examples of questions/README.md (the documented
 * format is the one tested), for walkthroughs of executable questions.
 */
export function codeBankFiles() {
  const readme = readFileSync('questions/README.md', 'utf8');
  const block = /````markdown\n([\s\S]*?)\n````/u.exec(readme)?.[1] ?? '';
  const questions = block
    .split(/\n(?=## )/)
    .filter((q) => /^## (js-sum-of-evens|sql-customers-without-orders)\n/.test(q));
  if (questions.length !== 2) throw new Error('questions/README.md lost its code or SQL example');
  return [
    {
      path: 'questions/coding/area.md',
      text: '---\ntitle: Coding\nsummary: Code and SQL for tests.\n---\n\n## Topics\n\n- `examples`: Examples | https://example.com/examples\n',
    },
    { path: 'questions/coding/examples.md', text: `# Examples\n\n${questions.join('\n\n')}\n` },
  ];
}

export async function importCodeBank(db: Db, now = 1) {
  const { bank, errors } = await compileBank(codeBankFiles());
  if (errors.length) throw new Error(`code bank invalid: ${JSON.stringify(errors)}`);
  // As the start-up import does: the SQL examples keep their expected rows.
  bank.questions = await withVisibleRowsAll(bank.questions, await inProcessGrader());
  await importBank(db, bank, now);
  return bank;
}
