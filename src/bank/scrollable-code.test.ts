import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render';
import { focusableCodeBlocks } from './scrollable-code';

describe('code blocks in question HTML', () => {
  it('become focusable, named regions, however many there are', () => {
    const html = renderMarkdown('Read this:\n\n```sql\nselect 1;\n```\n\nand this:\n\n```\nplain\n```');
    const shown = focusableCodeBlocks(html);
    expect(shown.match(/<pre tabindex="0" role="region" aria-label="Code example"><code/g)).toHaveLength(2);
    expect(shown).not.toContain('<pre>');
  });

  it('leave everything else, inline code included, as it was', () => {
    const html = renderMarkdown('Use `git log` here.');
    expect(focusableCodeBlocks(html)).toBe(html);
  });
});
