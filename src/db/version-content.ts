/**
 * What the test page shows of one question version (type, prompt HTML, options, key, variant
 * spec), kept in memory: a question_versions row never changes (an edit writes a new version)
 * and the key carries the version's content hash, so an entry names the same content in any
 * database the process opens. An attempt names the version it drew, so an attempt started before
 * an edit keeps being shown its own version. The key stays on the server: the page takes only
 * what questionViewOf passes on (a code question's visible examples).
 */
import { and, eq } from 'drizzle-orm';
import type { AnswerKey, QuestionOption, QuestionType } from '../engine/question';
import { boundedCache } from './bounded-cache';
import type { Db } from './client';
import { questionVersions } from './schema';
import { type VersionId, versionKey } from './version-cache';

export interface VersionContent {
  type: QuestionType;
  promptHtml: string;
  options: QuestionOption[];
  answerKey: AnswerKey;
  /** A variant question's spec (templates filled per attempt), else null. */
  variantSpec: Record<string, unknown> | null;
}

/** A prompt is a few KB of highlighted HTML: 2,000 versions (the public bank three times over) stay near 10 MB. */
const cache = boundedCache<VersionContent>(2_000);

export async function versionContent(db: Db, v: VersionId): Promise<VersionContent | null> {
  const hit = cache.get(versionKey(v));
  if (hit) return hit;
  const [row] = await db
    .select({
      type: questionVersions.type,
      promptHtml: questionVersions.promptHtml,
      options: questionVersions.options,
      answerKey: questionVersions.answerKey,
      variantSpec: questionVersions.variant,
      contentHash: questionVersions.contentHash,
    })
    .from(questionVersions)
    .where(and(eq(questionVersions.questionId, v.questionId), eq(questionVersions.version, v.version)));
  if (!row) return null;
  const { contentHash, ...content } = row;
  const held = { ...content, type: content.type as QuestionType };
  // Remembered under the hash the row really has, so a caller's wrong hash cannot plant content.
  cache.set(versionKey({ ...v, contentHash }), held);
  return held;
}
