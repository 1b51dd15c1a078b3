import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillTemplate, placeholderTexts, valuesAt, variantInstance, variantNames } from '../engine/variant';
import { blindSheet } from './blind';
import { compileBank } from './compile';
import { exportGift } from './gift';
import type { BankFile } from './parse';
import { checkBank } from './validate';

const area: BankFile = {
  path: 'questions/demo/area.md',
  text: '---\ntitle: Demo\nsummary: Variant questions.\n---\n\n## Topics\n\n- `loops`: Loops | https://example.com/loops\n',
};
const topic = (body: string): BankFile[] => [area, { path: 'questions/demo/loops.md', text: `# Loops\n\n${body}` }];

const sumLoop = `## loop-sum
type: numeric
difficulty: 2

What does this print for n = {{n}}?

\`\`\`python
total = 0
for i in range(1, {{n}} + 1):
    total {{op}}= i
print(total)
\`\`\`

### Parameters

- n: integer 3..6
- op: one of "+", "*"
- total = op == "+" ? n * (n + 1) // 2 : n == 3 ? 6 : n == 4 ? 24 : n == 5 ? 120 : 720

### Answer

{{total}}

### Explanation

With \`{{op}}=\` the loop folds 1..{{n}} into {{total}}.
`;

const choice = `## loop-choice
type: single
difficulty: 2

How many times does \`for i in range({{a}}, {{b}})\` run?

### Parameters

- a: integer 0..3
- b: integer 5..8
- runs = b - a

### Options

- [x] {{runs}}
- [ ] {{runs + 1}}
- [ ] {{runs - 1}}
- [ ] {{runs * 2}}

### Explanation

\`range\` stops before {{b}}: {{b}} - {{a}} = {{runs}} runs.
`;

describe('variant questions in the bank', () => {
  it('compiles templates with holes, keeps {{n}} whole inside highlighted code, and a key per instance', async () => {
    const { bank, errors } = await compileBank(topic(sumLoop));
    expect(errors).toEqual([]);
    const q = bank.questions[0];
    const spec = q?.variant;
    if (!q || !spec) throw new Error('no variant compiled');
    expect(spec.parameters).toEqual([
      { name: 'n', kind: 'integer', min: 3, max: 6, step: 1 },
      { name: 'op', kind: 'choice', values: ['+', '*'] },
    ]);
    expect(spec.keys).toHaveLength(8);
    // The code block is highlighted as Python, with the holes where the placeholders were.
    const prompt = spec.prompt.filter((p) => typeof p === 'string').join('');
    expect(prompt).toContain('language-python');
    expect(spec.prompt.filter((p) => typeof p === 'number')).toEqual([0, 0, 1]);
    // Every instance's key is the loop's real result.
    for (let index = 0; index < 8; index++) {
      const values = valuesAt(spec.parameters, index);
      const n = values.n as number;
      const expected = values.op === '+' ? (n * (n + 1)) / 2 : [1, 2, 3, 4, 5, 6].slice(0, n).reduce((x, y) => x * y);
      expect(spec.keys?.[index]).toEqual({ type: 'numeric', value: expected, tolerance: 0 });
    }
    const instance = variantInstance(spec, { n: 5, op: '*' }, { ...q, answerKey: q.key });
    expect(instance.answerKey).toEqual({ type: 'numeric', value: 120, tolerance: 0 });
    expect(instance.promptHtml).toContain('n = 5?');
    expect(instance.promptHtml).toContain('*=');
    expect(instance.explanationHtml).toContain('folds 1..5 into 120');
    // The stored version is the example instance, made from the same templates.
    expect(q.promptHtml).not.toContain('{{');
    expect(q.promptHtml).not.toContain('zqvph');
    expect(q.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps a choice key fixed and fills the options of each instance', async () => {
    const { bank, errors } = await compileBank(topic(choice));
    expect(errors).toEqual([]);
    const q = bank.questions[0];
    if (!q?.variant) throw new Error('no variant compiled');
    expect(q.variant.keys).toBeUndefined();
    expect(q.key).toEqual({ type: 'single', correct: 'a' });
    const instance = variantInstance(q.variant, { a: 2, b: 7 }, { ...q, answerKey: q.key });
    expect(instance.options.map((o) => o.html)).toEqual(['5', '6', '4', '10']);
  });

  it('escapes values, so a string parameter never becomes markup', () => {
    const spec = { parameters: [{ name: 's', kind: 'choice' as const, values: ['<b>x</b>', 'y'] }], derived: [] };
    const texts = placeholderTexts(['s'], variantNames(spec, { s: '<b>x</b>' }));
    expect(fillTemplate(['<p>', 0, '</p>'], texts)).toBe('<p>&#60;b&#62;x&#60;/b&#62;</p>');
  });

  it('refuses an instance with duplicate options, naming the line and the values', async () => {
    const bad = choice.replace('- [ ] {{runs * 2}}', '- [ ] {{a + 5}}');
    const { errors, bank } = await compileBank(topic(bad));
    expect(bank.questions).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(20);
    expect(errors[0]?.message).toMatch(/^for a = 0, b = 5: duplicate option "5" \(also on line 17\)$/);
  });

  it('refuses a division by zero on the derived value line', async () => {
    const bad = choice
      .replace('- runs = b - a', '- runs = b - a\n- share = 10 / (b - 5)')
      .replace('{{runs}} runs.', '{{runs}} runs, {{share}}.');
    const { errors } = await compileBank(topic(bad));
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [14, 'for a = 0, b = 5: "share" cannot be computed: division by zero (column 4)'],
    ]);
  });

  it('refuses undeclared names, unused parameters, bad ranges and unclosed placeholders, each on its line', async () => {
    const bad = sumLoop
      .replace('- n: integer 3..6', '- n: integer 6..3\n- unused: integer 1..2')
      .replace('print(total)', 'print(total, {{m}})')
      .replace('into {{total}}.', 'into {{total}}.\nUnclosed {{op');
    const { errors } = await compileBank(topic(bad));
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [13, '{{m}} uses "m", which no parameter declares'],
      [18, 'the range of "n" runs from a smaller to a larger number, found 6..3'],
      [19, '"unused" is never used: put {{unused}} where it belongs, or remove it'],
      [30, 'a placeholder "{{" is not closed by "}}" on the same line'],
    ]);
  });

  it('refuses a numeric answer that is not finite for some instance', async () => {
    const bad = sumLoop.replace('{{total}}\n\n### Explanation', '{{total / (n - 4)}}\n\n### Explanation');
    const { errors } = await compileBank(topic(bad));
    expect(errors.map((e) => e.message)).toEqual(['for n = 4, op = +: division by zero (column 7)']);
  });

  it('exports one instance to GIFT, saying so, and shows one instance on the blind sheet', () => {
    const { questions, errors } = checkBank(topic(sumLoop));
    expect(errors).toEqual([]);
    const { text, messages } = exportGift(questions);
    const example = questions[0]?.variant?.example ?? {};
    expect(messages.map((m) => m.message)).toEqual([
      `variant question written as its example instance (n = ${example.n}, op = ${example.op}): GIFT has no parameters, so Moodle gets a fixed question; the parameters stay in questions/demo/loops.md`,
    ]);
    expect(text).toContain(`for n \\= ${example.n}?`);
    expect(text).not.toContain('{{');
    const sheet = blindSheet(questions);
    expect(sheet).toContain(`range(1, ${example.n} + 1)`);
    expect(sheet).not.toContain('{{');
  });

  it("compiles the README's example of a variant question", async () => {
    const readme = readFileSync('questions/README.md', 'utf8');
    const example = /````md\n([\s\S]*?)\n````/u.exec(readme)?.[1] ?? '';
    const { bank, errors } = await compileBank(topic(example));
    expect(errors).toEqual([]);
    expect(bank.questions[0]?.variant?.keys).toHaveLength(8);
  });
});
