/**
 * CSV for spreadsheets, per RFC 4180: fields separated by commas, records by CRLF, a field quoted
 * when it holds a comma, a quote, CR or LF, and quotes inside doubled.
 *
 * Candidate names and answers are typed by strangers, and a spreadsheet runs a cell that starts
 * with = + - @ (or a tab or CR, which some programs strip first) as a formula: "=HYPERLINK(...)"
 * would become a live link in a reviewer's Excel. Such text cells get a leading apostrophe (the
 * OWASP "CSV injection" advice), which spreadsheets show as text. Numbers we produce ourselves are
 * written as numbers, so a negative value stays a number.
 */

export type CsvCell = string | number | boolean | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRecord(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(',');
}

/**
 * A whole file: a header record, then one record per row, each ended by CRLF. It starts with a
 * UTF-8 byte order mark, without which Excel reads UTF-8 as the local code page and mangles
 * names such as "Zoë" (LibreOffice, Numbers and csv libraries skip the mark).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => `${csvRecord(r)}\r\n`).join('')}`;
}

/** "Backend screening (v2)" -> "backend-screening-v2": ASCII for a download's file name. */
export function fileSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'assessment';
}

/** Content-Disposition for a download, e.g. backend-screening-candidates-2026-11-23.csv. */
export function attachmentHeader(title: string, what: string, now: number): string {
  const day = new Date(now).toISOString().slice(0, 10);
  return `attachment; filename="${fileSlug(title)}-${what}-${day}.csv"`;
}
