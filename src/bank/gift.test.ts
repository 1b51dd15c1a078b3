import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileBank } from './compile';
import { bankOf } from './fixtures/gift-bank';
import {
  escapeGift,
  exportGift,
  giftBlank,
  type ImportedTopic,
  importGift,
  orderingAsMatching,
  readGift,
} from './gift';
import { loadBankFiles } from './load';
import { checkBank } from './validate';

const constructs = readFileSync('src/bank/fixtures/constructs.gift', 'utf8');
const byTitle = (gift: string) => new Map(readGift(gift).questions.map((q) => [q.title, q]));

describe('readGift', () => {
  const q = byTitle(constructs);

  it('reads multiple choice with a title, per-answer feedback and general feedback', () => {
    expect(q.get("Grant's tomb")).toMatchObject({
      kind: 'choice',
      single: true,
      line: 7,
      text: "Who's buried in Grant's tomb?",
      generalFeedback: { text: 'A mausoleum holds its dead above ground, so nobody is buried there.' },
      answers: [
        { text: 'Grant', fraction: 0, feedback: { text: 'He lies there, but above ground.' } },
        { text: 'Jefferson', fraction: 0, feedback: { text: 'Wrong president.' } },
        { text: 'no one', fraction: 1, feedback: { text: 'Right: the tomb is a mausoleum.' } },
      ],
    });
  });

  it('reads true/false in the long and short forms, with wrong then right feedback', () => {
    expect(q.get('tomb-tf')).toMatchObject({
      kind: 'truefalse',
      correct: false,
      feedbackWrong: { text: 'He is entombed, not buried.' },
      feedbackRight: { text: 'Right, he is entombed.' },
    });
    expect(q.get('sun-rises-east')).toMatchObject({ kind: 'truefalse', correct: true });
    expect(
      readGift('Water is wet.{TRUE}\n\nFire is cold.{F}').questions.map((x) => x.kind === 'truefalse' && x.correct),
    ).toEqual([true, false]);
  });

  it('reads short answers', () => {
    expect(q.get('who-is-buried')).toMatchObject({
      kind: 'short',
      answers: [
        { text: 'no one', fraction: 1 },
        { text: 'nobody', fraction: 1 },
      ],
    });
  });

  it('reads numerical answers with a tolerance, as a range, and with partial credit', () => {
    expect(q.get('grant-born')).toMatchObject({
      kind: 'numerical',
      answers: [{ value: 1822, tolerance: 5, fraction: 1 }],
    });
    expect(q.get('pick-a-digit')).toMatchObject({ kind: 'numerical', answers: [{ value: 3, tolerance: 2 }] });
    expect(q.get('grant-born-exact')).toMatchObject({
      answers: [
        { value: 1822, tolerance: 0, fraction: 1, feedback: { text: 'Exactly right.' } },
        { value: 1822, tolerance: 2, fraction: 0.5, feedback: { text: 'Close.' } },
      ],
    });
    expect(readGift('::r::Pick.{#1.1..1.3}').questions[0]).toMatchObject({ answers: [{ value: 1.2, tolerance: 0.1 }] });
  });

  it('reads matching pairs', () => {
    expect(q.get('capitals')).toMatchObject({
      kind: 'matching',
      pairs: [
        { question: { text: 'Canada' }, answer: 'Ottawa' },
        { question: { text: 'Italy' }, answer: 'Rome' },
        { question: { text: 'Japan' }, answer: 'Tokyo' },
      ],
    });
  });

  it('reads a missing word, showing the blank where the answers were', () => {
    expect(q.get('moodle-cost')).toMatchObject({
      kind: 'choice',
      single: true,
      text: `Moodle costs ${giftBlank} to download.`,
    });
  });

  it('reads percentage weights; without "=" the question is multiple answer', () => {
    const two = q.get('two-entombed');
    expect(two).toMatchObject({ kind: 'choice', single: false });
    expect(two?.kind === 'choice' && two.answers.map((a) => a.fraction)).toEqual([-1, 0.5, 0.5, -1]);
  });

  it("reads Moodle's [id:] and [tag:] from the question's comment lines, not from other blocks", () => {
    const [first, second] = readGift(
      '// [tag:sql]\n\n// question: 7 [id:a\\]b]\n// [tag: joins ] and [tag:x\\]y]\n::t::Q?{T}\n\n::u::R?{F}',
    ).questions;
    expect(first).toMatchObject({ idNumber: 'a]b', tags: ['joins', 'x]y'] });
    expect(second).toMatchObject({ idNumber: null, tags: [] });
  });

  it('skips comments and keeps the $CATEGORY in force', () => {
    const read = readGift('// a comment\n$CATEGORY: $course$/top/A/B\n\n// another\n::one::One?{T}');
    expect(read.questions).toHaveLength(1);
    expect(read.questions[0]).toMatchObject({ category: '$course$/top/A/B', line: 5 });
    expect(q.get('escapes')?.category).toBe('$course$/top/Skillcheck demo/Escapes and formats');
  });

  it('unescapes \\~ \\= \\# \\{ \\} \\: and never reads them as syntax', () => {
    expect(q.get('escapes')).toMatchObject({
      text: 'Which expression sets x to 5 in { x = 2 + 3 }? Note: # is literal.',
      answers: [
        { text: 'x = 2 + 3', fraction: 1 },
        { text: 'x == 5', fraction: 0 },
        { text: 'x ~ 5', fraction: 0 },
      ],
    });
    expect(readGift('::t::A \\\\ backslash and \\n a newline.{T}').questions[0]?.text).toBe(
      'A \\ backslash and \n a newline.',
    );
  });

  it('reads [markdown], [html] and [plain] markers and multi-line questions', () => {
    expect(q.get('markdown-code')).toMatchObject({
      format: 'markdown',
      text: 'What does this print?\n\n```python\nprint(len("abc"))\n```',
    });
    expect(q.get('html-prompt')).toMatchObject({
      format: 'html',
      answers: [{ text: '&lt;strong&gt;', format: 'html' }, {}, {}],
    });
    expect(q.get('plain-stars')).toMatchObject({ format: 'plain', text: 'Is 2*3*4 equal to 24?' });
    expect(readGift('::m::First line\nsecond line{T}').questions[0]?.text).toBe('First line\nsecond line');
  });

  it('tells essays and descriptions apart, and reports unbalanced braces', () => {
    expect(q.get('essay')?.kind).toBe('essay');
    expect(q.get('intro')?.kind).toBe('description');
    expect(readGift('::b::Broken {=a ~b').messages).toEqual([
      { line: 1, kind: 'skipped', question: 'b', message: expect.stringContaining('unbalanced') },
    ]);
  });
});

describe('importGift', () => {
  const { topics, messages } = importGift(constructs, { area: 'demo' });
  const markdown = new Map(topics.flatMap((t) => t.questions.map((q) => [q.id, q.markdown])));

  it('makes one topic per $CATEGORY last segment, ids from titles or the topic and a hash', () => {
    expect(topics.map((t) => [t.topic, t.title])).toEqual([
      ['geography', 'Geography'],
      ['escapes-and-formats', 'Escapes and formats'],
    ]);
    expect([...markdown.keys()]).toEqual([
      'grants-tomb',
      'tomb-tf',
      'sun-rises-east',
      'who-is-buried',
      'grant-born',
      'pick-a-digit',
      'grant-born-exact',
      'moodle-cost',
      'two-entombed',
      'escapes',
      'markdown-code',
      'html-prompt',
      'plain-stars',
      expect.stringMatching(/^escapes-and-formats-[0-9a-f]{8}$/),
    ]);
  });

  it('writes our Markdown, the explanation from general and per-answer feedback', () => {
    expect(markdown.get('grants-tomb')).toBe(
      [
        '## grants-tomb',
        'type: single',
        'difficulty: 3',
        'tags: imported-gift',
        '',
        "Who's buried in Grant's tomb?",
        '',
        '### Options',
        '- [ ] Grant',
        '- [ ] Jefferson',
        '- [x] no one',
        '',
        '### Explanation',
        'A mausoleum holds its dead above ground, so nobody is buried there.',
        '',
        '- Why not Grant: He lies there, but above ground.',
        '- Why not Jefferson: Wrong president.',
        '- no one: Right: the tomb is a mausoleum.',
        '',
      ].join('\n'),
    );
  });

  it('takes the explanation from per-answer feedback, else writes the placeholder', () => {
    expect(markdown.get('tomb-tf')).toContain(
      '### Explanation\n- false: Right, he is entombed.\n- Why not true: He is entombed, not buried.',
    );
    expect(markdown.get('grant-born-exact')).toContain(
      '### Answer\n1822\n\n### Explanation\n- 1822: Exactly right.\n- Why not 1822 ± 2: Close.',
    );
    expect(markdown.get('sun-rises-east')).toContain('### Explanation\nImported from GIFT: add an explanation.');
    const placeholders = topics.flatMap((t) => t.questions.filter((q) => q.placeholder).map((q) => q.id));
    expect(placeholders).toContain('sun-rises-east');
    expect(placeholders).not.toContain('tomb-tf');
  });

  it('maps weights, ranges, missing words and formats', () => {
    expect(markdown.get('two-entombed')).toContain(
      "- [ ] No one\n- [x] Grant\n- [x] Grant's wife\n- [ ] Grant's father",
    );
    expect(markdown.get('pick-a-digit')).toContain('### Answer\n3 +- 2');
    expect(markdown.get('moodle-cost')).toContain('Moodle costs ____ to download.');
    expect(markdown.get('who-is-buried')).toContain('type: text');
    expect(markdown.get('who-is-buried')).toContain('### Answer\n- no one\n- nobody');
    expect(markdown.get('html-prompt')).toContain(
      'Which tag makes text **bold** \\& strong?\n\n### Options\n- [x] \\<strong\\>',
    );
    expect(markdown.get('plain-stars')).toContain('Is 2\\*3\\*4 equal to 24?');
  });

  it('reports what it skips, changes or drops, with lines', () => {
    expect(messages.map((m) => [m.line, m.kind, m.question])).toEqual([
      [7, 'changed', "Grant's tomb"],
      [15, 'changed', 'tomb-tf'],
      [30, 'changed', 'grant-born-exact'],
      [30, 'changed', 'grant-born-exact'],
      [36, 'skipped', 'capitals'],
      [46, 'changed', 'two-entombed'],
      [76, 'skipped', 'essay'],
      [79, 'skipped', 'intro'],
    ]);
    expect(messages.filter((m) => m.kind === 'skipped').map((m) => m.message)).toEqual([
      'matching questions are not supported (only matching to the positions 1, 2, 3... reads as an ordering)',
      'essay questions are not supported: they need a person to mark them',
      'a description is not a question (it has no answer block)',
    ]);
  });

  it('uses --topic for everything, and avoids ids already in the bank', () => {
    const one = importGift('::Same::A question that is long enough?{T}\n\n::same::Another question, long enough?{F}', {
      area: 'demo',
      topic: 'misc',
      existingIds: new Set(['same']),
    });
    expect(one.topics.map((t) => t.topic)).toEqual(['misc']);
    expect(one.topics[0]?.questions.map((q) => q.id)).toEqual(['same-2', 'same-3']);
    expect(importGift('No category here?{T}', { area: 'demo' }).messages[0]?.message).toContain('no topic');
  });
});

describe('exportGift', () => {
  it('writes categories, titles, [markdown] prompts from the source, escapes and weights', async () => {
    const { questions } = checkBank(await loadBankFiles('src/bank/fixtures/questions'));
    const { text, messages } = exportGift(questions);
    expect(messages).toEqual([
      {
        file: 'src/bank/fixtures/questions/demo/steps.md',
        line: 3,
        kind: 'changed',
        question: 'demo-upgrade-steps',
        message: orderingAsMatching,
      },
    ]);
    expect(text).toContain(
      '$CATEGORY: skillcheck/demo/basics\n\n// demo-mvcc-visibility (src/bank/fixtures/questions/demo/basics.md:3)\n',
    );
    expect(text).toContain(
      '::demo-mvcc-visibility::[markdown]Two sessions run against PostgreSQL 17 at the default isolation level\\:\\n\\n```sql\\n',
    );
    expect(text).toContain(
      "\t=The balance as it was before A's update\n\t~Nothing\\: B waits until A commits or rolls back\n",
    );
    expect(text).toContain(
      '\t~%50%`DELETE FROM orders WHERE shipped`\n\t~%50%`TRUNCATE orders`\n\t~%-50%`ALTER TABLE orders DROP COLUMN note`\n',
    );
    expect(text).toContain('{\n\tF\n\t####Any comparison');
    expect(text).toContain('{\n\t=5432\n\t####');
    expect(text).toContain('{\n\t#8:0\n\t####');
    expect(text).toContain(
      `// ${orderingAsMatching}\n::demo-upgrade-steps::[markdown]Put the steps of a \`pg_upgrade\` major upgrade in order.{\n\t=Install the new major version's binaries -> 1\n`,
    );
  });

  it('writes weights Moodle accepts for three correct options', () => {
    const { questions } = checkBank(
      bankOf(
        importGift(
          '$CATEGORY: t\n\n::three::Pick the three right ones here.{~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-100%d}',
          { area: 'demo' },
        ).topics,
      ),
    );
    expect(exportGift(questions).text).toContain('~%33.33333%a\n\t~%33.33333%b\n\t~%33.33333%c\n\t~%-33.33333%d');
  });

  it('escapes GIFT specials, backslashes and newlines the way Moodle does', () => {
    expect(escapeGift('a\\b ~=#{}: c\r\nd')).toBe('a\\\\b \\~\\=\\#\\{\\}\\: c\\nd');
  });
});

describe('GIFT round trip', () => {
  it('GIFT -> Markdown -> compile -> GIFT -> Markdown gives the same questions', async () => {
    const first = importGift(constructs, { area: 'demo' });
    const files = bankOf(first.topics);
    const compiled = await compileBank(files);
    expect(compiled.errors).toEqual([]);
    expect(compiled.bank.questions).toHaveLength(14);

    const exported = exportGift(checkBank(files).questions);
    expect(exported.messages).toEqual([]);
    const second = importGift(exported.text, { area: 'demo' });
    expect(second.messages).toEqual([]);
    // The bank reads topic files in path order, so compare the blocks whatever their order.
    const blocks = (topics: ImportedTopic[]) => topics.flatMap((t) => t.questions.map((q) => q.markdown)).sort();
    expect(blocks(second.topics)).toEqual(blocks(first.topics));

    const again = await compileBank(bankOf(second.topics));
    expect(again.errors).toEqual([]);
    const essence = (questions: typeof compiled.bank.questions) =>
      questions.map(({ id, type, options, key, promptHtml, explanationHtml }) => ({
        id,
        type,
        options,
        key,
        promptHtml,
        explanationHtml,
      }));
    expect(essence(again.bank.questions)).toEqual(essence(compiled.bank.questions));
  });

  it('keeps our own bank through export and import: types, options, keys, prompt text and orderings', async () => {
    const { questions } = checkBank(await loadBankFiles('src/bank/fixtures/questions'));
    const back = importGift(exportGift(questions).text, { area: 'demo' });
    const files = bankOf(back.topics);
    const reread = checkBank(files);
    expect(reread.errors).toEqual([]);
    expect(
      reread.questions.map(({ id, type, answer, promptMd, explanationMd }) => ({
        id,
        type,
        answer,
        promptMd,
        explanationMd,
      })),
    ).toEqual(
      questions.map(({ id, type, answer, promptMd, explanationMd }) => ({
        id,
        type,
        // Option lines are renumbered by the new file; what matters is text and correctness.
        answer:
          'options' in answer
            ? { ...answer, options: answer.options.map((o) => ({ ...o, line: expect.any(Number) })) }
            : 'items' in answer
              ? { ...answer, items: answer.items.map((i) => ({ ...i, line: expect.any(Number) })) }
              : answer,
        promptMd,
        explanationMd,
      })),
    );
  });
});
