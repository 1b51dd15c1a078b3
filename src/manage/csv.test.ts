import { describe, expect, it } from 'vitest';
import { attachmentHeader, csvCell, fileSlug, toCsv } from './csv';

describe('csvCell (RFC 4180 and formula injection)', () => {
  it('quotes fields with commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it('neutralizes text that a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes our own numbers as numbers, negative ones included, and empties for nothing', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(62.5)).toBe('62.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
  });
});

describe('toCsv', () => {
  it('starts with a byte order mark and ends every record with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('\uFEFFa,b\r\n1,"x,y"\r\n');
  });
});

describe('file names', () => {
  it('slugs titles to ASCII and dates the download', () => {
    expect(fileSlug('Zoë’s Backend screening (v2)!')).toBe('zoe-s-backend-screening-v2');
    expect(fileSlug('日本語')).toBe('assessment');
    expect(attachmentHeader('Backend', 'answers', Date.UTC(2026, 0, 2))).toBe(
      'attachment; filename="backend-answers-2026-01-02.csv"',
    );
  });
});
