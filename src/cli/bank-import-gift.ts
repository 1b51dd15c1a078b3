/**
 * npm run bank:import-gift -- <file.gift> --area <area> [--topic <topic>] [--out <file.md>]
 *                             [--update] [--bank <dir>]
 *
 * Converts Moodle GIFT into our Markdown. Without --out each topic goes to
 * <bank>/<area>/<topic>.md (bank: questions/), appended when the file exists; with --out
 * everything new goes to that one file (so the GIFT must hold one topic, or --topic must be
 * given). A question already in the bank is skipped and named; one whose [id:...] is in the bank
 * with other content is skipped, or replaced in its file with --update. Prints, per question
 * and line, what it skipped, changed (scoring, feedback, images, links...) or found already
 * there, then a count of each.
 */
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { type GiftMessage, type ImportedTopic, importGift, replaceQuestionBlock, topicFileText } from '../bank/gift';
import { loadBankFiles } from '../bank/load';
import { checkBank } from '../bank/validate';
import { idPattern } from '../bank/validate-question';

const usage =
  'usage: npm run bank:import-gift -- <file.gift> --area <area> [--topic <topic>] [--out <file.md>] [--update] [--bank <dir>]';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    area: { type: 'string' },
    topic: { type: 'string' },
    out: { type: 'string' },
    update: { type: 'boolean', default: false },
    bank: { type: 'string', default: 'questions' },
  },
});
const [input] = positionals;
const { area, topic, out, update, bank: bankDir } = values;
if (!input || !area || positionals.length > 1) fail(usage);
if (!idPattern.test(area)) fail(`--area "${area}" must be lower-case kebab case`);
if (topic !== undefined && !idPattern.test(topic)) fail(`--topic "${topic}" must be lower-case kebab case`);

const bank = checkBank(existsSync(bankDir) ? await loadBankFiles(bankDir) : []);
const existingIds = new Set(bank.parsed.topics.flatMap((t) => t.questions.map((q) => q.id)));
const gift = await readFile(input, 'utf8');
const { topics, updates, messages } = importGift(gift, { area, topic, existingIds, existing: bank.questions, update });

const labels: Record<GiftMessage['kind'], string> = {
  skipped: 'skipped',
  changed: 'changed',
  duplicate: 'skipped',
  updated: 'updated',
  note: 'note',
};
const placeholders: GiftMessage[] = [...topics.flatMap((t) => t.questions), ...updates]
  .filter((q) => q.placeholder)
  .map((q) => ({
    line: q.line,
    kind: 'note',
    question: q.id,
    message: 'no feedback to explain it: wrote the placeholder explanation, replace it',
  }));
for (const m of [...messages, ...placeholders].sort((a, b) => a.line - b.line)) {
  const name = m.question ? ` "${m.question}"` : '';
  console.error(`${input}:${m.line}: ${labels[m.kind]}${name}: ${m.message}`);
}

const linesOf = (kind: GiftMessage['kind']) => new Set(messages.filter((m) => m.kind === kind).map((m) => m.line));
const imported = topics.reduce((n, t) => n + t.questions.length, 0);
const changed = linesOf('changed');
const reviewed = [...topics.flatMap((t) => t.questions), ...updates].filter((q) => changed.has(q.line)).length;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
console.error(
  `${input}: ${plural(imported, 'question')} imported, ${updates.length} updated, ` +
    `${linesOf('duplicate').size} already in the bank, ${linesOf('skipped').size} skipped; ` +
    `${plural(reviewed, 'imported question')} changed on the way (see "changed" above)`,
);

if (imported + updates.length === 0) {
  if (linesOf('duplicate').size > 0 && linesOf('skipped').size === 0) {
    console.error('nothing new: every question is already in the bank');
    process.exit(0);
  }
  fail('nothing to import');
}

for (const u of updates) {
  const current = await readFile(u.file, 'utf8');
  const next = replaceQuestionBlock(current, u.replacesLine, u.replacesSource, u.markdown);
  if (next === null) fail(`${u.file}:${u.replacesLine}: ${u.id} changed while importing; run the import again`);
  await writeFile(u.file, next);
  console.error(`updated ${u.id} in ${u.file}`);
}
if (out) {
  if (topics.length > 1) {
    fail(
      `the GIFT file has ${topics.length} categories (${topics.map((t) => t.topic).join(', ')}): pass --topic to put them in one file, or drop --out`,
    );
  }
  const [only] = topics;
  if (only) await write(out, only);
} else {
  const listed = new Set(bank.parsed.areas.find((a) => a.area === area)?.topics.map((t) => t.id));
  const areaFile = join(bankDir, area, 'area.md');
  if (topics.length > 0 && !existsSync(areaFile)) {
    console.error(`note: ${areaFile} does not exist yet: create it (see questions/README.md)`);
  }
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
  const count = plural(t.questions.length, 'question');
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
