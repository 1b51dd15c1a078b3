/**
 * npm run bank:import-gift -- <file.gift> --area <area> [--topic <topic>] [--out <file.md>]
 *
 * Converts Moodle GIFT into our Markdown. Without --out each topic goes to
 * questions/<area>/<topic>.md, appended when the file exists; with --out everything goes to
 * that one file (so the GIFT must hold one topic, or --topic must be given). Prints what it
 * skipped or changed, and which questions got the placeholder explanation.
 */
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { type ImportedTopic, importGift, topicFileText } from '../bank/gift';
import { loadBankFiles } from '../bank/load';
import { parseBank } from '../bank/parse';
import { idPattern } from '../bank/validate-question';

const usage = 'usage: npm run bank:import-gift -- <file.gift> --area <area> [--topic <topic>] [--out <file.md>]';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { area: { type: 'string' }, topic: { type: 'string' }, out: { type: 'string' } },
});
const [input] = positionals;
const { area, topic, out } = values;
if (!input || !area || positionals.length > 1) fail(usage);
if (!idPattern.test(area)) fail(`--area "${area}" must be lower-case kebab case`);
if (topic !== undefined && !idPattern.test(topic)) fail(`--topic "${topic}" must be lower-case kebab case`);

const bankDir = 'questions';
const bank = parseBank(existsSync(bankDir) ? await loadBankFiles(bankDir) : []);
const existingIds = new Set(bank.topics.flatMap((t) => t.questions.map((q) => q.id)));
const { topics, messages } = importGift(await readFile(input, 'utf8'), { area, topic, existingIds });

for (const m of messages) console.error(`${input}:${m.line}: ${m.message}`);
for (const t of topics) {
  for (const q of t.questions.filter((q) => q.placeholder)) {
    console.error(`${input}:${q.line}: no feedback to explain ${q.id}: wrote the placeholder explanation, replace it`);
  }
}
if (topics.length === 0) fail('nothing to import');

if (out) {
  if (topics.length > 1) {
    fail(
      `the GIFT file has ${topics.length} categories (${topics.map((t) => t.topic).join(', ')}): pass --topic to put them in one file, or drop --out`,
    );
  }
  const [only] = topics as [ImportedTopic];
  await write(out, only);
} else {
  const listed = new Set(bank.areas.find((a) => a.area === area)?.topics.map((t) => t.id));
  const areaFile = join(bankDir, area, 'area.md');
  if (!existsSync(areaFile)) console.error(`note: ${areaFile} does not exist yet: create it (see questions/README.md)`);
  for (const t of topics) {
    await write(join(bankDir, area, `${t.topic}.md`), t);
    if (!listed.has(t.topic)) {
      console.error(
        `note: list the topic in ${areaFile} under "## Topics":  - \`${t.topic}\`: ${t.title} | <documentation URL>`,
      );
    }
  }
}
console.error('next: review the imported questions (difficulty, tags, explanations), then run npm run bank:check');

/** Writes a new topic file, or appends the question blocks to an existing one. */
async function write(path: string, t: ImportedTopic) {
  const count = `${t.questions.length} question${t.questions.length === 1 ? '' : 's'}`;
  if (existsSync(path)) {
    const current = await readFile(path, 'utf8');
    const separator = current.endsWith('\n\n') ? '' : current.endsWith('\n') ? '\n' : '\n\n';
    await appendFile(path, separator + t.questions.map((q) => q.markdown).join('\n'));
    console.error(`appended ${count} to ${path}`);
  } else {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, topicFileText(t));
    console.error(`wrote ${count} to ${path}`);
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
