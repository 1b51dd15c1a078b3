/**
 * npm run bank:export-gift -- <area> [--out file.gift]
 *
 * Writes an area's questions as GIFT that Moodle imports (to stdout without --out). Questions
 * with errors and ordering questions, which GIFT cannot hold, are left out and named on stderr.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { exportGift } from '../bank/gift';
import { loadBankFiles } from '../bank/load';
import { checkBank } from '../bank/validate';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' } } });
const [area] = positionals;
if (!area || positionals.length > 1) {
  console.error('usage: npm run bank:export-gift -- <area> [--out file.gift]');
  process.exit(1);
}

const { areas, questions, errors } = checkBank(await loadBankFiles('questions'));
if (!areas.some((a) => a.id === area)) {
  console.error(`unknown area "${area}" (areas: ${areas.map((a) => a.id).join(', ')})`);
  process.exit(1);
}
const inArea = errors.filter((e) => e.file.split('/').at(-2) === area);
if (inArea.length > 0) {
  console.error(
    `${inArea.length} error(s) in questions/${area}/: questions with errors are left out; run npm run bank:check`,
  );
}

const { text, messages } = exportGift(questions.filter((q) => q.area === area));
for (const m of messages) console.error(`${m.file}:${m.line}: ${m.message}`);
if (values.out) {
  await writeFile(values.out, text);
  console.error(`wrote ${values.out}`);
} else {
  process.stdout.write(text);
}
