import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/app';
import { compileBank } from '../bank/compile';
import { importBank } from './bank-import';
import { questions, questionVersions, skillAreas } from './schema';

const area = `---
title: Test Area
summary: A small area for importer tests.
---

## Topics

- \`basics\`: Basics | https://example.com/docs
`;

function question(id: string, prompt: string) {
  return `## ${id}
type: single
difficulty: 2

${prompt}

### Options
- [x] Right
- [ ] Wrong

### Explanation
Because it is right.
`;
}

const files = (...blocks: string[]) => [
  { path: 'questions/test-area/area.md', text: area },
  { path: 'questions/test-area/basics.md', text: `# Basics\n\n${blocks.join('\n')}` },
];

let t: Awaited<ReturnType<typeof openTestDb>>;
beforeEach(async () => {
  t = await openTestDb();
});
afterEach(() => t.close());

async function compile(...blocks: string[]) {
  const { bank, errors } = await compileBank(files(...blocks));
  expect(errors).toEqual([]);
  return bank;
}

describe('bank import', () => {
  it('adds areas and questions with IRT priors from difficulty', async () => {
    const summary = await importBank(t.db, await compile(question('t-one', 'First?'), question('t-two', 'Second?')), 1);
    expect(summary).toMatchObject({ added: 2, changed: 0, retired: 0 });
    const [a] = await t.db.select().from(skillAreas);
    expect(a?.topics).toEqual([{ id: 'basics', title: 'Basics', docsUrl: 'https://example.com/docs' }]);
    const [q] = await t.db.select().from(questions).where(eq(questions.id, 't-one'));
    expect(q).toMatchObject({ currentVersion: 1, status: 'active', irtA: 1, irtB: -1 });
  });

  it('skips a bank it has already imported', async () => {
    const bank = await compile(question('t-one', 'First?'));
    await importBank(t.db, bank, 1);
    expect((await importBank(t.db, bank, 2)).skipped).toBe(true);
  });

  it("keeps each public version's Markdown, and fills it in once for versions imported before it was kept", async () => {
    const bank = await compile(question('t-one', 'First?'));
    await importBank(t.db, bank, 1);
    const [stored] = await t.db.select().from(questionVersions);
    expect(stored?.sourceText).toMatch(/^## t-one\n/);
    await t.db.update(questionVersions).set({ sourceText: null });
    const again = await importBank(t.db, bank, 2);
    expect(again).toMatchObject({ skipped: false, unchanged: 1, changed: 0 });
    const [filled] = await t.db.select().from(questionVersions);
    expect(filled?.sourceText).toBe(stored?.sourceText);
    expect((await importBank(t.db, bank, 3)).skipped).toBe(true);
    // An older version without Markdown (the question edited since) does not keep imports running.
    const edited = await compile(question('t-one', 'First, reworded?'));
    await importBank(t.db, edited, 4);
    await t.db.update(questionVersions).set({ sourceText: null }).where(eq(questionVersions.version, 1));
    expect((await importBank(t.db, edited, 5)).skipped).toBe(true);
  });

  it('versions an edited question and keeps the old version for attempts that showed it', async () => {
    await importBank(t.db, await compile(question('t-one', 'First?')), 1);
    const summary = await importBank(t.db, await compile(question('t-one', 'First, reworded?')), 2);
    expect(summary).toMatchObject({ changed: 1, added: 0 });
    const versions = await t.db.select().from(questionVersions).where(eq(questionVersions.questionId, 't-one'));
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
    expect(versions.find((v) => v.version === 1)?.promptHtml).toContain('First?');
    expect(versions.find((v) => v.version === 2)?.promptHtml).toContain('First, reworded?');
    const [q] = await t.db.select().from(questions).where(eq(questions.id, 't-one'));
    expect(q?.currentVersion).toBe(2);
  });

  it('retires a removed question instead of deleting it, and restores it when it comes back', async () => {
    await importBank(t.db, await compile(question('t-one', 'First?'), question('t-two', 'Second?')), 1);
    expect((await importBank(t.db, await compile(question('t-one', 'First?')), 2)).retired).toBe(1);
    const [gone] = await t.db
      .select()
      .from(questions)
      .where(and(eq(questions.id, 't-two')));
    expect(gone?.status).toBe('retired');
    const back = await importBank(t.db, await compile(question('t-one', 'First?'), question('t-two', 'Second?')), 3);
    expect(back).toMatchObject({ restored: 1, added: 0, changed: 0 });
  });
});
