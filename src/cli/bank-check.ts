/**
 * npm run bank:check — validates every file under ./questions, prints each problem as
 * `path:line: message` (editors and CI annotate from that), then counts by area, topic, type and
 * difficulty. Exits 1 when there is any error; warnings alone exit 0.
 */
import { checkExecutableQuestions } from '../bank/check-executable';
import { compileBank } from '../bank/compile';
import { loadBankFiles } from '../bank/load';
import { bankReport } from '../bank/report';
import { checkBank, formatProblem } from '../bank/validate';
import { instanceCount } from '../engine/variant';
import { inProcessGrader } from '../grading/node/in-process';

const dir = process.argv[2] ?? 'questions';
const files = await loadBankFiles(dir);
const { bank, errors, warnings } = await compileBank(files);
// Code and SQL questions: run the reference and the wrong solution (in process: the authors are trusted).
errors.push(...(await checkExecutableQuestions(checkBank(files).questions, await inProcessGrader())));

for (const p of errors) console.log(formatProblem(p));
for (const p of warnings) console.log(formatProblem(p, 'warning'));
if (errors.length + warnings.length > 0) console.log('');

console.log(bankReport(bank));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
console.log('');
console.log(
  `${plural(files.length, 'file')}, ${plural(bank.questions.length, 'question')} ready, ` +
    `${plural(errors.length, 'error')}, ${plural(warnings.length, 'warning')}` +
    (errors.length > 0 ? ' (questions with errors are not counted above)' : ''),
);
const variants = bank.questions.filter((q) => q.variant);
if (variants.length > 0) {
  const instances = variants.reduce((n, q) => n + instanceCount(q.variant?.parameters ?? []), 0);
  console.log(`${plural(variants.length, 'variant question')}: all ${instances} instances checked`);
}
console.log(`bank hash ${bank.hash}`);
process.exitCode = errors.length > 0 ? 1 : 0;
