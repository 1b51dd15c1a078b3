/**
 * What a draw needs of one question version (type, difficulty, option ids, a variant's
 * parameters), kept in memory. A question_versions row never changes (an edit writes a new
 * version), and the key carries the version's content hash (sha256 of its source), so an entry
 * names the same content in any database the process opens. What does change (which version is
 * current, whether it is active, its area and topic, its IRT parameters, its exposure) is read
 * on every draw: a retired or edited question is never drawn from here.
 */
import type { DrawItem } from '../engine/draw';
import type { QuestionType } from '../engine/question';
import type { ParameterSpec } from '../engine/variant';
import { boundedCache } from './bounded-cache';

export interface VersionForDraw {
  type: QuestionType;
  difficulty: DrawItem['difficulty'];
  optionIds: string[];
  /** A variant question's parameters, null for a fixed question. */
  variantParameters: ParameterSpec[] | null;
}

export interface VersionId {
  questionId: string;
  version: number;
  contentHash: string;
}

/**
 * Every version of the public bank (636) and of private banks many times over, a few MB at most.
 * A start looks up every drawable question (327 in the bench's three areas), and this map is
 * not expected to fill, so a hit is not reordered.
 */
const cache = boundedCache<VersionForDraw>(20_000, { refreshOnHit: false });

/** A version's key in the in-memory maps: the same content under it in any database. */
export const versionKey = (v: VersionId) => `${v.questionId}@${v.version}#${v.contentHash}`;

export function cachedVersion(v: VersionId): VersionForDraw | undefined {
  return cache.get(versionKey(v));
}

export function rememberVersion(v: VersionId, facts: VersionForDraw): void {
  cache.set(versionKey(v), facts);
}
