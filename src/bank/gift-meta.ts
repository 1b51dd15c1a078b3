/**
 * What a GIFT question carries besides its text, in comment lines Moodle reads or ignores.
 * Moodle itself reads `// [id:...] [tag:...]` as the question's idnumber and tags (and writes
 * them when it exports), so id and tags travel that way. Difficulty, time weight and reference,
 * which Moodle has no place for, travel in a `// skillcheck: difficulty=3 time=1.5 ref=<url>` line
 * that Moodle skips as a comment. Export writes both; import reads both.
 */
import { isQuestionType, type QuestionType, questionTypes } from '../question-types/rules';
import { sourceFor } from '../question-types/source';
import type { SourceQuestion } from './types';

export interface SkillcheckMeta {
  difficulty: number | null;
  timeWeight: number | null;
  ref: string | null;
  /** The type a question written as another GIFT type stands for (ordering, written as matching). */
  type: QuestionType | null;
}

const prefix = 'skillcheck:';
/** The types GIFT does not have: written as another type, they name themselves in the comment. */
const namedTypes = questionTypes.filter((t) => sourceFor(t).gift.writtenAs !== null);
const moodleEscape = (text: string) => text.replace(/]/g, '\\]');

/** The comment lines that go before a question in GIFT, without the `// `. */
export function metadataComments(q: SourceQuestion): string[] {
  const moodle = [`[id:${moodleEscape(q.id)}]`, ...q.tags.map((t) => `[tag:${moodleEscape(t)}]`)].join(' ');
  const ours = [
    prefix,
    `difficulty=${q.difficulty}`,
    q.timeWeight !== 1 ? `time=${q.timeWeight}` : '',
    q.ref ? `ref=${q.ref}` : '',
    namedTypes.includes(q.type) ? `type=${q.type}` : '',
  ].filter((part) => part !== '');
  return [moodle, ours.join(' ')];
}

/**
 * Reads the `skillcheck:` comment line, if any. Values that do not fit are left out and named in
 * `problems`, so a hand-edited line cannot put a bad header into the bank.
 */
export function readMetadata(comments: readonly string[]): { meta: SkillcheckMeta | null; problems: string[] } {
  const line = comments.find((c) => c.startsWith(prefix));
  if (line === undefined) return { meta: null, problems: [] };
  const meta: SkillcheckMeta = { difficulty: null, timeWeight: null, ref: null, type: null };
  const problems: string[] = [];
  for (const token of line.slice(prefix.length).trim().split(/\s+/)) {
    if (token === '') continue;
    const eq = token.indexOf('=');
    const key = eq === -1 ? token : token.slice(0, eq);
    const value = eq === -1 ? '' : token.slice(eq + 1);
    if (key === 'difficulty' && /^[1-5]$/.test(value)) meta.difficulty = Number(value);
    else if (key === 'time' && Number(value) >= 0.5 && Number(value) <= 3) meta.timeWeight = Number(value);
    else if (key === 'ref' && /^https?:\/\/\S+$/.test(value)) meta.ref = value;
    else if (key === 'type' && isQuestionType(value) && namedTypes.includes(value)) meta.type = value;
    else
      problems.push(
        `"${token}" in the skillcheck: comment is not difficulty=1..5, time=0.5..3, ref=<url> or type=${namedTypes.join('|')}, ignored`,
      );
  }
  return { meta, problems };
}
