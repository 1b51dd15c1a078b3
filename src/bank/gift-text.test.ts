import { describe, expect, it } from 'vitest';
import { giftTextToMarkdown, htmlToMarkdown } from './gift-text';
import { renderMarkdown } from './render';

/** Converts and collects what was reported lost. */
function convert(html: string, newlines = false) {
  const losses: string[] = [];
  const markdown = htmlToMarkdown(html, { report: (m) => losses.push(m), newlines });
  return { markdown, losses };
}

describe('htmlToMarkdown', () => {
  it('drops HTML comments instead of showing them', () => {
    const { markdown, losses } = convert('<!-- from the 2019 course --><p>Which port?</p><!-- unclosed');
    expect(markdown).toBe('Which port?');
    expect(losses).toEqual([]);
  });

  it('keeps web links as Markdown links and says when a link target cannot come along', () => {
    const { markdown, losses } = convert(
      '<p>See <a href="https://www.rfc-editor.org/rfc/rfc9110">RFC 9110</a>, <a href="@@PLUGINFILE@@/notes.pdf">the notes</a>, <a href="#top">top</a> and <a href="mailto:a@example.com">mail</a>.</p>',
    );
    expect(markdown).toBe('See [RFC 9110](<https://www.rfc-editor.org/rfc/rfc9110>), the notes, top and mail.');
    expect(losses).toEqual([
      "a link's target was dropped (notes.pdf is a file Moodle kept beside the question, which GIFT does not carry); its text is kept",
      "a link's target was dropped (mailto:a@example.com is not an absolute http(s) address); its text is kept",
    ]);
    expect(renderMarkdown(markdown)).toContain(
      '<a href="https://www.rfc-editor.org/rfc/rfc9110" rel="noopener noreferrer">RFC 9110</a>',
    );
  });

  it('turns tables into Markdown tables that render as tables', () => {
    const { markdown, losses } = convert(
      '<table><caption>Ports</caption><tr><th>Service</th><th>Port</th></tr><tr><td>SSH</td><td>22</td></tr><tr><td>a|b</td><td><p>x</p><p>y</p></td></tr></table>',
    );
    expect(markdown).toBe(
      ['Ports', '', '| Service | Port |', '| --- | --- |', '| SSH | 22 |', '| a\\|b | x<br>y |'].join('\n'),
    );
    expect(losses).toEqual([]);
    expect(renderMarkdown(markdown)).toContain('<th>Service</th>');
  });

  it('splits merged table cells and says so', () => {
    const { markdown, losses } = convert(
      '<table><tr><td colspan="2">both</td></tr><tr><td rowspan="2">tall</td><td>1</td></tr><tr><td>2</td></tr></table>',
    );
    expect(markdown).toBe(['| both | |', '| --- | --- |', '| tall | 1 |', '| | 2 |'].join('\n'));
    expect(losses).toEqual(['a table with merged cells (colspan/rowspan) is written with the cells split']);
  });

  it('makes web images and players links, and marks the ones it cannot keep', () => {
    const { markdown, losses } = convert(
      '<p><img src="https://example.com/a.png" alt="A diagram"> <img src="@@PLUGINFILE@@/b%20c.png"> <img src="data:image/png;base64,AAA" alt="inline"></p><iframe src="https://video.example.com/embed/1"></iframe>',
    );
    expect(markdown).toBe(
      [
        '[Image: A diagram](<https://example.com/a.png>) \\[image not imported from GIFT: b c.png\\] \\[image not imported from GIFT: inline\\]',
        '',
        '[Embedded content: 1](<https://video.example.com/embed/1>)',
      ].join('\n'),
    );
    expect(losses).toEqual([
      'image https://example.com/a.png is shown as a link: questions show no images',
      expect.stringMatching(/^image "b c.png" was not imported \(b c.png is a file Moodle kept beside the question/),
      expect.stringMatching(/^image "inline" was not imported \(it is embedded in the text as data/),
      'embedded content https://video.example.com/embed/1 is shown as a link: questions show no players',
    ]);
  });

  it('keeps numbered lists numbered, nested lists nested, and code blocks as code', () => {
    expect(convert('<ol start="3"><li>three<ul><li>inner</li></ul></li><li>four</ol>').markdown).toBe(
      '3. three\n   - inner\n4. four',
    );
    expect(convert('<pre class="language-python">if x:<br>    y = 1<br>&lt;done&gt;</pre>').markdown).toBe(
      '```python\nif x:\n    y = 1\n<done>\n```',
    );
  });

  it('decodes the entities course banks use, and writes sub- and superscripts', () => {
    expect(convert('<p>2<sup>10</sup> &ndash; H<sub>2</sub>O &hellip; caf&eacute; &#8364;5</p>').markdown).toBe(
      '2¹⁰ – H₂O … café €5',
    );
    const { markdown, losses } = convert('x<sup>n+k</sup>');
    expect(markdown).toBe('x^(n+k)');
    expect(losses).toEqual(['superscript "n+k" is written as ^(n+k)']);
  });

  it('says when styling that may carry meaning is dropped, and drops scripts', () => {
    const { markdown, losses } = convert(
      '<p>The <u>underlined</u> word and the <span style="color: red">red</span> one.</p><script>alert(1)</script>',
    );
    expect(markdown).toBe('The underlined word and the red one.');
    expect(losses).toEqual([
      '<u> styling is not kept (its text is): rephrase if the styling carries meaning',
      'coloured text is not kept as coloured (its text is): rephrase if the colour carries meaning',
      'a <script> element was dropped',
    ]);
  });

  it("keeps Moodle auto-format's line breaks, and collapses white space in HTML", () => {
    expect(convert('What prints?\nfor i in range(3):\nprint(i)', true).markdown).toBe(
      'What prints?\\\nfor i in range(3):\\\nprint(i)',
    );
    expect(convert('<p>one\n   two</p>').markdown).toBe('one two');
  });
});

describe('giftTextToMarkdown', () => {
  it('keeps [plain] text as typed, line breaks included', () => {
    expect(giftTextToMarkdown('a <b>\n*c*', 'plain')).toBe('a \\<b\\>\\\n\\*c\\*');
  });

  it('turns [markdown] images into links or markers, outside code', () => {
    const losses: string[] = [];
    const markdown = giftTextToMarkdown(
      '# Title\n![plan](https://example.com/p.png)\n```\n![kept](x.png)\n```',
      'markdown',
      (m) => losses.push(m),
    );
    expect(markdown).toBe('#### Title\n[Image: plan](<https://example.com/p.png>)\n```\n![kept](x.png)\n```');
    expect(losses).toHaveLength(1);
  });
});
