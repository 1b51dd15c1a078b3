import { describe, expect, it } from 'vitest';
import { loadBankFiles } from './load';
import type { BankFile } from './parse';
import type { Problem } from './types';
import { checkBank } from './validate';

const areaPath = 'questions/demo/area.md';
const topicPath = 'questions/demo/basics.md';
const areaText = (topics = ['basics']) =>
  [
    '---',
    'title: Demo',
    'summary: A demo area.',
    '---',
    '',
    '## Topics',
    '',
    ...topics.map((t) => `- \`${t}\`: ${t} | https://example.com/${t}`),
  ].join('\n');

/** A sound single-choice question; tests break one line of it (index + 1 = line number). */
const base = () => [
  '# Basics', // 1
  '', // 2
  '## demo-single', // 3
  'type: single', // 4
  'difficulty: 2', // 5
  '', // 6
  'Which of these statements about the demo question is right?', // 7
  '', // 8
  '### Options', // 9
  '- [x] The first statement, which is right', // 10
  '- [ ] The second statement, which is wrong', // 11
  '- [ ] The third statement, also wrong', // 12
  '', // 13
  '### Explanation', // 14
  'The first statement is right because the demo says so; the others contradict it.', // 15
];

/** The same block with another type's header and answer section. */
const typed = (type: string, section: string, ...answer: string[]) => {
  const lines = base();
  lines.splice(8, 4, `### ${section}`, ...answer);
  lines[3] = `type: ${type}`;
  return lines;
};

function check(topic: string[], extra: BankFile[] = [], area = areaText()) {
  return checkBank([{ path: areaPath, text: area }, { path: topicPath, text: topic.join('\n') }, ...extra]);
}

/** The one error this bank has, which must be at `file:line` and say `fragment`. */
function expectError(result: { errors: Problem[] }, line: number, fragment: string, file = topicPath) {
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0]).toMatchObject({ file, line });
  expect(result.errors[0]?.message).toContain(fragment);
}

describe('validateBank', () => {
  it('accepts a sound question and returns it typed', () => {
    const result = check(base());
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.questions).toHaveLength(1);
    expect(result.questions[0]).toMatchObject({ id: 'demo-single', type: 'single', difficulty: 2, timeWeight: 1 });
  });

  it('accepts the fixture bank, one question of every type, without warnings', async () => {
    const result = checkBank(await loadBankFiles('src/bank/fixtures/questions'));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.questions.map((q) => q.type).sort()).toEqual([
      'multiple',
      'numeric',
      'ordering',
      'single',
      'text',
      'truefalse',
    ]);
  });

  it('reports a duplicate id across files, naming both places', () => {
    const other = ['# Steps', '', ...base().slice(2)].join('\n');
    const result = check(base(), [{ path: 'questions/demo/steps.md', text: other }], areaText(['basics', 'steps']));
    expectError(result, 3, `duplicate question id "demo-single": also at ${topicPath}:3`, 'questions/demo/steps.md');
    expect(result.questions).toEqual([]);
  });

  it('reports an id that is not kebab case', () => {
    const lines = base();
    lines[2] = '## Demo_Single';
    expectError(check(lines), 3, 'kebab case');
  });

  it('reports a missing type at the id line and an unknown type at its line', () => {
    const missing = base();
    missing.splice(3, 1);
    expectError(check(missing), 3, '"type:" header is missing');
    const unknown = base();
    unknown[3] = 'type: choice';
    expectError(check(unknown), 4, 'unknown type "choice"');
  });

  it('reports a missing difficulty and one outside 1-5', () => {
    const missing = base();
    missing.splice(4, 1);
    expectError(check(missing), 3, '"difficulty:" header is missing');
    for (const value of ['6', '0', '2.5', 'hard']) {
      const lines = base();
      lines[4] = `difficulty: ${value}`;
      expectError(check(lines), 5, `from 1 to 5, found "${value}"`);
    }
  });

  it('reports a time weight outside 0.5-3', () => {
    for (const value of ['0.25', '4', 'long', '']) {
      const lines = base();
      lines.splice(5, 0, `time: ${value}`);
      expectError(check(lines), 6, 'time weight is a number from 0.5 to 3');
    }
    const ok = base();
    ok.splice(5, 0, 'time: 2.5');
    expect(check(ok).questions[0]?.timeWeight).toBe(2.5);
  });

  it('reports an unknown or repeated header key, a bad ref and a header line that is not key: value', () => {
    const unknown = base();
    unknown.splice(5, 0, 'level: 3');
    expectError(check(unknown), 6, 'unknown header key "level"');
    const twice = base();
    twice.splice(5, 0, 'difficulty: 3');
    expectError(check(twice), 6, 'given twice');
    const ref = base();
    ref.splice(5, 0, 'ref: docs/page.html');
    expectError(check(ref), 6, 'ref is the URL');
    const notHeader = base();
    notHeader.splice(5, 1);
    expectError(check(notHeader), 6, 'leave a blank line before the prompt');
  });

  it('reports a missing explanation at the id line and an empty one at its section', () => {
    const missing = base().slice(0, 13);
    expectError(check(missing), 3, '"### Explanation" section is missing');
    const empty = base().slice(0, 14);
    expectError(check(empty), 14, 'explanation is empty');
  });

  it('reports an empty prompt', () => {
    const lines = base();
    lines[6] = '';
    expectError(check(lines), 3, 'prompt is empty');
  });

  it('reports a single question without exactly one correct option', () => {
    const two = base();
    two[10] = '- [X] The second statement, which is wrong';
    expectError(check(two), 9, 'exactly one correct option');
    const none = base();
    none[9] = '- [ ] The first statement, which is right';
    expectError(check(none), 9, 'found 0');
  });

  it('reports a multiple question without a correct option or with fewer than 2 options', () => {
    const none = typed('multiple', 'Options', '- [ ] One wrong statement here', '- [ ] Another wrong statement');
    expectError(check(none), 9, 'at least one correct option');
    const one = typed('multiple', 'Options', '- [x] The only statement here');
    expectError(check(one), 9, 'at least 2 options are needed, found 1');
  });

  it('reports fewer than 2 options for a single question', () => {
    expectError(check(typed('single', 'Options', '- [x] The only statement here')), 9, 'at least 2 options');
  });

  it('reports an empty option, a repeated option and a line that is not an option', () => {
    const empty = base();
    empty[11] = '- [ ]';
    expectError(check(empty), 12, 'option is empty');
    const repeated = base();
    repeated[11] = '- [ ] The second statement,  which is wrong';
    expectError(check(repeated), 12, 'duplicate option "The second statement,  which is wrong" (also on line 11)');
    const notOption = base();
    notOption[11] = '* The third statement';
    expectError(check(notOption), 12, 'options are one line each');
  });

  it('reports a truefalse answer that is not true or false', () => {
    expectError(check(typed('truefalse', 'Answer', 'yes')), 10, 'true or false, found "yes"');
    expectError(check(typed('truefalse', 'Answer', 'true', 'false')), 10, 'one line');
  });

  it('reports a text question without accepted answers', () => {
    expectError(check(typed('text', 'Answer', '')), 9, 'at least one accepted answer');
    expectError(check(typed('text', 'Answer', '5432')), 10, 'a list, "- answer"');
  });

  it('reports a numeric answer that is not a number or has a negative tolerance', () => {
    expectError(check(typed('numeric', 'Answer', 'eight')), 10, '"eight" is not a number');
    expectError(check(typed('numeric', 'Answer', '8 +- -1')), 10, 'negative');
    expectError(check(typed('numeric', 'Answer', '8 ± x')), 10, 'tolerance "x" is not a number');
    const ok = check(typed('numeric', 'Answer', '-2.5e3 ± 0.5'));
    expect(ok.errors).toEqual([]);
    expect(ok.questions[0]?.answer).toEqual({ type: 'numeric', value: -2500, tolerance: 0.5 });
  });

  it('reports an ordering with fewer than 3 items, a repeated item or a numbering out of order', () => {
    expectError(check(typed('ordering', 'Order', '1. First step', '2. Second step')), 9, 'at least 3 items');
    expectError(check(typed('ordering', 'Order', '1. Step', '2. Other', '3. Step')), 12, 'duplicate item "Step"');
    expectError(check(typed('ordering', 'Order', '1. A step', '3. B step', '2. C step')), 11, 'expected 2, found 3');
  });

  it('reports a section that does not belong to the type, an unknown and a repeated section', () => {
    const wrong = base();
    wrong.splice(13, 0, '### Answer', 'true', '');
    expectError(check(wrong), 14, '"### Answer" does not belong to a single question');
    const unknown = base();
    unknown.splice(13, 0, '### Hints', 'Think.', '');
    expectError(check(unknown), 14, 'unknown section "### Hints"');
    const twice = [...base(), '', '### Explanation', 'Again.'];
    expectError(check(twice), 17, 'appears twice');
    const missing = typed('truefalse', 'Explanation', 'Only an explanation here, long enough to pass.');
    expect(check(missing).errors.map((e) => e.message)).toContainEqual(expect.stringContaining('"### Answer" section'));
  });

  it('reports a topic file missing from area.md and a listed topic without a file', () => {
    const steps = { path: 'questions/demo/steps.md', text: '# Steps\n' };
    expectError(check(base(), [steps], areaText(['steps'])), 1, 'topic "basics" is not listed under "## Topics"');
    expectError(
      check(base(), [], areaText(['basics', 'missing'])),
      9,
      'topic "missing" is listed but demo/missing.md does not exist',
      areaPath,
    );
  });

  it('reports unbalanced code fences at the opening fence', () => {
    const lines = base();
    lines.splice(7, 0, '```js', 'x()');
    // The open fence swallows the rest of the file, so the question's sections go missing too.
    expect(check(lines).errors).toContainEqual({
      file: topicPath,
      line: 8,
      message: expect.stringContaining('never closed'),
    });
  });

  it('reports raw HTML that rendering would drop, at its line', () => {
    const lines = base();
    lines[6] = 'What does <script>alert(1)</script> do when this page renders?';
    expectError(check(lines), 7, 'raw HTML <script> is removed');
    const option = base();
    option[11] = '- [ ] An <img src=x> element';
    expectError(check(option), 12, 'raw HTML <img>');
    const allowed = base();
    allowed[6] = 'Which key does <kbd>Ctrl</kbd>+<kbd>C</kbd> send to the foreground process?';
    expect(check(allowed).errors).toEqual([]);
  });

  it('reports an area.md without title, summary, topics or front matter', () => {
    const noTitle = areaText().replace('title: Demo\n', '');
    expectError(check(base(), [], noTitle), 1, 'no title', areaPath);
    const noSummary = areaText().replace('summary: A demo area.', 'summary:');
    expectError(check(base(), [], noSummary), 3, 'no summary', areaPath);
    const noFrontMatter = areaText().split('\n').slice(4).join('\n');
    const result = check(base(), [], noFrontMatter);
    expect(result.errors.map((e) => [e.file, e.line])).toContainEqual([areaPath, 1]);
    expect(result.errors[0]?.message).toContain('front matter');
    expect(check(base(), [], '---\ntitle: D\nsummary: S\n---\n').errors.map((e) => e.message)).toContainEqual(
      expect.stringContaining('no "## Topics" section'),
    );
  });

  it('reports a topic file in a folder without area.md', () => {
    const result = checkBank([{ path: 'questions/lost/basics.md', text: base().join('\n') }]);
    expectError(result, 1, 'has no area.md', 'questions/lost/basics.md');
  });

  it('reports a topic file without a # title', () => {
    expectError(check(base().slice(2)), 1, '"# Title"');
  });
});

describe('warnings', () => {
  const warningsOf = (lines: string[]) => {
    const result = check(lines);
    expect(result.errors).toEqual([]);
    return result.warnings;
  };

  it('warns about a very short prompt', () => {
    const lines = base();
    lines[6] = 'Which?';
    expect(warningsOf(lines)).toEqual([
      { file: topicPath, line: 7, message: expect.stringContaining('prompt is only 6') },
    ]);
  });

  it('warns about an option much longer than the others', () => {
    const lines = typed(
      'single',
      'Options',
      '- [ ] `0`',
      '- [ ] `1`',
      '- [x] `2`, because the loop runs one more time than it looks',
    );
    expect(warningsOf(lines)).toEqual([{ file: topicPath, line: 12, message: expect.stringContaining('much longer') }]);
  });

  it('warns about a fence language that will not be highlighted and about the GIFT placeholder', () => {
    const lines = base();
    lines.splice(7, 0, '```cobol', 'DISPLAY "HI".', '```', '');
    lines[lines.length - 1] = 'Imported from GIFT: add an explanation.';
    const warnings = warningsOf(lines);
    expect(warnings.map((w) => w.line)).toEqual([8, 18]);
    expect(warnings[0]?.message).toContain('"cobol" is not highlighted');
    expect(warnings[1]?.message).toContain('GIFT import placeholder');
  });
});
