/**
 * A forgiving HTML reader for the question text found in GIFT files: Moodle's editors write
 * fragments (`<p>`, `<table>`, `<img>`, `<a>`), often with unclosed `<p>` or `<li>`. It builds a
 * small tree so tables, lists and links can become Markdown. Comments, `<script>` and `<style>`
 * contents never reach the text. Not a full HTML5 parser: enough for question text.
 */

export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}

export type HtmlNode = HtmlElement | string;

const voidTags = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const rawTextTags = new Set(['script', 'style', 'textarea', 'title']);

/** An open tag of this name closes the nearest open one of the same name, up to its container. */
const autoClose: Record<string, string[]> = {
  p: ['div', 'td', 'th', 'li', 'blockquote', 'body'],
  li: ['ul', 'ol'],
  tr: ['table', 'thead', 'tbody', 'tfoot'],
  td: ['tr', 'table'],
  th: ['tr', 'table'],
  dt: ['dl'],
  dd: ['dl'],
};
const blockTags = new Set(['div', 'ul', 'ol', 'table', 'pre', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const named: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  shy: '',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  plusmn: '±',
  times: '×',
  divide: '÷',
  minus: '−',
  le: '≤',
  ge: '≥',
  ne: '≠',
  asymp: '≈',
  infin: '∞',
  sum: '∑',
  radic: '√',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  harr: '↔',
  rArr: '⇒',
  lArr: '⇐',
  hArr: '⇔',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  micro: 'µ',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  sup2: '²',
  sup3: '³',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  lambda: 'λ',
  mu: 'μ',
  pi: 'π',
  sigma: 'σ',
  theta: 'θ',
  omega: 'ω',
  Delta: 'Δ',
  Sigma: 'Σ',
  Omega: 'Ω',
  iexcl: '¡',
  iquest: '¿',
  agrave: 'à',
  aacute: 'á',
  acirc: 'â',
  atilde: 'ã',
  auml: 'ä',
  aring: 'å',
  aelig: 'æ',
  ccedil: 'ç',
  egrave: 'è',
  eacute: 'é',
  ecirc: 'ê',
  euml: 'ë',
  igrave: 'ì',
  iacute: 'í',
  icirc: 'î',
  iuml: 'ï',
  ntilde: 'ñ',
  ograve: 'ò',
  oacute: 'ó',
  ocirc: 'ô',
  otilde: 'õ',
  ouml: 'ö',
  oslash: 'ø',
  ugrave: 'ù',
  uacute: 'ú',
  ucirc: 'û',
  uuml: 'ü',
  yacute: 'ý',
  yuml: 'ÿ',
  szlig: 'ß',
  Agrave: 'À',
  Aacute: 'Á',
  Acirc: 'Â',
  Auml: 'Ä',
  Ccedil: 'Ç',
  Egrave: 'È',
  Eacute: 'É',
  Ecirc: 'Ê',
  Iacute: 'Í',
  Ntilde: 'Ñ',
  Oacute: 'Ó',
  Ouml: 'Ö',
  Uacute: 'Ú',
  Uuml: 'Ü',
};

/** Named (the common ones), decimal and hex character references; unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[name] ?? named[name.toLowerCase()] ?? whole;
  });
}

function readAttributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of text.matchAll(/([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    const name = (m[1] ?? '').toLowerCase();
    if (!(name in attrs)) attrs[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** Parses a fragment into a tree. Stray closing tags are ignored; open ones close at the end. */
export function parseHtml(html: string): HtmlNode[] {
  const root: HtmlElement = { tag: '#root', attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  const top = () => stack[stack.length - 1] ?? root;
  const pattern =
    /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<![^>]*>|<\?[^>]*>|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let at = 0;
  const text = (t: string) => {
    if (t !== '') top().children.push(decodeEntities(t));
  };
  for (let m = pattern.exec(html); m !== null; m = pattern.exec(html)) {
    text(html.slice(at, m.index));
    at = m.index + m[0].length;
    const [, cdata, closing, rawTag, rawAttrs = ''] = m;
    if (cdata !== undefined) top().children.push(cdata);
    if (rawTag === undefined) continue; // a comment, doctype or processing instruction
    const tag = rawTag.toLowerCase();
    if (closing) {
      const open = stack.map((e) => e.tag).lastIndexOf(tag);
      if (open > 0) stack.length = open;
      continue;
    }
    const containers = autoClose[tag];
    if (containers) {
      for (let i = stack.length - 1; i > 0; i--) {
        const name = stack[i]?.tag ?? '';
        if (containers.includes(name)) break;
        if (name === tag) {
          stack.length = i;
          break;
        }
      }
    }
    // A block opening inside an open <p> ends the paragraph, as browsers do.
    if (blockTags.has(tag) && top().tag === 'p') stack.pop();
    const element: HtmlElement = { tag, attrs: readAttributes(rawAttrs), children: [] };
    top().children.push(element);
    if (rawTextTags.has(tag)) {
      // Everything up to the closing tag is text, never markup (a script's `<` compares).
      const end = html.toLowerCase().indexOf(`</${tag}`, at);
      const after = end === -1 ? -1 : html.indexOf('>', end);
      element.children.push(html.slice(at, end === -1 ? html.length : end));
      at = after === -1 ? html.length : after + 1;
      pattern.lastIndex = at;
      continue;
    }
    if (!voidTags.has(tag) && !rawAttrs.trimEnd().endsWith('/')) stack.push(element);
  }
  text(html.slice(at));
  return root.children;
}

/** The text of a subtree, tags dropped (for `<pre>`, `<code>` and link labels). */
export function textOf(nodes: readonly HtmlNode[], br = '\n'): string {
  return nodes
    .map((n) => {
      if (typeof n === 'string') return n;
      if (n.tag === 'br') return br;
      if (n.tag === 'script' || n.tag === 'style') return '';
      const inner = textOf(n.children, br);
      return n.tag === 'p' || n.tag === 'div' || n.tag === 'li' || n.tag === 'tr' ? `${inner}\n` : inner;
    })
    .join('');
}
