/**
 * The organization's bank as files, in the three formats the import reads: a zip with a folder of
 * Markdown per collection (area.md and one file per topic, the public bank's layout), one Moodle
 * GIFT file (the bank's GIFT export, categories skillcheck/<collection>/<topic>), or one CSV in
 * the documented layout. Every question but the retired ones, at its current version, drafts
 * included. CSV cannot hold code, SQL or variant questions: they are left out of it and named in
 * the result, for the page to say (Markdown and GIFT carry them as their formats allow).
 */
import { strToU8, zipSync } from 'fflate';
import { csvColumns, csvRowOf } from '../../bank/csv-questions';
import { exportGift } from '../../bank/gift-export';
import { compileQuestionMarkdown } from '../../bank/question-markdown';
import type { SourceQuestion } from '../../bank/types';
import { bankQuestionsForTransfer } from '../../db/bank-transfer';
import type { Db } from '../../db/client';
import { listCollections } from '../../db/collections';
import { fileSlug, toCsv } from '../csv';

export const exportFormats = ['zip', 'gift', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface BankExport {
  fileName: string;
  contentType: string;
  body: Uint8Array;
  questions: number;
  /** Questions the format could not hold, with why. */
  leftOut: { id: string; reason: string }[];
}

interface Folder {
  collection: Awaited<ReturnType<typeof listCollections>>[number];
  name: string;
  questions: { source: SourceQuestion; markdown: string }[];
}

export async function exportBank(
  db: Db,
  input: { orgId: string; orgName: string; format: ExportFormat; collectionId?: string; now: number },
): Promise<BankExport> {
  const collections = (await listCollections(db, input.orgId)).filter(
    (c) => input.collectionId === undefined || c.id === input.collectionId,
  );
  const folders = new Map<string, Folder>();
  const taken = new Set<string>();
  for (const collection of collections) {
    let name = fileSlug(collection.title);
    for (let n = 2; taken.has(name); n++) name = `${fileSlug(collection.title)}-${n}`;
    taken.add(name);
    folders.set(collection.id, { collection, name, questions: [] });
  }
  const leftOut: BankExport['leftOut'] = [];
  for (const row of await bankQuestionsForTransfer(db, input.orgId, input.collectionId)) {
    const folder = folders.get(row.collectionId);
    if (!folder) continue;
    const markdown = row.sourceText ?? '';
    const read = await compileQuestionMarkdown(markdown, {
      area: folder.name,
      topic: row.topic,
      file: `${folder.name}/${row.topic}.md`,
    });
    if (!read.ok) {
      leftOut.push({
        id: row.id,
        reason: 'its text no longer passes the checks: open it in the bank and save it again',
      });
      continue;
    }
    folder.questions.push({ source: read.source, markdown });
  }
  const all = [...folders.values()];
  const count = all.reduce((n, f) => n + f.questions.length, 0);
  const base = `${fileSlug(input.orgName)}-questions-${new Date(input.now).toISOString().slice(0, 10)}`;

  if (input.format === 'zip') {
    const files: Record<string, Uint8Array> = {};
    for (const folder of all) {
      files[`${folder.name}/area.md`] = strToU8(areaFile(folder.collection));
      for (const topic of folder.collection.topics) {
        const blocks = folder.questions.filter((q) => q.source.topic === topic.id).map((q) => q.markdown.trimEnd());
        if (blocks.length > 0)
          files[`${folder.name}/${topic.id}.md`] = strToU8(`# ${topic.title}\n\n${blocks.join('\n\n')}\n`);
      }
    }
    return {
      fileName: `${base}.zip`,
      contentType: 'application/zip',
      body: zipSync(files, { level: 6, mtime: new Date(input.now) }),
      questions: count,
      leftOut,
    };
  }
  const sources = all.flatMap((f) => f.questions.map((q) => q.source));
  if (input.format === 'gift') {
    return {
      fileName: `${base}.gift`,
      contentType: 'text/plain; charset=utf-8',
      body: strToU8(exportGift(sources).text),
      questions: count,
      leftOut,
    };
  }
  const rows: string[][] = [];
  for (const source of sources) {
    const row = csvRowOf(source);
    if (row.ok) rows.push(row.cells);
    else leftOut.push({ id: source.id, reason: row.reason });
  }
  return {
    fileName: `${base}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: strToU8(toCsv(csvColumns, rows)),
    questions: rows.length,
    leftOut,
  };
}

/** A collection's area.md, as the public bank writes one (the import reads topics from file names and leaves it out). */
function areaFile(c: Folder['collection']): string {
  const topics = c.topics.map((t) => `- \`${t.id}\`: ${t.title}${t.docsUrl ? ` | ${t.docsUrl}` : ''}`);
  return ['---', `title: ${c.title}`, `summary: ${c.summary}`, '---', '', '## Topics', '', ...topics, ''].join('\n');
}
