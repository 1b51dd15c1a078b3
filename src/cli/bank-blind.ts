/**
 * npm run bank:blind — the blind review of new questions (questions/README.md, "Blind review").
 *
 *   npm run bank:blind -- sheet --since <git-rev> [--area <area>] > sheet.md
 *   npm run bank:blind -- grade answers.txt --since <git-rev> [--area <area>]
 *
 * "New" means a question id that the bank at <git-rev> did not have. `sheet` prints the questions
 * without keys for a reviewer; `grade` compares the reviewer's `<id>: <answer>` lines with the keys,
 * lists every disagreement and exits 1 while any remains.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { blindSheet, gradeBlind, parseBlindAnswers } from '../bank/blind';
import { compileQuestion } from '../bank/compile';
import { loadBankFiles } from '../bank/load';
import { checkBank, formatProblem } from '../bank/validate';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { since: { type: 'string' }, area: { type: 'string', multiple: true }, dir: { type: 'string' } },
});
const [command, answersFile] = positionals;
const dir = values.dir ?? 'questions';
if ((command !== 'sheet' && command !== 'grade') || !values.since || (command === 'grade' && !answersFile)) {
  console.error(
    'usage: bank:blind sheet --since <git-rev> [--area <area>]\n       bank:blind grade <answers.txt> --since <git-rev> [--area <area>]',
  );
  process.exit(2);
}

/** Question ids in the bank as committed at `rev` (a `## id` heading line in any topic file). */
function idsAt(rev: string): Set<string> {
  const out = execFileSync('git', ['grep', '-h', '-E', '^## [a-z0-9-]+$', rev, '--', dir], { encoding: 'utf8' });
  return new Set(out.split('\n').map((line) => line.replace(/^## /u, '').trim()));
}

const { questions, errors } = checkBank(await loadBankFiles(dir));
for (const p of errors) console.error(formatProblem(p));
const old = idsAt(values.since);
const areas = values.area ?? [];
const fresh = questions.filter((q) => !old.has(q.id) && (areas.length === 0 || areas.includes(q.area)));

if (command === 'sheet') {
  process.stdout.write(blindSheet(fresh));
  console.error(`${fresh.length} new questions on the sheet`);
} else {
  const compiled = await Promise.all(
    fresh.map(async (source) => ({ source, compiled: await compileQuestion(source) })),
  );
  const grade = gradeBlind(compiled, parseBlindAnswers(readFileSync(answersFile ?? '', 'utf8')));
  const agree = grade.verdicts.filter((v) => v.credit === 1);
  for (const v of grade.verdicts.filter((v) => v.credit < 1)) {
    console.log(
      `disagree ${v.id}: reviewer "${v.given}", key "${v.key}" (credit ${v.credit.toFixed(2)})${v.comment ? ` — ${v.comment}` : ''}`,
    );
  }
  for (const v of agree.filter((v) => v.comment)) console.log(`agree ${v.id}, with a comment: ${v.comment}`);
  for (const id of grade.unanswered) console.log(`unanswered ${id}`);
  for (const a of grade.unknown) console.log(`line ${a.line}: ${a.id} is not a new question`);
  const rate = grade.verdicts.length ? (100 * agree.length) / grade.verdicts.length : 0;
  console.log(
    `\n${grade.verdicts.length} answered, ${agree.length} agree with the key (${rate.toFixed(1)}%), ${grade.unanswered.length} unanswered`,
  );
  process.exitCode = agree.length === fresh.length ? 0 : 1;
}
