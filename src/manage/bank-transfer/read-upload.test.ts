import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { maxUnzippedBytes, readUpload } from './read-upload';

const md = (id: string) =>
  `# Topic\n\n## ${id}\ntype: truefalse\ndifficulty: 2\n\nIs ${id} a question?\n\n### Answer\ntrue\n\n### Explanation\nIt is.\n`;
const place = { collection: 'c_ours' };

describe('readUpload', () => {
  it('reads the questions of a zip, leaving out folders, hidden files, macOS forks and other kinds with a note', () => {
    const zip = zipSync({
      'bank/sql.md': strToU8(md('q-one')),
      'bank/.DS_Store': strToU8('x'),
      '__MACOSX/bank/._sql.md': strToU8('x'),
      'bank/area.md': strToU8('---\ntitle: x\n---\n'),
      'bank/picture.png': new Uint8Array([1, 2, 3]),
    });
    const read = readUpload([{ name: 'b.zip', bytes: zip }], place);
    if (!read.ok) throw new Error(read.error);
    expect(read.candidates.map((c) => [c.file, c.line, c.topic])).toEqual([['b.zip:bank/sql.md', 3, 'sql']]);
    expect(read.notes.map((n) => n.file)).toEqual(['b.zip:bank/area.md', 'b.zip:bank/picture.png']);
    expect(read.problems).toEqual([]);
  });

  it('refuses a zip that unpacks to more than the limit before inflating it', () => {
    const bomb = zipSync({ 'a.md': new Uint8Array(maxUnzippedBytes + 1) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    expect(readUpload([{ name: 'bomb.zip', bytes: bomb }], place)).toEqual({
      ok: false,
      error: 'bomb.zip unpacks to more than 16 MB; import its files in smaller parts.',
    });
  });

  it('stops a zip whose header says less than it inflates to, counting what inflating makes', () => {
    const bomb = zipSync({ 'a.md': new Uint8Array(4 * maxUnzippedBytes) }, { level: 9 });
    // Both the local header and the central directory say the entry unpacks to 10 bytes.
    const view = new DataView(bomb.buffer);
    for (let i = 0; i < bomb.length - 4; i++) {
      if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, 10, true);
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 10, true);
    }
    expect(readUpload([{ name: 'liar.zip', bytes: bomb }], place)).toEqual({
      ok: false,
      error: 'liar.zip unpacks to more than 16 MB; import its files in smaller parts.',
    });
  });

  it('reads stored and deflated entries alike, and refuses what is not a zip with a reason', () => {
    const zip = zipSync({ 'a.md': [strToU8(md('q-stored')), { level: 0 }], 'b.md': strToU8(md('q-deflated')) });
    const read = readUpload([{ name: 'two.zip', bytes: zip }], place);
    if (!read.ok) throw new Error(read.error);
    expect(read.candidates.map((c) => c.file)).toEqual(['two.zip:a.md', 'two.zip:b.md']);
    expect(readUpload([{ name: 'x.zip', bytes: strToU8('not a zip at all, just words') }], place)).toMatchObject({
      ok: false,
      error: expect.stringContaining('x.zip is not a zip file this import can read'),
    });
  });

  it('reads a CSV saved with semicolons, as spreadsheets in many languages save it, with its BOM and CRLF', () => {
    const csv =
      '\uFEFFid;type;difficulty;prompt;options;correct;explanation\r\n' +
      'q-semi;single;2;"Which one; really?";"a, b|c";2;Because.\r\n';
    const read = readUpload([{ name: 'excel.csv', bytes: strToU8(csv) }], place);
    if (!read.ok) throw new Error(read.error);
    expect(read.problems).toEqual([]);
    expect(read.candidates[0]?.markdown).toContain('Which one; really?\n\n### Options\n- [ ] a, b\n- [x] c\n');
  });

  it('tells how to give a GIFT file without categories its topic, in words the import page can act on', () => {
    const read = readUpload([{ name: 'quiz.gift', bytes: strToU8('::Sky::The sky is blue{T}\n') }], place);
    expect(read).toMatchObject({
      ok: true,
      problems: [
        {
          file: 'quiz.gift',
          line: 1,
          message:
            'Sky: no topic: choose a topic for the whole import (--topic) or put a $CATEGORY: line before the question',
        },
      ],
    });
    const placed = readUpload([{ name: 'quiz.gift', bytes: strToU8('::Sky::The sky is blue{T}\n') }], {
      ...place,
      topic: 'basics',
    });
    expect(placed).toMatchObject({ ok: true, problems: [], candidates: [{ topic: 'basics' }] });
  });

  it('names a Markdown file without questions, and refuses an upload with nothing in it', () => {
    const read = readUpload(
      [
        { name: 'sql.md', bytes: strToU8(md('q-two')) },
        { name: 'notes.md', bytes: strToU8('# Notes\n\njust prose\n') },
      ],
      place,
    );
    expect(read).toMatchObject({
      ok: true,
      problems: [
        { file: 'notes.md', line: null, message: 'no question found: a question starts with a "## <id>" line' },
      ],
    });
    expect(readUpload([{ name: 'empty.csv', bytes: strToU8('') }], place)).toMatchObject({ ok: false });
  });
});
