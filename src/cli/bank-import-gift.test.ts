/**
 * The GIFT commands as an author runs them, on a copy of the fixture bank: export, import the
 * export again (nothing changes), import an edited export (skipped, then --update), and import a
 * course bank (every loss printed with file and line).
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBankFiles } from '../bank/load';
import { checkBank } from '../bank/validate';

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');

function run(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(tsx, [`src/cli/${script}.ts`, ...args], (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

let dir = '';
let bank = '';
let gift = '';
const basics = () => readFile(join(bank, 'demo/basics.md'), 'utf8');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'skillcheck-gift-'));
  bank = join(dir, 'questions');
  gift = join(dir, 'demo.gift');
  await cp('src/bank/fixtures/questions', bank, { recursive: true });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

// Each run starts tsx and loads the bank tooling: seconds on a busy machine.
describe('bank:export-gift then bank:import-gift', { timeout: 60_000 }, () => {
  it('exports an area, saying that orderings become Moodle matching questions', async () => {
    const { code, stderr } = await run('bank-export-gift', ['demo', '--bank', bank, '--out', gift]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/steps\.md:3: changed "demo-upgrade-steps": ordering question written as a Moodle matching/);
    expect(stderr).toContain(`wrote 6 questions to ${gift}`);
    expect(await readFile(gift, 'utf8')).toContain('// [id:demo-page-size]\n// skillcheck: difficulty=4\n');
  });

  it('imports its own export into the same bank as nothing new, naming each question', async () => {
    const before = await basics();
    const { code, stderr } = await run('bank-import-gift', [gift, '--area', 'demo', '--bank', bank]);
    expect(code).toBe(0);
    expect(stderr).toMatch(
      new RegExp(
        `${gift}:\\d+: skipped "demo-mvcc-visibility": already in the bank as demo-mvcc-visibility \\(.*basics\\.md:3\\), skipped`,
      ),
    );
    expect(stderr).toContain('0 questions imported, 0 updated, 6 already in the bank, 0 skipped');
    expect(stderr).toContain('nothing new: every question is already in the bank');
    expect(await basics()).toBe(before);
  });

  it('skips an edited question whose id is in the bank, and replaces it with --update', async () => {
    const edited = (await readFile(gift, 'utf8')).replace('in kilobytes?', 'in kB?');
    await writeFile(gift, edited);
    const skipped = await run('bank-import-gift', [gift, '--area', 'demo', '--bank', bank]);
    expect(skipped.code).toBe(1);
    expect(skipped.stderr).toMatch(
      /skipped "demo-page-size": demo-page-size is already in the bank \(.*basics\.md:77\) with a different prompt: import with --update to replace it/,
    );

    const updated = await run('bank-import-gift', [gift, '--area', 'demo', '--bank', bank, '--update']);
    expect(updated.code).toBe(0);
    expect(updated.stderr).toContain('0 questions imported, 1 updated, 5 already in the bank, 0 skipped');
    expect(updated.stderr).toMatch(/updated demo-page-size in .*basics\.md/);
    const checked = checkBank(await loadBankFiles(bank));
    expect(checked.errors).toEqual([]);
    expect(checked.questions.find((q) => q.id === 'demo-page-size')).toMatchObject({
      promptMd: "What is PostgreSQL's default block (page) size, in kB?",
      difficulty: 4,
    });
    expect(checked.questions).toHaveLength(6);
  });

  it('imports a course bank and prints every skip and change with file and line', async () => {
    const course = 'src/bank/fixtures/course-bank.gift';
    const { code, stderr } = await run('bank-import-gift', [
      course,
      '--area',
      'demo',
      '--topic',
      'web',
      '--bank',
      bank,
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain(
      `${course}:30: changed "db-foreign-key-diagram": image "Orders and customers" was not imported`,
    );
    expect(stderr).toContain(
      `${course}:45: changed "sql-aggregates": scoring changed: Moodle's weights 50%, 50%, 0%, 0% become our rule`,
    );
    expect(stderr).toContain(`${course}:82: skipped "service-ports": matching questions are not supported`);
    expect(stderr).toContain(
      `${course}:38: note "git-merge-graph": no feedback to explain it: wrote the placeholder explanation, replace it`,
    );
    expect(stderr).toContain(
      `${course}: 17 questions imported, 0 updated, 0 already in the bank, 4 skipped; 12 imported questions changed on the way`,
    );
    expect(stderr).toContain('note: list the topic in');
  });
});
