/**
 * Imports what readUpload found into one collection: each question is placed in a topic of the
 * collection and saved as a draft through the private bank's own save (the same checks and
 * messages as bank:check, event 'imported'). A question with a problem is reported with its file
 * and line and nothing is written for it; one the collection already holds word for word is
 * skipped, so importing an export twice changes nothing.
 */
import { normalizeNewlines } from '../../bank/hash';
import { bankQuestionsForTransfer } from '../../db/bank-transfer';
import type { Db } from '../../db/client';
import { saveQuestionDraft } from '../../db/private-bank';
import type { Grade } from '../../grading/types';
import type { ImportCandidate, ImportMessage } from './read-upload';

export interface ImportSummary {
  created: { id: string; file: string; line: number }[];
  /** Questions the collection already held, word for word. */
  unchanged: number;
  problems: ImportMessage[];
  notes: ImportMessage[];
}

const sameText = (text: string) =>
  normalizeNewlines(text)
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();

export async function importCandidates(
  db: Db,
  input: {
    orgId: string;
    /** The member importing; null for the command line. */
    actorId: string | null;
    collection: { id: string; title: string; topics: { id: string }[] };
    /** Every question goes to this topic when set; otherwise each file names its own. */
    topic?: string;
    candidates: readonly ImportCandidate[];
    problems: readonly ImportMessage[];
    notes: readonly ImportMessage[];
    /** Runs code and SQL questions' solutions as bank:check does (see saveQuestionDraft). */
    grade?: Grade;
    now: number;
  },
): Promise<ImportSummary> {
  const summary: ImportSummary = { created: [], unchanged: 0, problems: [...input.problems], notes: [...input.notes] };
  const held = new Set(
    (await bankQuestionsForTransfer(db, input.orgId, input.collection.id)).map((q) => sameText(q.sourceText ?? '')),
  );
  const topics = input.collection.topics.map((t) => t.id);
  for (const candidate of input.candidates) {
    const at = { file: candidate.file, line: candidate.line };
    const topic = input.topic ?? candidate.topic;
    if (!topic || !topics.includes(topic)) {
      summary.problems.push({
        ...at,
        message: `${topic ? `topic "${topic}" is not` : 'no topic given: choose'} one of the topics of "${input.collection.title}" (${topics.join(', ')}); add it to the collection, or choose a topic for the whole import`,
      });
      continue;
    }
    if (held.has(sameText(candidate.markdown))) {
      summary.unchanged++;
      continue;
    }
    const saved = await saveQuestionDraft(db, {
      orgId: input.orgId,
      collectionId: input.collection.id,
      topic,
      actorId: input.actorId,
      markdown: candidate.markdown,
      createdAs: 'imported',
      grade: input.grade,
      now: input.now,
    });
    if (!saved.ok) {
      for (const e of saved.errors)
        summary.problems.push({
          file: candidate.file,
          // Markdown files: the error's own line; a block made from a GIFT or CSV record: the record's.
          line: candidate.linesMatch && e.line !== undefined ? candidate.line + e.line - 1 : candidate.line,
          message: e.message,
        });
      continue;
    }
    held.add(sameText(candidate.markdown));
    summary.created.push({ id: saved.questionId, ...at });
  }
  const order = (a: ImportMessage, b: ImportMessage) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0);
  summary.problems.sort(order);
  summary.notes.sort(order);
  return summary;
}
