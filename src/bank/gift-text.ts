/**
 * GIFT question text to our Markdown. `[markdown]` text is kept as written; `[plain]` text is
 * escaped so it shows as typed; `[html]` and Moodle's default auto-format (which passes HTML
 * through) get a small HTML-to-Markdown pass: the tags a question usually holds become
 * Markdown, other tags are dropped, entities are decoded and the text is escaped.
 */
import { scanFences } from './fences';
import type { GiftFormat } from './gift-read';

/** Backslash-escapes what Markdown would read as syntax, so text renders exactly as typed. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
    .replace(/^(\s*)([-+=#])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/** Inline code that holds its own backticks needs a longer run around it (CommonMark). */
function codeSpan(code: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return longest > 0 ? `${ticks} ${code} ${ticks}` : `${ticks}${code}${ticks}`;
}

const inlineTags: Record<string, string> = { b: '**', strong: '**', i: '*', em: '*' };

export function htmlToMarkdown(html: string): string {
  let out = '';
  const pattern = /<pre[^>]*>([\s\S]*?)<\/pre>|<code[^>]*>([\s\S]*?)<\/code>|<(\/?)([a-z][a-z0-9]*)[^>]*>|([^<]+|<)/gi;
  for (const m of html.matchAll(pattern)) {
    const [, pre, code, closing, tag, text] = m;
    if (pre !== undefined) {
      const body = decodeEntities(pre.replace(/<[^>]+>/g, '')).replace(/^\n|\n$/g, '');
      out += `\n\n\`\`\`\n${body}\n\`\`\`\n\n`;
    } else if (code !== undefined) {
      out += codeSpan(decodeEntities(code.replace(/<[^>]+>/g, '')));
    } else if (tag !== undefined) {
      const name = tag.toLowerCase();
      if (name in inlineTags) out += inlineTags[name];
      else if (name === 'br') out += '\n';
      else if (name === 'p' || name === 'div' || name === 'ul' || name === 'ol') out += '\n\n';
      else if (name === 'li' && !closing) out += '\n- ';
    } else if (text !== undefined) {
      out += escapeMarkdown(decodeEntities(text));
    }
  }
  return out.replace(/\n{3,}/g, '\n\n').trim();
}

/** Our sections start at `## ` and `### `: headings written in the text move down to `####`. */
export function demoteHeadings(markdown: string): string {
  const lines = markdown.split('\n');
  const { inCode } = scanFences(lines);
  return lines.map((l, i) => (inCode[i] ? l : l.replace(/^#{1,3}(?=[ \t]|$)/, '####'))).join('\n');
}

export function giftTextToMarkdown(text: string, format: GiftFormat): string {
  if (format === 'markdown') return demoteHeadings(text.trim());
  if (format === 'plain') return escapeMarkdown(text.trim());
  return demoteHeadings(htmlToMarkdown(text));
}
