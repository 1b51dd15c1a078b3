import { describe, expect, it } from 'vitest';
import { promptExcerpt } from './prompt-excerpt';

describe('promptExcerpt', () => {
  it('reads the prompt as one line of text, entities decoded', () => {
    expect(promptExcerpt('<p>What does <code>a &amp;&amp; b</code> return?</p>\n<pre><code>x\ny</code></pre>')).toBe(
      'What does a && b return? x y',
    );
  });

  it('cuts a long prompt to the length asked, marking the cut', () => {
    const cut = promptExcerpt(`<p>${'word '.repeat(40)}</p>`, 20);
    expect(cut).toHaveLength(20);
    expect(cut.endsWith('…')).toBe(true);
    expect(promptExcerpt('<p>Short.</p>', 20)).toBe('Short.');
  });
});
