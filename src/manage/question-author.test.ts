import { describe, expect, it } from 'vitest';
import { emptyFields } from '../bank/author-fields';
import { errorsByField } from './question-author';

describe('errorsByField', () => {
  it('keeps two messages on one field apart, each with the part it names', () => {
    const input = {
      mode: 'form' as const,
      place: 'c/t',
      fields: { ...emptyFields, options: [{ text: 'a', correct: false }] },
      markdown: '',
      changeNote: '',
      baseVersion: null,
    };
    const errors = errorsByField(
      [
        { field: 'markdown', line: 7, message: 'a single question has exactly one correct option, found 0' },
        { field: 'markdown', line: 7, message: 'raw HTML <script> is removed when rendered' },
      ],
      input,
      () => 'option-0',
    );
    expect(errors['option-text-0']).toBe(
      'Option 1: a single question has exactly one correct option, found 0; Option 1: raw HTML <script> is removed when rendered',
    );
  });
});
