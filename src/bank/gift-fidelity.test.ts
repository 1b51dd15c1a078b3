/**
 * What an outside check of the importer against public course banks found: blank `~=` answers,
 * HTML that vanished or leaked, Moodle scoring and feedback changed without a word, and
 * re-imports that duplicated the bank. course-bank.gift is written in the style of those banks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bankOf } from './fixtures/gift-bank';
import { exportGift, type GiftMessage, importGift, readGift, replaceQuestionBlock } from './gift';
import { loadBankFiles } from './load';
import { checkBank } from './validate';

const courseBank = readFileSync('src/bank/fixtures/course-bank.gift', 'utf8');
const imported = importGift(courseBank, { area: 'demo' });
const markdown = new Map(imported.topics.flatMap((t) => t.questions.map((q) => [q.id, q.markdown])));
/** The messages about the question on this line of the GIFT file. */
const about = (line: number, messages: GiftMessage[] = imported.messages) =>
  messages.filter((m) => m.line === line).map((m) => `${m.kind}: ${m.message}`);

describe('blank answers (Moodle\'s "~=" prefix)', () => {
  it('drops blank answers as Moodle does, keeping the one marked right', () => {
    const [q] = readGift('::q::Which?{\n~=right#Yes.\n~wrong\n~\n}').questions;
    expect(q).toMatchObject({
      kind: 'choice',
      single: true,
      answers: [
        { text: 'right', fraction: 1, feedback: { text: 'Yes.' } },
        { text: 'wrong', fraction: 0 },
      ],
    });
  });

  it('reports a dropped blank answer only when it carried credit or feedback', () => {
    expect(readGift('::q::Which?{~=a ~b}').questions[0]?.notes).toEqual([]);
    expect(about(95)).toEqual([
      'changed: a blank answer worth 0% and feedback "An empty choice." was dropped, as Moodle drops blank answers',
    ]);
  });

  it('imports a course bank written with "~=" so that every question passes bank:check', () => {
    expect(markdown.get('http-status-created')).toContain(
      '### Options\n- [x] 201 Created\n- [ ] 200 OK\n- [ ] 204 No Content\n- [ ] 302 Found\n',
    );
    const checked = checkBank(bankOf(imported.topics));
    expect(checked.errors).toEqual([]);
    expect(checked.questions.map((q) => q.id).sort()).toEqual([...markdown.keys()].sort());
    expect(markdown.size).toBe(17);
  });

  it('never writes a question bank:check would refuse: it skips it and says why', () => {
    const { topics, messages } = importGift('$CATEGORY: t\n\n::twice::Which one?{=same ~same ~other}', {
      area: 'demo',
    });
    expect(topics).toEqual([]);
    expect(messages).toEqual([
      {
        line: 3,
        kind: 'skipped',
        question: 'twice',
        message: 'the converted question does not pass bank:check: duplicate option "same"',
      },
    ]);
  });
});

describe('HTML in question text', () => {
  it('keeps tables and links, and drops HTML comments instead of showing them', () => {
    const table = markdown.get('http-idempotent-table') ?? '';
    expect(table).toContain(
      'whether each is [idempotent](<https://www.rfc-editor.org/rfc/rfc9110#section-9.2.2>) (see also the handout):\n\n| Method | Idempotent |\n| --- | --- |\n| GET | yes |\n| PUT | yes |\n| POST | ? |\n',
    );
    expect(table).not.toContain('2019');
    expect(table).not.toContain('<!--');
    expect(about(18)).toEqual([
      "changed: a link's target was dropped (methods.pdf is a file Moodle kept beside the question, which GIFT does not carry); its text is kept",
    ]);
  });

  it('marks an image it cannot keep where it was, and tells with the line', () => {
    expect(markdown.get('db-foreign-key-diagram')).toContain(
      'The diagram shows two tables.\n\n\\[image not imported from GIFT: Orders and customers\\]\n\nWhich column',
    );
    expect(about(30)).toEqual([expect.stringMatching(/^changed: image "Orders and customers" was not imported/)]);
    const warnings = checkBank(bankOf(imported.topics)).warnings.map((w) => w.message);
    expect(warnings).toContain(
      'the prompt marks an image or player "not imported from GIFT": add it as a link, or rewrite the prompt',
    );
  });

  it('turns web images and embedded players into links, and says so', () => {
    expect(markdown.get('git-merge-graph')).toContain(
      'Look at the history: [Image: Two branches](<https://example.com/img/two-branches.png>)\n\n[Embedded content: merge-demo](<https://video.example.com/embed/merge-demo>)\n\nWhich command joins the branches with a merge commit?',
    );
    expect(about(38)).toEqual([
      'changed: image https://example.com/img/two-branches.png is shown as a link: questions show no images',
      'changed: embedded content https://video.example.com/embed/merge-demo is shown as a link: questions show no players',
      'changed: <u> styling is not kept (its text is): rephrase if the styling carries meaning',
    ]);
  });

  it('keeps the line breaks of Moodle auto-format text', () => {
    expect(markdown.get('python-loop')).toContain(
      'What does this Python code print?\\\nfor i in range(3):\\\nprint(i)',
    );
  });
});

describe('scoring and feedback', () => {
  it('says how multiple-answer weights other than ±100/n score here', () => {
    expect(about(45)).toEqual([
      "changed: scoring changed: Moodle's weights 50%, 50%, 0%, 0% become our rule, (correct chosen − wrong chosen) / 2, never below 0: a wrong answer that cost nothing now takes away 50%",
      'changed: feedback for 1 answer is folded into the explanation (Moodle showed each only to whoever chose that answer)',
    ]);
    // +50/-50 on two correct answers is exactly our rule: nothing to say.
    expect(about(53)).toEqual([]);
  });

  it('says when partial credit or a negative mark of a single choice is dropped', () => {
    expect(about(92)).toEqual(['changed: negative mark dropped: "DELETE" cost 50% in Moodle and now scores 0']);
    expect(about(89)).toEqual([
      expect.stringMatching(/^skipped: a single-choice question with 2 fully correct answers/),
    ]);
  });

  it('folds per-answer feedback into the explanation next to the general feedback', () => {
    expect(markdown.get('http-status-created')).toContain(
      [
        '### Explanation',
        '201 Created tells the client a new resource exists; its address goes in the `Location` header.',
        '',
        '- 201 Created: Yes: a new resource exists.',
        '- Why not 200 OK: 200 works, but 201 says a resource was created.',
        '- Why not 204 No Content: 204 has no body, and no **Location** either.',
      ].join('\n'),
    );
    expect(about(9)).toEqual([
      'changed: feedback for 3 answers is folded into the explanation (Moodle showed each only to whoever chose that answer)',
    ]);
  });

  it('keeps numerical feedback, the `~#` one for any other answer included, and says what partial credit is lost', () => {
    expect(markdown.get('https-port')).toContain(
      [
        '### Answer',
        '443',
        '',
        '### Explanation',
        'Ports below 1024 are assigned by IANA; HTTPS got 443.',
        '',
        '- 443: Right: 443 is assigned to HTTPS.',
        '- Why not 8443: 8443 is a common alternative, not the default.',
        '- Any other answer: 80 is for plain HTTP; HTTPS has its own port.',
      ].join('\n'),
    );
    expect(about(61)).toEqual([
      'changed: partial credit dropped: 8443 earned 50% in Moodle and is now wrong',
      'changed: feedback for 3 answers is folded into the explanation (Moodle showed each only to whoever chose that answer)',
    ]);
  });

  it('says when a numerical "~" holds more than feedback, which Moodle ignores', () => {
    const { topics, messages } = importGift('$CATEGORY: t\n\n::n::How many bits in a byte?{#=8 ~%50%7#Close to it.}', {
      area: 'demo',
    });
    expect(topics[0]?.questions[0]?.markdown).toContain(
      '### Answer\n8\n\n### Explanation\n- Any other answer: Close to it.',
    );
    expect(messages.map((m) => m.message)).toContain(
      '"~%50%7" is ignored, as Moodle ignores it: after "~" a numerical question takes only "#feedback" for any other answer (partial credit is written =%50%4)',
    );
  });

  it('keeps true/false and short-answer feedback, wildcard feedback as "any other answer"', () => {
    expect(markdown.get('git-rebase-hashes')).toContain(
      '- true: Right: each commit is re-created with a new hash.\n- Why not false: The commits are re-created, so their hashes change.',
    );
    expect(markdown.get('linux-list-files')).toContain(
      '### Answer\n- ls\n\n### Explanation\n- ls: Yes.\n- Why not dir: dir exists too, but ls is the usual one.\n- Any other answer: Try the two-letter command.',
    );
    expect(about(72)[0]).toBe('changed: partial credit dropped: "dir" earned 50% in Moodle and is now wrong');
  });
});

describe('export and import again', () => {
  const fixtureBank = () => loadBankFiles('src/bank/fixtures/questions');

  it('writes id, tags, difficulty, time weight and ref in comment lines Moodle reads or skips', async () => {
    const { questions } = checkBank(await fixtureBank());
    const { text } = exportGift(questions);
    expect(text).toContain(
      '// demo-row-removal (src/bank/fixtures/questions/demo/basics.md:31)\n// [id:demo-row-removal] [tag:dml]\n// skillcheck: difficulty=2 time=1.5\n::demo-row-removal::',
    );
    expect(text).toContain(
      '// [id:demo-mvcc-visibility] [tag:mvcc] [tag:transactions]\n// skillcheck: difficulty=3 ref=https://www.postgresql.org/docs/17/transaction-iso.html\n',
    );
    // Moodle's own reader takes [id:] and [tag:] from those comments.
    expect(readGift(text).questions.find((q) => q.title === 'demo-mvcc-visibility')).toMatchObject({
      idNumber: 'demo-mvcc-visibility',
      tags: ['mvcc', 'transactions'],
    });
  });

  it('keeps id, difficulty, tags, ref, time weight and orderings through a round trip', async () => {
    const { questions } = checkBank(await fixtureBank());
    const back = importGift(exportGift(questions).text, { area: 'demo' });
    expect(back.messages).toEqual([]);
    const again = checkBank(bankOf(back.topics));
    expect(again.errors).toEqual([]);
    const essence = (list: typeof questions) =>
      list.map((q) => ({
        id: q.id,
        type: q.type,
        difficulty: q.difficulty,
        tags: q.tags,
        ref: q.ref,
        timeWeight: q.timeWeight,
        promptMd: q.promptMd,
        explanationMd: q.explanationMd,
      }));
    expect(essence(again.questions)).toEqual(essence(questions));
    expect(again.questions.find((q) => q.id === 'demo-upgrade-steps')?.answer).toMatchObject({
      type: 'ordering',
      items: [
        { text: "Install the new major version's binaries" },
        { text: 'Initialize a new cluster with `initdb`' },
        { text: 'Stop both clusters' },
        { text: 'Run `pg_upgrade`' },
        { text: 'Start the new cluster and run `vacuumdb --all --analyze-in-stages`' },
      ],
    });
  });

  it('skips what is already in the bank instead of adding -2 copies, and says so', async () => {
    const bank = checkBank(await fixtureBank());
    const gift = exportGift(bank.questions).text;
    const existingIds = new Set(bank.questions.map((q) => q.id));
    const again = importGift(gift, { area: 'demo', existingIds, existing: bank.questions });
    expect(again.topics).toEqual([]);
    expect(again.updates).toEqual([]);
    expect(again.messages.map((m) => m.message)).toEqual(
      bank.questions.map((q) => `already in the bank as ${q.id} (${q.file}:${q.line}), skipped`),
    );
    expect(new Set(again.messages.map((m) => m.kind))).toEqual(new Set(['duplicate']));
  });

  it('imports a course bank a second time as nothing new, without repeating what changed', () => {
    const bank = checkBank(bankOf(imported.topics));
    const again = importGift(courseBank, { area: 'demo', existing: bank.questions });
    expect(again.topics).toEqual([]);
    expect(again.updates).toEqual([]);
    const duplicates = again.messages.filter((m) => m.kind === 'duplicate');
    expect(duplicates.map((m) => m.message.replace(/ \(.*/, ''))).toEqual(
      bank.questions
        .map((q) => ({
          id: q.id,
          line: imported.topics.flatMap((t) => t.questions).find((i) => i.id === q.id)?.line ?? 0,
        }))
        .sort((a, b) => a.line - b.line)
        .map((q) => `already in the bank as ${q.id}`),
    );
    expect(again.messages.filter((m) => m.kind === 'changed')).toEqual([]);
  });

  it('names a question that appears twice in one file once imported', () => {
    const { topics, messages } = importGift(
      '$CATEGORY: t\n\n::a::Is this a question?{T}\n\n::b::Is this a question?{T}',
      {
        area: 'demo',
      },
    );
    expect(topics[0]?.questions.map((q) => q.id)).toEqual(['a']);
    expect(messages).toEqual([
      { line: 5, kind: 'duplicate', question: 'b', message: 'the same question as a, line 3 of this file, skipped' },
    ]);
  });

  it('recognises a question already in the bank by its content when it has no [id:]', async () => {
    const bank = checkBank(await fixtureBank());
    const { messages, topics } = importGift(
      '$CATEGORY: basics\n\n::null-check::[markdown]In SQL, `NULL \\= NULL` evaluates to true.{F}\n\n::null-check::[markdown]In SQL, `NULL \\= NULL` evaluates to false.{F}',
      { area: 'demo', existing: bank.questions, existingIds: new Set(bank.questions.map((q) => q.id)) },
    );
    expect(messages[0]).toMatchObject({
      line: 3,
      kind: 'duplicate',
      message: 'already in the bank as demo-null-equality (src/bank/fixtures/questions/demo/basics.md:49), skipped',
    });
    // Same title, other content: a new question, not a duplicate.
    expect(topics[0]?.questions.map((q) => q.id)).toEqual(['null-check']);
  });

  it('skips a changed question whose [id:] is in the bank, or replaces it on request', async () => {
    const files = await fixtureBank();
    const bank = checkBank(files);
    const gift = exportGift(bank.questions).text.replace(
      'Which TCP port does a PostgreSQL server listen on by default?',
      'Which TCP port does PostgreSQL 17 listen on by default?',
    );
    const options = { area: 'demo', existing: bank.questions, existingIds: new Set(bank.questions.map((q) => q.id)) };
    const skipped = importGift(gift, options);
    expect(skipped.topics).toEqual([]);
    expect(skipped.messages.filter((m) => m.kind !== 'duplicate')).toEqual([
      {
        line: expect.any(Number),
        kind: 'skipped',
        question: 'demo-default-port',
        message:
          'demo-default-port is already in the bank (src/bank/fixtures/questions/demo/basics.md:62) with a different prompt: import with --update to replace it',
      },
    ]);

    const updated = importGift(gift, { ...options, update: true });
    expect(updated.updates.map((u) => [u.id, u.file, u.replacesLine])).toEqual([
      ['demo-default-port', 'src/bank/fixtures/questions/demo/basics.md', 62],
    ]);
    const file = files.find((f) => f.path.endsWith('basics.md'));
    const [u] = updated.updates;
    if (!file || !u) throw new Error('fixture missing');
    const replaced = replaceQuestionBlock(file.text, u.replacesLine, u.replacesSource, u.markdown);
    const after = checkBank(files.map((f) => (f === file ? { ...f, text: replaced ?? '' } : f)));
    expect(after.errors).toEqual([]);
    expect(after.questions.find((q) => q.id === 'demo-default-port')).toMatchObject({
      promptMd: 'Which TCP port does PostgreSQL 17 listen on by default? (Digits only.)',
      difficulty: 1,
      answer: { type: 'text', accepted: ['5432'] },
    });
    expect(after.questions.map((q) => q.id)).toEqual(bank.questions.map((q) => q.id));
    // A file edited since it was read is not overwritten.
    expect(replaceQuestionBlock(`${file.text}\n`.replace('5432', '5433'), u.replacesLine, u.replacesSource, '')).toBe(
      null,
    );
  });

  it('keeps the metadata of a bank question that Moodle exported without our comment line', async () => {
    const bank = checkBank(await fixtureBank());
    // Moodle writes [id:] and [tag:] back, but not the skillcheck: line.
    const moodle = exportGift(bank.questions)
      .text.split('\n')
      .filter((l) => !l.startsWith('// skillcheck:'))
      .join('\n')
      .replace('in kilobytes?', 'in kB?');
    const { updates } = importGift(moodle, { area: 'demo', existing: bank.questions, update: true });
    expect(updates.map((u) => u.id)).toEqual(['demo-page-size']);
    expect(updates[0]?.markdown).toMatch(/^## demo-page-size\ntype: numeric\ndifficulty: 4\n\nWhat is PostgreSQL's/);
  });
});
