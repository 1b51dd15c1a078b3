/**
 * Markdown to safe HTML, done once when the bank is compiled so pages only print stored HTML.
 * marked renders, highlight.js colours fenced code by the fence's language (never guessed), and
 * sanitize-html keeps a strict allow-list: no raw HTML from a question survives unless allowed.
 */
import { Marked, type Token } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { highlight, isKnownLanguage } from './highlight';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

const marked = new Marked({
  gfm: true,
  renderer: {
    code({ text, lang }) {
      const language = (lang ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
      if (language && isKnownLanguage(language)) {
        return `<pre><code class="hljs language-${escapeHtml(language)}">${highlight(text, language)}</code></pre>\n`;
      }
      return `<pre><code class="hljs">${escapeHtml(text)}</code></pre>\n`;
    },
  },
});

export const allowedTags = [
  'p',
  'code',
  'pre',
  'span',
  'em',
  'strong',
  'ul',
  'ol',
  'li',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'blockquote',
  'br',
  'h4',
  'h5',
  'h6',
  'kbd',
];

const isWebUrl = (href: string) => /^https?:\/\/\S+$/i.test(href);

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags,
  allowedAttributes: {
    a: ['href', 'rel'],
    span: ['class'],
    code: ['class'],
    ol: ['start'],
    th: [{ name: 'align', values: ['left', 'center', 'right'] }],
    td: [{ name: 'align', values: ['left', 'center', 'right'] }],
  },
  // highlight.js emits `hljs-keyword`, and a few modifiers ending in `_` (`hljs-title function_`).
  allowedClasses: { span: ['hljs-*', '*_'], code: ['hljs', 'language-*'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Only absolute http(s) links stay links; relative, mailto: or javascript: ones become text.
    a: (_tagName, attribs): sanitizeHtml.Tag => {
      const href = attribs.href?.trim() ?? '';
      if (!isWebUrl(href)) return { tagName: 'span', attribs: {} };
      return { tagName: 'a', attribs: { href, rel: 'noopener noreferrer' } };
    },
  },
};

export function sanitize(html: string): string {
  return sanitizeHtml(html, sanitizeOptions);
}

/** Block Markdown (a prompt, an explanation, an area description) to sanitized HTML. */
export function renderMarkdown(markdown: string): string {
  return sanitize(marked.parse(markdown, { async: false })).trim();
}

/** Inline Markdown (an option, an ordering item) to sanitized HTML, without a wrapping <p>. */
export function renderInline(markdown: string): string {
  return sanitize(marked.parseInline(markdown, { async: false })).trim();
}

/**
 * Raw HTML tags in the Markdown that the sanitizer would drop (with their contents, for
 * <script>), so the checker can say so: a `<script>` meant as text belongs in backticks.
 * Comments are left alone; they are notes to authors.
 */
export function findDroppedHtml(markdown: string, inline = false): string[] {
  const tokens = inline ? marked.Lexer.lexInline(markdown, marked.defaults) : marked.lexer(markdown);
  const found = new Set<string>();
  marked.walkTokens(tokens, (token: Token) => {
    if (token.type !== 'html') return;
    for (const m of String(token.raw).matchAll(/<\/?([A-Za-z][A-Za-z0-9-]*)/g)) {
      const tag = (m[1] ?? '').toLowerCase();
      if (!allowedTags.includes(tag)) found.add(`<${tag}>`);
    }
  });
  return [...found];
}
