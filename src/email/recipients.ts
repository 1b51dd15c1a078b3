/**
 * Lists of people to invite, as managers paste or upload them: lines like "Ada Lovelace,
 * ada@example.com", "Ada Lovelace <ada@example.com>" or a spreadsheet row pasted with tabs, and
 * CSV files with columns name,email[,extra_minutes]. Parsing and checking are pure: every problem
 * names its line, so a person can fix exactly that line.
 */

import { emailPattern } from './address';

export const maxRecipients = 500;
export const maxExtraMinutes = 600;

export interface RecipientLine {
  /** Where the row came from, for messages: "Line 3" of the pasted list, "CSV line 3" of a file. */
  where: string;
  raw: string;
  name: string;
  email: string;
  /** Only from a CSV column; null means "use the form's default". */
  extraMinutes: string | null;
}

export interface Recipient {
  where: string;
  name: string;
  email: string;
  extraMinutes: number | null;
}

export interface RecipientProblem {
  where: string;
  raw: string;
  /** The part of the line at fault, for a client that points at fields (the JSON API). */
  field: 'name' | 'email' | 'extraMinutes';
  message: string;
}

const looksLikeEmail = (s: string) => s.includes('@');

/** One pasted line into name and email; an address alone leaves the name empty (reported later). */
function splitLine(line: string): { name: string; email: string } {
  const angle = /^(.*)<([^<>]*)>\s*$/.exec(line);
  if (angle) return { name: unquote(angle[1] ?? ''), email: (angle[2] ?? '').trim() };
  const parts = line.includes('\t') ? line.split('\t') : line.split(/[,;]/);
  const cells = parts.map((p) => unquote(p)).filter((p) => p !== '');
  if (cells.length === 1) {
    const only = cells[0] ?? '';
    return looksLikeEmail(only) ? { name: '', email: only } : { name: only, email: '' };
  }
  // "email, name" happens when columns are copied the other way round; accept it when unambiguous.
  const [first = '', second = ''] = cells;
  if (looksLikeEmail(first) && !looksLikeEmail(second)) return { name: second, email: first };
  return { name: first, email: cells.slice(1).join(',') };
}

function unquote(s: string): string {
  return s
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();
}

export function parsePastedList(text: string): RecipientLine[] {
  const out: RecipientLine[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    out.push({ where: `Line ${i + 1}`, raw: raw.trim(), extraMinutes: null, ...splitLine(raw.trim()) });
  });
  return out;
}

/**
 * RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. `separators` are
 * the characters that end a field: comma and semicolon by default (spreadsheets in locales with a
 * decimal comma write semicolons), only the comma for text where a semicolon is prose.
 */
export function csvRecords(text: string, separators = ',;'): { line: number; cells: string[]; raw: string }[] {
  const src = text.replace(/^\uFEFF/, '');
  const records: { line: number; cells: string[]; raw: string }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let startIndex = 0;
  const endRecord = (end: number) => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== ''))
      records.push({ line: startLine, cells, raw: src.slice(startIndex, end).trim() });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch !== undefined && separators.includes(ch)) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      endRecord(i);
      if (ch === '\r' && src[i + 1] === '\n') i++;
      line++;
      startLine = line;
      startIndex = i + 1;
    } else cell += ch;
  }
  endRecord(src.length);
  return records;
}

/**
 * A CSV of name,email[,extra_minutes]. A first row naming an "email" column is a header, and then
 * the columns may come in any order; without a header the order is name, email, extra minutes.
 */
export function parseCsv(text: string): RecipientLine[] {
  const records = csvRecords(text);
  const head =
    records[0]?.cells.map((c) =>
      c
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_'),
    ) ?? [];
  const hasHeader = head.includes('email') || head.includes('e_mail');
  const col = (names: string[], fallback: number) => {
    const found = head.findIndex((h) => names.includes(h));
    return hasHeader ? found : fallback;
  };
  const nameAt = col(['name', 'full_name', 'candidate', 'candidate_name'], 0);
  const emailAt = col(['email', 'e_mail', 'email_address'], 1);
  const extraAt = col(['extra_minutes', 'extra_time', 'extra'], 2);
  return records.slice(hasHeader ? 1 : 0).map((r) => {
    const at = (i: number) => (i >= 0 ? (r.cells[i] ?? '').trim() : '');
    const extra = at(extraAt);
    return {
      where: `CSV line ${r.line}`,
      raw: r.raw,
      name: at(nameAt),
      email: at(emailAt),
      extraMinutes: extra || null,
    };
  });
}

/**
 * Splits parsed lines into people to invite and problems: missing name, bad email, bad extra
 * minutes, the same address twice in the list, or an address already invited (`invited`, lower
 * case). The first good line with an address is kept. A line gets one problem, its first (a
 * person fixes a line at a time), or with `everyProblem` one per wrong field (the API's answers
 * list every field at once).
 */
export function checkRecipients(
  lines: RecipientLine[],
  invited: ReadonlySet<string>,
  opts: { everyProblem?: boolean } = {},
): { people: Recipient[]; problems: RecipientProblem[] } {
  const people: Recipient[] = [];
  const problems: RecipientProblem[] = [];
  const seen = new Map<string, string>();
  for (const line of lines) {
    const email = line.email.toLowerCase();
    const found: Pick<RecipientProblem, 'field' | 'message'>[] = [];
    const problem = (field: RecipientProblem['field'], message: string) => found.push({ field, message });
    if (line.name === '') problem('name', 'the name is missing.');
    else if (line.name.length > 100) problem('name', 'the name is longer than 100 characters.');
    if (line.email === '') problem('email', 'the email address is missing.');
    else if (!emailPattern.test(email) || email.length > 254)
      problem('email', `"${line.email}" is not an email address.`);
    else if (seen.has(email)) problem('email', `${email} appears twice in the list (also on ${seen.get(email)}).`);
    else if (invited.has(email)) problem('email', `${email} is already invited to this assessment.`);
    if (line.extraMinutes !== null && !validMinutes(line.extraMinutes))
      problem(
        'extraMinutes',
        `extra minutes must be a whole number from 0 to ${maxExtraMinutes} (got "${line.extraMinutes}").`,
      );
    for (const p of opts.everyProblem ? found : found.slice(0, 1))
      problems.push({ where: line.where, raw: line.raw, ...p });
    if (found.length === 0) {
      seen.set(email, line.where);
      people.push({
        where: line.where,
        name: line.name,
        email,
        extraMinutes: line.extraMinutes === null ? null : Number(line.extraMinutes),
      });
    }
  }
  return { people, problems };
}

function validMinutes(raw: string): boolean {
  return /^\d{1,4}$/.test(raw) && Number(raw) <= maxExtraMinutes;
}
