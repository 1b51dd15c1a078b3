/**
 * GIFT question text to our Markdown. `[markdown]` text is kept as written; `[plain]` text is
 * escaped so it shows as typed; `[html]` and Moodle's default auto-format (HTML passes through,
 * and a line break in the text is a line break on the page) become Markdown: paragraphs,
 * emphasis, code, lists, links and tables carry over. What our pages cannot show (images,
 * embedded players, files Moodle kept beside the text) becomes a link or a visible
 * "not imported" marker, and every such loss is reported through `report`.
 */
import { scanFences } from './fences';
import { type HtmlElement, type HtmlNode, parseHtml, textOf } from './gift-html';
import type { GiftFormat } from './gift-read';
import { isKnownLanguage } from './highlight';
import { giftNotImported } from './warnings';

/** Told about each thing the conversion could not keep as it was. */
export type LossReport = (message: string) => void;

/** Backslash-escapes what Markdown would read as syntax, so text renders exactly as typed. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
    .replace(/^(\s*)([-+=#])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/** Inline code that holds its own backticks needs a longer run around it (CommonMark). */
function codeSpan(code: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return longest > 0 || code.startsWith(' ') ? `${ticks} ${code} ${ticks}` : `${ticks}${code}${ticks}`;
}

const isWebUrl = (url: string) => /^https?:\/\/[^\s<>]+$/i.test(url);
/** A destination Markdown reads whatever it holds: spaces encoded, angle brackets around it. */
const destination = (url: string) => `<${url.trim().replace(/ /g, '%20')}>`;
const fileName = (src: string) => decodeURIComponent(src.split(/[?#]/)[0]?.split('/').pop() ?? '') || src;
const describe = (src: string) =>
  src.startsWith('@@PLUGINFILE@@')
    ? `${fileName(src)} is a file Moodle kept beside the question, which GIFT does not carry`
    : src.startsWith('data:')
      ? 'it is embedded in the text as data, which the bank does not store'
      : `${src} is not an absolute http(s) address`;

// A hard line break while inline text is assembled: Markdown's `\` + newline, `<br>` in a cell.
const hard = '\ue200';

interface Context {
  report: LossReport;
  /** Moodle's auto-format: a newline in the text is a line break. */
  newlines: boolean;
  inTable: boolean;
}

const blockTags = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'center',
  'figure',
  'figcaption',
  'address',
  'details',
  'summary',
  'form',
  'fieldset',
  'dl',
  'dt',
  'dd',
  'ul',
  'ol',
  'table',
  'pre',
  'blockquote',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

const superscripts: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
  '=': '⁼',
  '(': '⁽',
  ')': '⁾',
  n: 'ⁿ',
  i: 'ⁱ',
};
const subscripts: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '+': '₊',
  '-': '₋',
  '=': '₌',
  '(': '₍',
  ')': '₎',
};

/** Text, its white space collapsed as a browser would, escaped; newlines are breaks in auto-format. */
function textMarkdown(text: string, ctx: Context): string {
  const lines = ctx.newlines ? text.split('\n') : [text];
  return lines.map((l) => escapeMarkdown(l.replace(/\s+/g, ' '))).join(hard);
}

/** Emphasis markers hug the text, or Markdown does not read them: ` **x** `, not `** x **`. */
function wrap(inner: string, marker: string): string {
  const [, lead = '', core = '', trail = ''] = /^([\s\ue200]*)([\s\S]*?)([\s\ue200]*)$/.exec(inner) ?? [];
  return core ? `${lead}${marker}${core}${marker}${trail}` : inner;
}

function inline(nodes: readonly HtmlNode[], ctx: Context): string {
  return nodes.map((n) => (typeof n === 'string' ? textMarkdown(n, ctx) : inlineElement(n, ctx))).join('');
}

function inlineElement(el: HtmlElement, ctx: Context): string {
  const { tag, attrs, children } = el;
  switch (tag) {
    case 'br':
      return hard;
    case 'b':
    case 'strong':
      return wrap(inline(children, ctx), '**');
    case 'i':
    case 'em':
    case 'cite':
    case 'var':
      return wrap(inline(children, ctx), '*');
    case 'code':
    case 'kbd':
    case 'tt':
    case 'samp': {
      const code = textOf(children, ' ').replace(/\s+/g, ' ');
      return code.trim() === '' ? '' : codeSpan(code);
    }
    case 'a':
      return link(el, ctx);
    case 'img':
      return media('image', attrs.src ?? '', attrs.alt || attrs.title || '', ctx);
    case 'iframe':
    case 'embed':
    case 'object':
    case 'video':
    case 'audio': {
      const source = children.find((c): c is HtmlElement => typeof c !== 'string' && c.tag === 'source');
      const src = attrs.src ?? attrs.data ?? source?.attrs.src ?? '';
      const kind = tag === 'audio' ? 'audio' : tag === 'video' ? 'video' : 'embedded content';
      return media(kind, src, attrs.title ?? '', ctx);
    }
    case 'sup':
    case 'sub': {
      const text = textOf(children, ' ').trim();
      const table = tag === 'sup' ? superscripts : subscripts;
      if ([...text].every((c) => c in table)) return [...text].map((c) => table[c]).join('');
      const written = `${tag === 'sup' ? '^' : '_'}(${text})`;
      ctx.report(`${tag === 'sup' ? 'superscript' : 'subscript'} "${text}" is written as ${written}`);
      return escapeMarkdown(written);
    }
    case 'script':
    case 'style':
      ctx.report(`a <${tag}> element was dropped`);
      return '';
    case 'input':
    case 'select':
    case 'button':
    case 'textarea':
      ctx.report(`a form field <${tag}> was dropped`);
      return '';
    case 'u':
    case 'ins':
    case 'mark':
    case 's':
    case 'strike':
    case 'del':
      ctx.report(`<${tag}> styling is not kept (its text is): rephrase if the styling carries meaning`);
      return inline(children, ctx);
    case 'span':
    case 'font':
      if (/(?:^|;)\s*(?:color|background)/i.test(attrs.style ?? '') || attrs.color) {
        ctx.report('coloured text is not kept as coloured (its text is): rephrase if the colour carries meaning');
      }
      return inline(children, ctx);
    default:
      if (blockTags.has(tag)) return blocks([el], ctx).join(hard);
      return inline(children, ctx);
  }
}

function link(el: HtmlElement, ctx: Context): string {
  const href = (el.attrs.href ?? '').trim();
  const label = inline(el.children, ctx);
  if (!href || href.startsWith('#')) return label;
  if (!isWebUrl(href)) {
    ctx.report(`a link's target was dropped (${describe(href)}); its text is kept`);
    return label || escapeMarkdown(href);
  }
  // A link holding an image that became a link: Markdown links do not nest, keep the inner one.
  if (label.includes('](')) return label;
  return `[${label.replaceAll(hard, ' ').trim() || escapeMarkdown(href)}](${destination(href)})`;
}

function media(kind: string, src: string, label: string, ctx: Context): string {
  const name = label.trim() || (src ? fileName(src) : kind);
  const capital = kind[0]?.toUpperCase() + kind.slice(1);
  if (isWebUrl(src.trim())) {
    ctx.report(
      `${kind} ${src.trim()} is shown as a link: questions show no ${kind === 'image' ? 'images' : 'players'}`,
    );
    return `[${capital}: ${escapeMarkdown(name)}](${destination(src)})`;
  }
  ctx.report(
    `${kind} "${name}" was not imported (${src ? describe(src) : 'it has no source'}): the marker "${giftNotImported}" in the text shows where it was; add the content another way or rewrite the question`,
  );
  return `\\[${kind} ${giftNotImported}: ${escapeMarkdown(name)}\\]`;
}

/** Inline Markdown assembled, tidied: spaces collapsed, breaks at either end dropped. */
function paragraph(text: string, breakAs: string): string {
  return text
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\ue200 ?/g, hard)
    .replace(/^\ue200+|\ue200+$/g, '')
    .trim()
    .replaceAll(hard, breakAs);
}

function blocks(nodes: readonly HtmlNode[], ctx: Context): string[] {
  const out: string[] = [];
  let pending = '';
  const flush = () => {
    const p = paragraph(pending, ctx.inTable ? hard : '\\\n');
    if (p) out.push(p);
    pending = '';
  };
  for (const node of nodes) {
    if (typeof node !== 'string' && blockTags.has(node.tag)) {
      flush();
      out.push(...block(node, ctx));
    } else {
      pending += typeof node === 'string' ? textMarkdown(node, ctx) : inlineElement(node, ctx);
    }
  }
  flush();
  return out;
}

function block(el: HtmlElement, ctx: Context): string[] {
  const { tag, children } = el;
  if (/^h[1-6]$/.test(tag)) {
    // Our sections are `##` and `###`: a heading in the text starts at `####`.
    const text = paragraph(inline(children, ctx), ' ');
    return text ? [`${'#'.repeat(Math.max(4, Number(tag[1])))} ${text}`] : [];
  }
  switch (tag) {
    case 'hr':
      return [];
    case 'pre':
      return codeBlock(el);
    case 'ul':
    case 'ol':
      return list(el, ctx);
    case 'table':
      return ctx.inTable ? nestedTable(el, ctx) : table(el, ctx);
    case 'blockquote': {
      const inner = blocks(children, ctx).join('\n\n');
      return inner ? [inner.replace(/^/gm, '> ').replace(/^> $/gm, '>')] : [];
    }
    case 'dt':
      return blocks(children, ctx).map((b) => wrap(b, '**'));
    default:
      return blocks(children, ctx);
  }
}

function codeBlock(el: HtmlElement): string[] {
  const code = textOf(el.children).replace(/^\n/, '').replace(/\s+$/, '');
  if (code === '') return [];
  const codeChild = el.children.find((c): c is HtmlElement => typeof c !== 'string' && c.tag === 'code');
  const classes = `${el.attrs.class ?? ''} ${codeChild?.attrs.class ?? ''}`;
  const lang = /(?:^|\s)(?:language|lang)-([\w+#-]+)/.exec(classes)?.[1]?.toLowerCase() ?? '';
  const longest = Math.max(0, ...[...code.matchAll(/`{3,}/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}${lang && isKnownLanguage(lang) ? lang : ''}\n${code}\n${fence}`];
}

function list(el: HtmlElement, ctx: Context): string[] {
  const items = el.children.filter((c): c is HtmlElement => typeof c !== 'string' && c.tag === 'li');
  const start = Number(el.attrs.start ?? '1');
  const lines = items.map((item, i) => {
    const marker = el.tag === 'ol' ? `${(Number.isFinite(start) ? start : 1) + i}.` : '-';
    const content = blocks(item.children, ctx).join('\n');
    const indent = ' '.repeat(marker.length + 1);
    return `${marker} ${content.replace(/\n/g, `\n${indent}`)}`.trimEnd();
  });
  return lines.length ? [lines.join('\n')] : [];
}

const elements = (nodes: readonly HtmlNode[], ...tags: string[]) =>
  nodes.filter((c): c is HtmlElement => typeof c !== 'string' && tags.includes(c.tag));

function rowsOf(table: HtmlElement): HtmlElement[] {
  return table.children.flatMap((c) => {
    if (typeof c === 'string') return [];
    if (c.tag === 'tr') return [c];
    if (c.tag === 'thead' || c.tag === 'tbody' || c.tag === 'tfoot') return elements(c.children, 'tr');
    return [];
  });
}

/** A GFM table; merged cells are split, since Markdown tables cannot merge them. */
function table(el: HtmlElement, ctx: Context): string[] {
  const cellCtx: Context = { ...ctx, inTable: true };
  const grid: string[][] = [];
  let merged = false;
  rowsOf(el).forEach((tr, r) => {
    const row: string[] = grid[r] ?? [];
    grid[r] = row;
    let column = 0;
    for (const cell of elements(tr.children, 'td', 'th')) {
      while (row[column] !== undefined) column++;
      const text = blocks(cell.children, cellCtx)
        .join(hard)
        .replaceAll(hard, '<br>')
        .replace(/(?<!\\)\|/g, '\\|');
      const colspan = Math.max(1, Math.min(50, Number(cell.attrs.colspan ?? '1') || 1));
      const rowspan = Math.max(1, Math.min(500, Number(cell.attrs.rowspan ?? '1') || 1));
      if (colspan > 1 || rowspan > 1) merged = true;
      for (let dc = 0; dc < colspan; dc++) {
        row[column + dc] = dc === 0 ? text : '';
        for (let dr = 1; dr < rowspan; dr++) {
          const below: string[] = grid[r + dr] ?? [];
          grid[r + dr] = below;
          below[column + dc] = '';
        }
      }
      column += colspan;
    }
  });
  const rows = grid.filter((row) => row.length > 0);
  if (rows.length === 0) return [];
  if (merged) ctx.report('a table with merged cells (colspan/rowspan) is written with the cells split');
  const width = Math.max(...rows.map((row) => row.length));
  const line = (row: string[]) =>
    `| ${Array.from({ length: width }, (_, i) => row[i] ?? '').join(' | ')} |`.replace(/ {2,}\|/g, ' |');
  const [head = [], ...body] = rows;
  const caption = elements(el.children, 'caption')[0];
  const title = caption ? paragraph(inline(caption.children, ctx), ' ') : '';
  const markdown = [line(head), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n');
  return title ? [title, markdown] : [markdown];
}

function nestedTable(el: HtmlElement, ctx: Context): string[] {
  ctx.report('a table inside a table cell is flattened to text');
  return rowsOf(el).map((tr) =>
    elements(tr.children, 'td', 'th')
      .map((cell) => paragraph(inline(cell.children, ctx), ' '))
      .join(', '),
  );
}

export function htmlToMarkdown(html: string, options: { report?: LossReport; newlines?: boolean } = {}): string {
  const ctx: Context = { report: options.report ?? (() => {}), newlines: options.newlines ?? false, inTable: false };
  return blocks(parseHtml(html), ctx).join('\n\n').trim();
}

/** Our sections start at `## ` and `### `: headings written in the text move down to `####`. */
export function demoteHeadings(markdown: string): string {
  const lines = markdown.split('\n');
  const { inCode } = scanFences(lines);
  return lines.map((l, i) => (inCode[i] ? l : l.replace(/^#{1,3}(?=[ \t]|$)/, '####'))).join('\n');
}

/** `![alt](src)` renders nothing here (no images): a link when the source is on the web, else a marker. */
function markdownImages(markdown: string, report: LossReport): string {
  const lines = markdown.split('\n');
  const { inCode } = scanFences(lines);
  const ctx: Context = { report, newlines: false, inTable: false };
  return lines
    .map((l, i) =>
      inCode[i]
        ? l
        : l.replace(/!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g, (_, alt: string, src: string) =>
            media('image', src, alt, ctx),
          ),
    )
    .join('\n');
}

export function giftTextToMarkdown(text: string, format: GiftFormat, report: LossReport = () => {}): string {
  if (format === 'markdown') return markdownImages(demoteHeadings(text.trim()), report);
  // Plain text shows as typed, its line breaks included.
  if (format === 'plain') {
    const paragraphs = escapeMarkdown(text.trim()).split(/\n\s*\n/);
    return paragraphs.map((p) => p.replace(/\n/g, '\\\n')).join('\n\n');
  }
  return htmlToMarkdown(text, { report, newlines: format === 'moodle' });
}
