import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../engine/variant';
import { placeholdersIn, renderTemplate } from './placeholders';
import { renderInline, renderMarkdown } from './render';

/** Renders with holes, then fills every hole with `X<i>`: what an instance would show. */
function rendered(markdown: string, render = renderMarkdown) {
  const placeholders: string[] = [];
  const parts = renderTemplate(markdown, placeholders, render);
  if (typeof parts === 'string') throw new Error(parts);
  return {
    placeholders,
    html: fillTemplate(
      parts,
      placeholders.map((_, i) => `X${i}`),
    ),
  };
}

describe('placeholders', () => {
  it('finds each placeholder of a line, and says when one is not closed or empty', () => {
    expect(placeholdersIn('a {{ n }} b {{n * 2}}')).toEqual([
      { expression: 'n', start: 2, end: 9 },
      { expression: 'n * 2', start: 12, end: 21 },
    ]);
    expect(placeholdersIn('{{ n')).toBe('a placeholder "{{" is not closed by "}}" on the same line');
    expect(placeholdersIn('{{ }}')).toBe('a placeholder "{{ }}" is empty');
  });

  it('keeps placeholders whole through marked, highlight.js and the sanitizer, in every context', () => {
    const cases: [string, string][] = [
      ['python', 'x = {{n}}\nprint("n={{n}}")  # {{n}} times'],
      ['bash', 'for i in $(seq 1 {{n}}); do echo $i > f{{n}}.txt; done'],
      ['java', 'int x = 0x{{h}}; String s = "{{s}}"; // {{n}}'],
      ['sql', "SELECT {{n}}, '{{s}}' FROM t WHERE id = {{n}}1;"],
      ['php', 'static $n = {{n}};'],
      ['ruby', 'range = 1...{{n}}'],
      ['javascript', 'const s = `a{{n}}` + "{{s}}";'],
      ['text', 'rows={{n}} loops={{n}}'],
    ];
    for (const [lang, code] of cases) {
      const { html, placeholders } = rendered(`Before \`{{n}}\` and **{{s}}**.\n\n\`\`\`${lang}\n${code}\n\`\`\``);
      expect(html, lang).not.toMatch(/zqvph|\{\{/);
      const count = (code.match(/\{\{/g) ?? []).length + 2;
      expect(html.match(/X\d/g), lang).toHaveLength(count);
      expect(placeholders.length, lang).toBeLessThanOrEqual(3);
    }
  });

  it('renders options inline and escapes what fills them', () => {
    const placeholders: string[] = [];
    const parts = renderTemplate('`{{a}}` or *{{b}}*', placeholders, renderInline);
    if (typeof parts === 'string') throw new Error(parts);
    expect(fillTemplate(parts, ['<script>', '&'])).toBe('<code>&#60;script&#62;</code> or <em>&#38;</em>');
  });

  it('refuses a literal "{{" that the renderer would show, and reads {{ "{{" }} as its escape', () => {
    expect(renderTemplate('a {\\{b}}', [], renderMarkdown)).toBe(
      'the rendered text holds a literal "{{"; write it as {{ "{{" }}',
    );
    expect(rendered('Helm: `{{ "{{" }} .Values.x }}`').placeholders).toEqual(['"{{"']);
  });
});
