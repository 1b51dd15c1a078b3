/**
 * Uploaded files to candidate questions, before any check against the collection: a zip (of any
 * of the other kinds, as the `zip` tool or an export makes it), Markdown topic files in the public
 * bank's format, a Moodle GIFT file (converted by the bank's GIFT import, with its loss reports),
 * or a CSV in the documented layout (src/bank/csv-questions.ts). A question that cannot even be
 * read is a problem naming its file and line; a file that cannot be read at all refuses the whole
 * upload, so nothing is written for it.
 */
import { csvColumns, markdownFromCsvRow, readCsvHeader } from '../../bank/csv-questions';
import { importGift } from '../../bank/gift-import';
import { parseTopicFile } from '../../bank/parse-topic';
import { csvRecords } from '../../email/recipients';
import { unzipAtMost } from './unzip-at-most';

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** A question read from a file: its Markdown block, where it came from, and its topic when the file says. */
export interface ImportCandidate {
  file: string;
  line: number;
  topic: string | null;
  markdown: string;
  /** Whether line numbers inside the Markdown are lines of the file too (Markdown files), or the block was made from a record (GIFT, CSV). */
  linesMatch: boolean;
}

/** Something to tell about the upload; `line` null for the file as a whole. */
export interface ImportMessage {
  file: string;
  line: number | null;
  message: string;
}

export type ReadUpload =
  | { ok: true; candidates: ImportCandidate[]; problems: ImportMessage[]; notes: ImportMessage[] }
  | { ok: false; error: string };

/** Most questions one upload may hold: an import is a request, and every question is checked and written in it. */
export const maxImportQuestions = 500;

/** What a zip may unpack to: far more than any question bank, far less than a zip bomb. */
export const maxUnzippedBytes = 16 * 1024 * 1024;

const kinds = 'a .zip, Markdown (.md), GIFT (.gift or .txt) or CSV (.csv)';

/** Reads every uploaded file; `topic`, when set, is where every question goes (GIFT reads its categories otherwise). */
export function readUpload(
  files: readonly UploadedFile[],
  options: { collection: string; topic?: string },
): ReadUpload {
  const out = { candidates: [] as ImportCandidate[], problems: [] as ImportMessage[], notes: [] as ImportMessage[] };
  if (files.length === 0) return { ok: false, error: `Choose a file to import: ${kinds}.` };
  for (const file of files) {
    const refused = readOne(file, options, out, false);
    if (refused) return { ok: false, error: refused };
  }
  if (out.candidates.length === 0 && out.problems.length === 0)
    return { ok: false, error: 'No question was found in what you uploaded. Nothing was imported.' };
  if (out.candidates.length > maxImportQuestions)
    return {
      ok: false,
      error: `That is ${out.candidates.length} questions; import at most ${maxImportQuestions} at a time. Nothing was imported.`,
    };
  return { ok: true, ...out };
}

type Out = { candidates: ImportCandidate[]; problems: ImportMessage[]; notes: ImportMessage[] };

/** Reads one file into `out`; returns why the whole upload is refused, or null. */
function readOne(
  file: UploadedFile,
  options: { collection: string; topic?: string },
  out: Out,
  inZip: boolean,
): string | null {
  const name = file.name;
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const base = name.split('/').pop() ?? name;
  if (extension === 'zip' && !inZip) return readZip(file, options, out);
  if (!['md', 'markdown', 'gift', 'txt', 'csv'].includes(extension)) {
    if (inZip) {
      out.notes.push({ file: name, line: null, message: 'not a Markdown, GIFT or CSV file: left out' });
      return null;
    }
    return `${name} is not a file this import reads: choose ${kinds}.`;
  }
  const text = utf8(file.bytes);
  if (text === null)
    return `${name} is not UTF-8 text. Save it as UTF-8 (in a spreadsheet: CSV UTF-8) and upload it again.`;
  if (extension === 'csv') return readCsv(name, text, options, out);
  if (extension === 'gift' || extension === 'txt') return readGiftFile(name, text, options, out);
  if (/^(area|readme)\.md$/i.test(base)) {
    out.notes.push({ file: name, line: null, message: 'a collection or read-me file, not a topic: left out' });
    return null;
  }
  const topic = base.replace(/\.(md|markdown)$/i, '');
  const { file: parsed } = parseTopicFile(name, options.collection, topic, text);
  if (parsed.questions.length === 0)
    out.problems.push({
      file: name,
      line: null,
      message: 'no question found: a question starts with a "## <id>" line',
    });
  for (const q of parsed.questions)
    out.candidates.push({ file: name, line: q.line, topic, markdown: q.source, linesMatch: true });
  return null;
}

function readZip(file: UploadedFile, options: { collection: string; topic?: string }, out: Out): string | null {
  let unzipped: ReturnType<typeof unzipAtMost>;
  try {
    // Counted as it inflates, not as the zip declares: a small zip must not unpack into gigabytes.
    unzipped = unzipAtMost(file.bytes, maxUnzippedBytes);
  } catch (error) {
    return `${file.name} is not a zip file this import can read (${error instanceof Error ? error.message : 'unreadable'}). Make it again with your zip tool, or upload the files themselves.`;
  }
  if (!unzipped.ok)
    return `${file.name} unpacks to more than ${maxUnzippedBytes / 1024 / 1024} MB; import its files in smaller parts.`;
  const entries = unzipped.files;
  const names = Object.keys(entries)
    // Folders, macOS resource forks and hidden files are not questions.
    .filter((n) => !n.endsWith('/') && !n.startsWith('__MACOSX/') && !n.split('/').some((part) => part.startsWith('.')))
    .sort();
  if (names.length === 0) return `${file.name} holds no files.`;
  for (const name of names) {
    const refused = readOne(
      { name: `${file.name}:${name}`, bytes: entries[name] ?? new Uint8Array() },
      options,
      out,
      true,
    );
    if (refused) return refused;
  }
  return null;
}

function readGiftFile(name: string, text: string, options: { collection: string; topic?: string }, out: Out): null {
  const read = importGift(text, { area: options.collection, topic: options.topic });
  for (const m of read.messages) {
    const said = `${m.question ? `${m.question}: ` : ''}${m.message}`;
    if (m.kind === 'skipped') out.problems.push({ file: name, line: m.line, message: said });
    else out.notes.push({ file: name, line: m.line, message: said });
  }
  for (const topic of read.topics)
    for (const q of topic.questions)
      out.candidates.push({ file: name, line: q.line, topic: topic.topic, markdown: q.markdown, linesMatch: false });
  return null;
}

function readCsv(name: string, text: string, options: { topic?: string }, out: Out): string | null {
  // Spreadsheets set to many languages (German, French...) save "CSV" with semicolons: the header
  // row, whose column names hold neither, says which one this file uses.
  const headerLine = /^[^\r\n]*/.exec(text)?.[0] ?? '';
  const separator = headerLine.includes(';') && !headerLine.includes(',') ? ';' : ',';
  const [header, ...records] = csvRecords(text, separator);
  if (!header) return `${name} is empty: a CSV starts with a header row naming its columns (${csvColumns.join(', ')}).`;
  const { columns, missing, unknown } = readCsvHeader(header.cells);
  if (missing.length > 0)
    return `${name}: the header row (line ${header.line}) has no ${missing.join(', ')} column. The first row names the columns: ${csvColumns.join(', ')}.`;
  if (unknown.length > 0)
    out.notes.push({ file: name, line: header.line, message: `columns left out: ${unknown.join(', ')}` });
  for (const record of records) {
    const row: Record<string, string> = {};
    columns.forEach((column, i) => {
      // A spreadsheet guard: our own export writes '=... for a cell starting with = + - @ (CSV injection).
      if (column) row[column] = (record.cells[i] ?? '').replace(/^'(?=[=+\-@\t\r])/, '');
    });
    const fallback = `${(options.topic ?? row.topic ?? '') || 'question'}-line-${record.line}`
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-');
    const made = markdownFromCsvRow(row, fallback);
    if (!made.ok) {
      for (const message of made.errors) out.problems.push({ file: name, line: record.line, message });
      continue;
    }
    out.candidates.push({
      file: name,
      line: record.line,
      topic: made.topic || null,
      markdown: made.markdown,
      linesMatch: false,
    });
  }
  return null;
}

/** UTF-8 text without its byte order mark; null when the bytes are not UTF-8. */
function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}
