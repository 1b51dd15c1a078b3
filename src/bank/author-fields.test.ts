import { describe, expect, it } from 'vitest';
import { type AuthorFields, emptyFields, fieldsFromMarkdown, markdownFromFields } from './author-fields';
import { compileQuestionMarkdown } from './question-markdown';

const place = { area: 'ours', topic: 'basics' };

const byType: Record<string, Partial<AuthorFields>> = {
  single: {
    options: [
      { text: '`INNER JOIN`', correct: false },
      { text: '`LEFT JOIN`', correct: true },
    ],
  },
  multiple: {
    options: [
      { text: 'two', correct: true },
      { text: 'three', correct: false },
      { text: 'four', correct: true },
    ],
  },
  truefalse: { truth: 'false' },
  text: { accepted: 'SELECT\n\nselect all' },
  numeric: { value: '8', tolerance: '0.5' },
  ordering: { order: 'install\ninitdb\nstop\nupgrade' },
};

describe('markdownFromFields and fieldsFromMarkdown', () => {
  for (const [type, answer] of Object.entries(byType)) {
    it(`builds a ${type} question bank:check accepts, and reads it back unchanged`, async () => {
      const fields: AuthorFields = {
        ...emptyFields,
        slug: `my-${type}`,
        type,
        difficulty: '3',
        tags: 'a, b',
        time: '1.5',
        prompt: 'What does this print?\n\n```python\nprint(1 + 1)\n```',
        explanation: 'Because **arithmetic**.',
        ...answer,
      };
      const { markdown } = markdownFromFields(fields);
      const compiled = await compileQuestionMarkdown(markdown, place);
      expect(compiled.ok ? [] : compiled.errors).toEqual([]);
      const back = fieldsFromMarkdown(markdown);
      expect(back && markdownFromFields(back).markdown).toBe(markdown);
    });
  }

  it('says which field a bank:check error is about', async () => {
    const fields: AuthorFields = {
      ...emptyFields,
      slug: 'broken',
      type: 'numeric',
      difficulty: '7',
      prompt: 'How many?',
      value: 'many',
      explanation: 'Counted.',
    };
    const { markdown, fieldOf } = markdownFromFields(fields);
    const compiled = await compileQuestionMarkdown(markdown, place);
    if (compiled.ok) throw new Error('should fail');
    expect(compiled.errors.map((e) => [fieldOf(e.line), e.message])).toEqual([
      ['difficulty', 'difficulty is a whole number from 1 to 5, found "7"'],
      ['value', '"many" is not a number'],
    ]);
  });

  it('leaves Markdown the form cannot hold to the Markdown editor', () => {
    expect(fieldsFromMarkdown('## a\ntype: single\ndifficulty: 1\n\nQ?\n\n### Options\nsome prose\n')).toBeNull();
    expect(fieldsFromMarkdown('## a\ntype: single\ndifficulty: 1\n\nQ?\n\n### Notes\nx\n')).toBeNull();
    expect(fieldsFromMarkdown('## a\ntype: text\n\nQ?\n\n## b\ntype: text\n')).toBeNull();
  });
});
