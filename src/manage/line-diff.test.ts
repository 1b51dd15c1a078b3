import { describe, expect, it } from 'vitest';
import { lineDiff } from './line-diff';

describe('lineDiff', () => {
  it('keeps common lines and marks the removed and added ones in order', () => {
    expect(lineDiff('## q\ndifficulty: 2\n\nPrompt\n', '## q\ndifficulty: 3\n\nPrompt\nMore\n')).toEqual([
      { kind: 'same', text: '## q' },
      { kind: 'removed', text: 'difficulty: 2' },
      { kind: 'added', text: 'difficulty: 3' },
      { kind: 'same', text: '' },
      { kind: 'same', text: 'Prompt' },
      { kind: 'added', text: 'More' },
      { kind: 'same', text: '' },
    ]);
  });

  it('says nothing changed for the same text', () => {
    expect(lineDiff('a\nb', 'a\nb').every((l) => l.kind === 'same')).toBe(true);
  });
});
