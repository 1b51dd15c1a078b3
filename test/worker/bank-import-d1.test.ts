/**
 * A Workers deployment on D1, done as the README says, has questions: wrangler applies the
 * migrations, `npm run bank:import -- --d1 <name>` loads the bank with the server's own import
 * code, and the worker serves it. Here against wrangler's local D1 state (--local --persist-to);
 * --remote is the same code with wrangler's connection to Cloudflare.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileBank } from '../../src/bank/compile';
import { loadBankFiles } from '../../src/bank/load';
import { startWorker } from '../support/worker';

const questionsDir = 'src/bank/fixtures/questions';
const persistTo = mkdtempSync(join(tmpdir(), 'skillcheck-d1-'));
let worker: Awaited<ReturnType<typeof startWorker>> | undefined;

afterAll(async () => {
  await worker?.close();
  rmSync(persistTo, { recursive: true, force: true });
});

/** A command as a person types it, from the project folder; its output. */
function run(command: string, args: string[]) {
  return execFileSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, CI: '1', QUESTIONS_DIR: questionsDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('npm run bank:import -- --d1', () => {
  it('loads the bank into local D1, and the worker then serves its questions', { timeout: 600_000 }, async () => {
    run('npx', ['wrangler', 'd1', 'migrations', 'apply', 'skillcheck', '--local', '--persist-to', persistTo]);
    const importArgs = [
      'run',
      '--silent',
      'bank:import',
      '--',
      '--d1',
      'skillcheck',
      '--local',
      '--persist-to',
      persistTo,
    ];
    expect(run('npm', importArgs)).toContain('Bank imported into D1 database skillcheck (local).');
    expect(run('npm', importArgs)).toContain('is up to date: nothing to import');

    const { bank } = await compileBank(await loadBankFiles(questionsDir));
    const area = bank.areas[0];
    expect(area).toBeDefined();
    const count = bank.questions.filter((q) => q.area === area?.id).length;
    expect(count).toBeGreaterThan(0);

    const databaseId = /database_id\s*=\s*"([^"]+)"/.exec(readFileSync('wrangler.toml', 'utf8'))?.[1] ?? '';
    worker = await startWorker({ d1: { persistTo, databaseId } });
    const landing = await (await worker.fetch('/')).text();
    expect(landing).toContain(area?.title);
    const res = await worker.fetch(`/areas/${area?.id}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`${count} questions in ${area?.topics.length} topics`);
  });
});
