import { describe, expect, it } from 'vitest';
import { csvColumns, csvRowOf, markdownFromCsvRow, readCsvHeader, splitList } from './csv-questions';
import { parseTopicFile } from './parse-topic';
import { checkQuestion } from './validate-question';

/** The Markdown block as the bank reads and checks it. */
function sourceOf(markdown: string) {
  const { file } = parseTopicFile('x/t.md', 'x', 't', `# T\n${markdown}`);
  const raw = file.questions[0];
  if (!raw) throw new Error('no question');
  const checked = checkQuestion(raw, { path: 'x/t.md', area: 'x', topic: 't' });
  if (!checked.question) throw new Error(checked.errors.join(' '));
  return checked.question;
}

describe('CSV questions', () => {
  it('reads a header in any order and case, naming missing and unknown columns', () => {
    expect(readCsvHeader(['Prompt', 'TYPE', 'colour', 'difficulty'])).toEqual({
      columns: ['prompt', 'type', null, 'difficulty'],
      missing: ['explanation'],
      unknown: ['colour'],
    });
  });

  it('splits a list by lines, or by unescaped bars in a one-line cell', () => {
    expect(splitList('a\r\nb | c\n\n')).toEqual(['a', 'b | c']);
    expect(splitList('`a \\|\\| b` | c')).toEqual(['`a || b`', 'c']);
    expect(splitList('  ')).toEqual([]);
  });

  it('names what stops a row, by column', () => {
    expect(markdownFromCsvRow({ type: 'code' }, 'x')).toEqual({
      ok: false,
      errors: [
        'type "code" cannot be written as a CSV row: use single, multiple, truefalse, text, numeric, ordering, or import that question as Markdown',
      ],
    });
    expect(markdownFromCsvRow({ type: 'single', options: 'a|b', correct: '3' }, 'x')).toEqual({
      ok: false,
      errors: ['the correct column must hold option numbers from 1 to 2 (got "3")'],
    });
  });

  it('writes every CSV type as a row that reads back to the same question', () => {
    const rows: Record<string, string>[] = [
      { type: 'single', options: 'one|two', correct: '2' },
      { type: 'multiple', options: 'one\ntwo\nthree', correct: '1, 3' },
      { type: 'truefalse', correct: 'TRUE' },
      { type: 'text', correct: 'Strict-Transport-Security|HSTS' },
      { type: 'numeric', correct: '-273.15 +- 0.01' },
      { type: 'ordering', options: 'first|second|third' },
    ];
    for (const [i, row] of rows.entries()) {
      const made = markdownFromCsvRow(
        {
          ...row,
          id: `q-${i}`,
          topic: 't',
          difficulty: '3',
          tags: 'a, b',
          prompt: 'A **prompt**, with commas',
          explanation: 'Why.',
        },
        'unused',
      );
      if (!made.ok) throw new Error(made.errors.join(' '));
      const source = sourceOf(made.markdown);
      const back = csvRowOf(source);
      if (!back.ok) throw new Error(back.reason);
      const again = markdownFromCsvRow(
        Object.fromEntries(csvColumns.map((c, k) => [c, back.cells[k] ?? ''])),
        'unused',
      );
      if (!again.ok) throw new Error(again.errors.join(' '));
      expect(sourceOf(again.markdown), row.type).toEqual(source);
    }
  });
});
