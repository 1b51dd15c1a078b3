/**
 * npm run bank:export-gift -- <area> [--out file.gift] [--bank <dir>]
 *
 * Writes an area's questions as GIFT that Moodle imports (to stdout without --out), with id,
 * tags, difficulty, time weight and reference in comment lines, so importing the file again
 * keeps them. Questions with errors are left out; ordering questions become Moodle matching
 * questions; both are named on stderr.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { exportGift } from '../bank/gift';
import { loadBankFiles } from '../bank/load';
import { checkBank } from '../bank/validate';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' }, bank: { type: 'string', default: 'questions' } },
});
const [area] = positionals;
if (!area || positionals.length > 1) {
  console.error('usage: npm run bank:export-gift -- <area> [--out file.gift] [--bank <dir>]');
  process.exit(1);
}

const { areas, questions, errors } = checkBank(await loadBankFiles(values.bank));
if (!areas.some((a) => a.id === area)) {
  console.error(`unknown area "${area}" (areas: ${areas.map((a) => a.id).join(', ')})`);
  process.exit(1);
}
const inArea = errors.filter((e) => e.file.split('/').at(-2) === area);
for (const e of inArea) console.error(`${e.file}:${e.line}: left out: ${e.message}`);
if (inArea.length > 0) {
  console.error(`${inArea.length} error(s) in ${area}/: questions with errors are left out; run npm run bank:check`);
}

const chosen = questions.filter((q) => q.area === area);
const { text, messages } = exportGift(chosen);
for (const m of messages) console.error(`${m.file}:${m.line}: ${m.kind} "${m.question}": ${m.message}`);
if (values.out) {
  await writeFile(values.out, text);
  console.error(`wrote ${chosen.length} question${chosen.length === 1 ? '' : 's'} to ${values.out}`);
} else {
  process.stdout.write(text);
}
