import { describe, expect, it } from 'vitest';
import { parseAreaFile, parseBank, parseTopicFile } from './parse';

const lines = (...l: string[]) => l.join('\n');

describe('parseAreaFile', () => {
  it('reads front matter, description and topics, each with its line', () => {
    const { area, problems } = parseAreaFile(
      'questions/databases/area.md',
      'databases',
      lines(
        '---',
        'title: Databases',
        'summary: Relational and document databases: SQL, indexing.',
        '---',
        '',
        'Optional longer description in *Markdown*.',
        '',
        '## Topics',
        '',
        '- `sql`: SQL | https://www.postgresql.org/docs/17/sql.html',
        '- `postgresql`: PostgreSQL | https://www.postgresql.org/docs/17/',
      ),
    );
    expect(problems).toEqual([]);
    expect(area.title).toEqual({ value: 'Databases', line: 2 });
    expect(area.summary).toEqual({ value: 'Relational and document databases: SQL, indexing.', line: 3 });
    expect(area.description).toBe('Optional longer description in *Markdown*.');
    expect(area.topicsLine).toBe(8);
    expect(area.topics).toEqual([
      { id: 'sql', title: 'SQL', docsUrl: 'https://www.postgresql.org/docs/17/sql.html', line: 10 },
      { id: 'postgresql', title: 'PostgreSQL', docsUrl: 'https://www.postgresql.org/docs/17/', line: 11 },
    ]);
  });

  it('reports a topic line that does not fit, a repeated topic and a second section', () => {
    const { area, problems } = parseAreaFile(
      'a/area.md',
      'a',
      lines(
        '---',
        'title: A',
        'summary: S',
        '---',
        '## Topics',
        '- `x`: X',
        '- `y`: Y | https://y',
        '- `y`: Y | https://y',
        '## More',
      ),
    );
    expect(area.topics.map((t) => t.id)).toEqual(['y']);
    expect(problems.map((p) => p.line)).toEqual([6, 8, 9]);
    expect(problems[0]?.message).toContain('URL');
  });

  it('keeps a "## Topics" inside a code fence in the description', () => {
    const { area } = parseAreaFile(
      'a/area.md',
      'a',
      lines('---', 'title: A', 'summary: S', '---', '```', '## Topics', '```'),
    );
    expect(area.topicsLine).toBeNull();
    expect(area.description).toBe(lines('```', '## Topics', '```'));
  });
});

describe('parseTopicFile', () => {
  const topic = lines(
    '# PostgreSQL', // 1
    '', // 2
    '## pg-one', // 3
    'type: single', // 4
    'difficulty: 3', // 5
    'tags: a, b', // 6
    '', // 7
    'Which one?', // 8
    '', // 9
    '```sql', // 10
    '## not-a-heading', // 11
    '### Options', // 12
    '```', // 13
    '', // 14
    '### Options', // 15
    '- [x] right', // 16
    '- [ ] wrong', // 17
    '', // 18
    '### Explanation', // 19
    'Because.', // 20
    '', // 21
    '## pg-two', // 22
    '', // 23
    'type: truefalse', // 24
    'difficulty: 1', // 25
    '', // 26
    '~~~~', // 27
    '```', // 28
    '## still-code', // 29
    '~~~~', // 30
    '', // 31
    '### Answer', // 32
    'true', // 33
  );

  it('splits blocks, headers, prompt and sections with line numbers, ignoring headings in fences', () => {
    const { file, problems } = parseTopicFile('questions/db/postgresql.md', 'db', 'postgresql', topic);
    expect(problems).toEqual([]);
    expect(file.title).toEqual({ value: 'PostgreSQL', line: 1 });
    expect(file.questions.map((q) => [q.id, q.line])).toEqual([
      ['pg-one', 3],
      ['pg-two', 22],
    ]);
    const [one, two] = file.questions;
    expect(one?.headers).toEqual([
      { key: 'type', value: 'single', line: 4 },
      { key: 'difficulty', value: '3', line: 5 },
      { key: 'tags', value: 'a, b', line: 6 },
    ]);
    expect(one?.prompt[0]).toEqual({ text: 'Which one?', line: 8 });
    expect(one?.prompt.map((l) => l.text)).toContain('## not-a-heading');
    expect(one?.sections.map((s) => [s.name, s.line])).toEqual([
      ['Options', 15],
      ['Explanation', 19],
    ]);
    expect(one?.sections[0]?.lines[0]).toEqual({ text: '- [x] right', line: 16 });
    // A blank line between `## id` and the header is tolerated.
    expect(two?.headers.map((h) => h.key)).toEqual(['type', 'difficulty']);
    expect(two?.prompt.map((l) => l.text)).toContain('## still-code');
    expect(two?.sections.map((s) => s.name)).toEqual(['Answer']);
  });

  it('keeps each block source, normalized, for hashing', () => {
    const { file } = parseTopicFile('p.md', 'a', 'p', `${topic.replace(/\n/g, '  \r\n')}\r\n\r\n`);
    expect(file.questions[0]?.source).toBe(topic.split('\n').slice(2, 20).join('\n'));
    expect(file.questions[1]?.source.endsWith('true')).toBe(true);
  });

  it('reports an unclosed fence at its line and what it swallowed', () => {
    const { problems } = parseTopicFile(
      't.md',
      'a',
      't',
      lines('# T', '## q-one', 'type: single', '', 'Look:', '```js', 'x()', '### Options', '## q-two'),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 't.md', line: 6 });
    expect(problems[0]?.message).toContain('never closed');
    expect(problems[0]?.message).toContain('line 8');
  });

  it('reports a missing title, stray text, a second title and a bad header line, and never throws', () => {
    const { file, problems } = parseTopicFile(
      't.md',
      'a',
      't',
      lines('Intro text', '# T', 'stray', '## q', 'type: single', 'not a header line', '# Again'),
    );
    expect(problems.map((p) => p.line)).toEqual([1, 3, 6, 7]);
    expect(file.questions[0]?.prompt.map((l) => l.text)).toEqual(['not a header line']);
    expect(() => parseTopicFile('x.md', 'a', 'x', '\u0000```\n## \n###\n- [x]')).not.toThrow();
  });
});

describe('parseBank', () => {
  it('routes files by path and skips the README', () => {
    const bank = parseBank([
      { path: 'questions/README.md', text: '# The bank' },
      { path: 'questions/db/area.md', text: '---\ntitle: D\nsummary: S\n---\n## Topics\n' },
      { path: 'questions/db/sql.md', text: '# SQL\n' },
      { path: 'stray.md', text: '' },
    ]);
    expect(bank.areas.map((a) => a.area)).toEqual(['db']);
    expect(bank.topics.map((t) => [t.area, t.topic])).toEqual([['db', 'sql']]);
    expect(bank.problems).toEqual([
      { file: 'stray.md', line: 1, message: expect.stringContaining('questions/<area>/') },
    ]);
  });
});
