/**
 * Larger GIFT files in the styles public course banks are written in: a Moodle export saved on
 * Windows (byte order mark, CRLF, HTML from the editor, escaped attributes), a teacher's
 * hand-written quiz (no titles, Unicode categories and text, `~=` everywhere, a broken brace),
 * and a mix of [markdown], [plain] and [html] with code. Every question must come out either
 * imported, and sound by bank:check's rules, or named with its line as skipped.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileBank } from './compile';
import { bankOf } from './fixtures/gift-bank';
import { importGift, readGift } from './gift';

const fixture = (name: string) => readFileSync(`src/bank/fixtures/realworld/${name}`, 'utf8');

describe.each([
  { name: 'moodle-export.gift', imported: 20, skipped: [117, 124] },
  { name: 'handwritten-unicode.gift', imported: 18, skipped: [83] },
  { name: 'mixed-formats.gift', imported: 13, skipped: [] },
])('$name', ({ name, imported, skipped }) => {
  const text = fixture(name);
  const result = importGift(text, { area: 'demo' });
  const lines = result.topics.flatMap((t) => t.questions.map((q) => q.line));

  it('accounts for every question: imported, or skipped with its line', () => {
    const read = readGift(text);
    const unreadable = read.messages.filter((m) => m.kind === 'skipped').length;
    const skippedLines = [...new Set(result.messages.filter((m) => m.kind === 'skipped').map((m) => m.line))];
    expect(lines).toHaveLength(imported);
    expect(skippedLines).toEqual(skipped);
    expect(lines.length + skippedLines.length).toBe(read.questions.length + unreadable);
    expect(lines.filter((l) => skippedLines.includes(l))).toEqual([]);
  });

  it('writes questions that pass bank:check and compile', async () => {
    const { errors, bank } = await compileBank(bankOf(result.topics));
    expect(errors).toEqual([]);
    expect(bank.questions).toHaveLength(imported);
  });
});

describe('files as real banks store them', () => {
  it('reads a Windows export (BOM, CRLF) exactly as the same file with LF', () => {
    const windows = fixture('moodle-export.gift');
    expect(windows.startsWith('\ufeff')).toBe(true);
    expect(windows).toContain('\r\n');
    const unix = windows.replace(/^\ufeff/, '').replace(/\r\n/g, '\n');
    expect(importGift(windows, { area: 'demo' })).toEqual(importGift(unix, { area: 'demo' }));
    const first = importGift(windows, { area: 'demo' }).topics[0];
    expect(first?.topic).toBe('databases');
    expect(first?.questions[0]).toMatchObject({ id: 'q01-primary-key', line: 6 });
  });

  it('keeps Unicode text, and names topics from Unicode categories', () => {
    const { topics } = importGift(fixture('handwritten-unicode.gift'), { area: 'demo' });
    expect(topics.map((t) => [t.topic, t.title])).toEqual([
      ['base-de-donnees', 'Base de données'],
      ['reseaux', 'Réseaux 🌐'],
      [expect.stringMatching(/^category-[0-9a-f]{8}$/), 'ネットワーク'],
      [expect.stringMatching(/^category-[0-9a-f]{8}$/), 'Ελληνικά'],
    ]);
    const markdown = topics.flatMap((t) => t.questions.map((q) => q.markdown)).join('\n');
    expect(markdown).toContain('HTTP/2 は 1 つの TCP 接続で複数のリクエストを多重化できる。');
    expect(markdown).toContain('- DNS: ✔ Exact.\n- Why not DHCP: ✘ DHCP attribue des adresses.');
    expect(markdown).toContain("Le caractère { s'échappe avec une barre oblique inverse, et \\~ aussi.");
  });

  it('keeps code from [markdown] and [html] text as code blocks', () => {
    const { topics } = importGift(fixture('mixed-formats.gift'), { area: 'demo' });
    const markdown = new Map(topics.flatMap((t) => t.questions.map((q) => [q.id, q.markdown])));
    expect(markdown.get('js-typeof-null')).toContain('```javascript\nconsole.log(typeof null);\n```');
    expect(markdown.get('js-event-loop-order')).toContain(
      "```javascript\nsetTimeout(() => console.log('timeout'), 0);\nPromise.resolve().then(() => console.log('promise'));\nconsole.log('sync');\n```",
    );
    expect(markdown.get('py-default-arg')).toContain(
      '#### Mutable defaults\n\nWhat does the second call return?\n\n```\ndef add(item, bucket=[]):\n    bucket.append(item)\n    return bucket\n\nadd(1)\nadd(2)\n```',
    );
    expect(markdown.get('py-order-steps')).toContain(
      '### Order\n1. Look the name up in `sys.modules`\n2. Find the module with the finders on `sys.meta_path`\n3. Create and execute the module',
    );
  });
});
