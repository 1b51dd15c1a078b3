import { describe, expect, it } from 'vitest';
import { bankHash, compileBank, optionId } from './compile';
import { loadBankFiles } from './load';
import type { BankFile } from './parse';

const fixtures = await loadBankFiles('src/bank/fixtures/questions');
const byId = async (files: BankFile[]) => {
  const { bank } = await compileBank(files);
  return new Map(bank.questions.map((q) => [q.id, q]));
};

describe('loadBankFiles', () => {
  it('reads <dir>/<area>/*.md with repo-relative paths, sorted', () => {
    expect(fixtures.map((f) => f.path)).toEqual([
      'src/bank/fixtures/questions/demo/area.md',
      'src/bank/fixtures/questions/demo/basics.md',
      'src/bank/fixtures/questions/demo/steps.md',
    ]);
  });
});

describe('compileBank', () => {
  it('compiles the area with its topics and rendered description', async () => {
    const { bank, errors } = await compileBank(fixtures);
    expect(errors).toEqual([]);
    expect(bank.areas).toEqual([
      {
        id: 'demo',
        title: 'Demo',
        summary: "A small area holding one question of every type, for the bank's tests.",
        descriptionHtml:
          '<p>A description with <code>code</code> and a <a href="https://example.com/docs" rel="noopener noreferrer">link</a>.</p>',
        topics: [
          { id: 'basics', title: 'Basics', docsUrl: 'https://example.com/docs/basics' },
          { id: 'steps', title: 'Steps', docsUrl: 'https://example.com/docs/steps' },
        ],
      },
    ]);
  });

  it('gives options ids a, b, c... in file order and keys by those ids', async () => {
    const q = await byId(fixtures);
    const single = q.get('demo-mvcc-visibility');
    expect(single?.options.map((o) => o.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(single?.options[0]?.html).toBe('<code>0</code>, because the update is already written to the table');
    expect(single?.key).toEqual({ type: 'single', correct: 'b' });
    expect(single?.promptHtml).toContain('<code class="hljs language-sql">');
    expect(single).toMatchObject({
      area: 'demo',
      topic: 'basics',
      difficulty: 3,
      tags: ['mvcc', 'transactions'],
      timeWeight: 1,
      ref: 'https://www.postgresql.org/docs/17/transaction-iso.html',
      source: { file: 'src/bank/fixtures/questions/demo/basics.md', line: 3 },
    });
    expect(q.get('demo-row-removal')).toMatchObject({
      key: { type: 'multiple', correct: ['a', 'b'] },
      timeWeight: 1.5,
      ref: null,
    });
    expect(q.get('demo-null-equality')).toMatchObject({ options: [], key: { type: 'truefalse', correct: false } });
    expect(q.get('demo-default-port')).toMatchObject({ options: [], key: { type: 'text', accepted: ['5432'] } });
    expect(q.get('demo-page-size')).toMatchObject({ options: [], key: { type: 'numeric', value: 8, tolerance: 0 } });
  });

  it('lists ordering items in their correct order, the key being a, b, c...', async () => {
    const ordering = (await byId(fixtures)).get('demo-upgrade-steps');
    expect(ordering?.options.map((o) => o.html)).toEqual([
      "Install the new major version's binaries",
      'Initialize a new cluster with <code>initdb</code>',
      'Stop both clusters',
      'Run <code>pg_upgrade</code>',
      'Start the new cluster and run <code>vacuumdb --all --analyze-in-stages</code>',
    ]);
    expect(ordering?.key).toEqual({ type: 'ordering', order: ['a', 'b', 'c', 'd', 'e'] });
    expect(ordering?.explanationHtml).toContain('## not-a-question');
  });

  it('keeps content hashes stable under CRLF and trailing spaces, and changes them with the text', async () => {
    const before = await byId(fixtures);
    const crlf = await byId(fixtures.map((f) => ({ ...f, text: f.text.replace(/\n/g, '   \r\n') })));
    for (const [id, q] of before) expect(crlf.get(id)?.contentHash).toBe(q.contentHash);

    const edited = await byId(
      fixtures.map((f) => ({ ...f, text: f.text.replace('What does session B', 'What exactly does session B') })),
    );
    expect(edited.get('demo-mvcc-visibility')?.contentHash).not.toBe(before.get('demo-mvcc-visibility')?.contentHash);
    expect(edited.get('demo-row-removal')?.contentHash).toBe(before.get('demo-row-removal')?.contentHash);
    expect(before.get('demo-mvcc-visibility')?.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes the whole bank independent of file order and line endings', async () => {
    const { bank } = await compileBank(fixtures);
    expect((await compileBank([...fixtures].reverse())).bank.hash).toBe(bank.hash);
    const crlf = fixtures.map((f) => ({ ...f, text: f.text.replace(/\n/g, '\r\n') }));
    expect((await compileBank(crlf)).bank.hash).toBe(bank.hash);
    const [first, ...rest] = fixtures;
    if (!first) throw new Error('no fixtures');
    expect((await compileBank([{ ...first, text: `${first.text} ` }, ...rest])).bank.hash).not.toBe(bank.hash);
    expect(await bankHash([{ path: 'a', text: 'bc' }])).not.toBe(await bankHash([{ path: 'ab', text: 'c' }]));
    // What a start-up import compares before deciding to compile at all.
    expect(await bankHash(crlf)).toBe(bank.hash);
  });

  it('leaves out questions with errors and returns the errors', async () => {
    const broken = fixtures.map((f) => ({ ...f, text: f.text.replace('difficulty: 4', 'difficulty: 9') }));
    const { bank, errors } = await compileBank(broken);
    expect(errors).toEqual([
      { file: 'src/bank/fixtures/questions/demo/basics.md', line: 79, message: expect.stringContaining('found "9"') },
    ]);
    expect(bank.questions.map((q) => q.id)).not.toContain('demo-page-size');
    expect(bank.questions).toHaveLength(5);
  });

  it('never compiles a question whose topic entry is broken, so references stay sound', async () => {
    const broken = fixtures.map((f) => ({
      ...f,
      text: f.text.replace('| https://example.com/docs/steps', '| docs/steps'),
    }));
    const { bank, errors } = await compileBank(broken);
    expect(errors).toEqual([
      {
        file: 'src/bank/fixtures/questions/demo/area.md',
        line: 11,
        message: expect.stringContaining('http(s) documentation URL'),
      },
    ]);
    expect(bank.areas[0]?.topics.map((t) => t.id)).toEqual(['basics']);
    expect(bank.questions.map((q) => q.topic)).not.toContain('steps');
  });
});

describe('optionId', () => {
  it('counts a..z, then aa, ab...', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(optionId)).toEqual(['a', 'b', 'z', 'aa', 'ab', 'az', 'ba']);
  });
});
