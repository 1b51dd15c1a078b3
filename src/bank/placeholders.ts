/**
 * Placeholders of a variant question: `{{ expression }}` anywhere in its prompt, options, answer
 * and explanation, one line each. In a variant question every `{{` opens one; a literal pair of
 * braces is written `{{ "{{" }}`.
 *
 * Templates are rendered with the Markdown of the question itself: each placeholder is swapped for
 * a plain word before marked, highlight.js and the sanitizer run (a word survives all three,
 * inside code blocks too), then the words become holes that an instance fills with escaped text.
 */
import type { TemplatePart } from '../engine/variant';

export interface FoundPlaceholder {
  expression: string;
  start: number;
  end: number;
}

/** The placeholders of one line, or the message saying why it cannot be read. */
export function placeholdersIn(text: string): FoundPlaceholder[] | string {
  const found: FoundPlaceholder[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('{{', from);
    if (start < 0) return found;
    const end = text.indexOf('}}', start + 2);
    if (end < 0) return 'a placeholder "{{" is not closed by "}}" on the same line';
    const expression = text.slice(start + 2, end).trim();
    if (expression === '') return 'a placeholder "{{ }}" is empty';
    found.push({ expression, start, end: end + 2 });
    from = end + 2;
  }
}

/** Replaces every placeholder of `text` (already checked) with `replace(expression)`. */
export function replacePlaceholders(text: string, replace: (expression: string) => string): string {
  const found = placeholdersIn(text);
  if (typeof found === 'string') return text;
  let out = '';
  let at = 0;
  for (const p of found) {
    out += text.slice(at, p.start) + replace(p.expression);
    at = p.end;
  }
  return out + text.slice(at);
}

// Letters and digits only, so Markdown, a highlighter and the sanitizer all leave it whole.
const marker = (index: number) => `zqvph${index}zqv`;
const markerPattern = /zqvph(\d+)zqv/g;

/**
 * Renders Markdown holding placeholders into a template: `render` is the bank's own renderer, so
 * an instance looks exactly like a fixed question. `placeholders` is the question's list of
 * expressions, extended with any new one. Returns a message when a placeholder did not survive
 * rendering whole (the highlighter split it, say), which the author fixes by spacing it out.
 */
export function renderTemplate(
  markdown: string,
  placeholders: string[],
  render: (markdown: string) => string,
): TemplatePart[] | string {
  const indexOf = (expression: string) => {
    let index = placeholders.indexOf(expression);
    if (index < 0) index = placeholders.push(expression) - 1;
    return index;
  };
  const used: number[] = [];
  const marked = replacePlaceholders(markdown, (expression) => {
    const index = indexOf(expression);
    used.push(index);
    return marker(index);
  });
  const html = render(marked);
  if (html.includes('{{')) return 'the rendered text holds a literal "{{"; write it as {{ "{{" }}';
  const parts: TemplatePart[] = [];
  let at = 0;
  let seen = 0;
  for (const m of html.matchAll(markerPattern)) {
    parts.push(html.slice(at, m.index), Number(m[1]));
    at = m.index + m[0].length;
    seen++;
  }
  parts.push(html.slice(at));
  if (seen !== used.length) {
    return 'a placeholder was split by the Markdown renderer or the code highlighter; put spaces around it';
  }
  return parts.filter((p) => p !== '');
}
