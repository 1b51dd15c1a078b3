import { describe, expect, it } from 'vitest';
import { findDroppedHtml, renderInline, renderMarkdown } from './render';

describe('renderMarkdown', () => {
  it('highlights fenced code by the fence language, with hljs classes', () => {
    const html = renderMarkdown('Look:\n\n```python\ndef f(x):\n    return x < 1\n```');
    expect(html).toContain('<pre><code class="hljs language-python">');
    expect(html).toContain('<span class="hljs-keyword">def</span>');
    expect(html).toContain('x &lt; <span class="hljs-number">1</span>');
  });

  it('keeps highlight.js modifier classes such as `function_`', () => {
    expect(renderMarkdown('```js\nfunction go() {}\n```')).toContain('class="hljs-title function_"');
  });

  it('never guesses a language: unknown or missing ones are escaped plain code', () => {
    expect(renderMarkdown('```\n<b>SELECT 1</b>\n```')).toBe(
      '<pre><code class="hljs">&lt;b&gt;SELECT 1&lt;/b&gt;</code></pre>',
    );
    expect(renderMarkdown('```cobol\nDISPLAY "X".\n```')).toBe('<pre><code class="hljs">DISPLAY "X".</code></pre>');
  });

  it('removes <script>, event handlers and javascript: links', () => {
    const html = renderMarkdown(
      [
        'Hi <script>alert(1)</script> there',
        '',
        '<img src=x onerror="alert(2)"> <span onclick="alert(3)" class="hljs-keyword">k</span>',
        '',
        '[click](javascript:alert(4)) <a href="JaVaScRiPt:alert(5)">raw</a> <a href="data:text/html,x">data</a>',
      ].join('\n'),
    );
    expect(html).not.toMatch(/script|onerror|onclick|alert|javascript|data:|<img/i);
    expect(html).toContain('<span class="hljs-keyword">k</span>');
    expect(html).toContain('<span>click</span>');
  });

  it('keeps http(s) links and gives them rel="noopener noreferrer"; other links become text', () => {
    expect(renderMarkdown('[docs](https://example.com/a?b=1&c=2 "title")')).toBe(
      '<p><a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer">docs</a></p>',
    );
    expect(renderMarkdown('[rel](/local) [mail](mailto:a@b.c) [proto](//evil.example)')).toBe(
      '<p><span>rel</span> <span>mail</span> <span>proto</span></p>',
    );
  });

  it('allows tables, lists, quotes, small headings and kbd; drops what is not on the list', () => {
    const html = renderMarkdown(
      [
        '| a | b |',
        '|:--|--:|',
        '| 1 | 2 |',
        '',
        '3. three',
        '',
        '> quoted',
        '',
        '#### Small',
        '',
        '<kbd>Ctrl</kbd> <iframe src="https://x"></iframe> ![img](https://x/i.png)',
      ].join('\n'),
    );
    expect(html).toContain('<th align="left">a</th>');
    expect(html).toContain('<ol start="3">');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<h4>Small</h4>');
    expect(html).toContain('<kbd>Ctrl</kbd>');
    expect(html).not.toMatch(/iframe|<img/);
  });
});

describe('renderInline', () => {
  it('renders an option without a wrapping <p>', () => {
    expect(renderInline('`0`, because *the* update <b>is</b> written')).toBe(
      '<code>0</code>, because <em>the</em> update is written',
    );
    expect(renderInline('<script>alert(1)</script>x')).toBe('x');
  });
});

describe('findDroppedHtml', () => {
  it('names raw tags the sanitizer drops, not code or allowed tags', () => {
    expect(findDroppedHtml('A <script>x</script> and `<img>` and <kbd>K</kbd> <!-- note -->')).toEqual(['<script>']);
    expect(findDroppedHtml('Use <details> here', true)).toEqual(['<details>']);
    expect(findDroppedHtml('Map<String, Integer> is fine')).toEqual([]);
  });
});
