/**
 * Why an assessment saved earlier cannot draw its questions now, in words a manager can act on:
 * the bank changed under it (a pinned question retired or sent back to draft, a source with fewer
 * active questions than each candidate gets). Candidates would be refused at the start (409), so
 * the pool page and the assessment's page say it first. The engine's own check (validateBlueprint,
 * what the draw runs) decides whether there is a problem; drawProblems only words it (pure), and
 * drawProblemsOf reads what it needs: the pool the draw would see and the pinned questions.
 * A pinned question is named as the bank lists it (the first words of its prompt and its short
 * id, linking to its page there), never by its internal id alone.
 */
import { type PinnedQuestion, pinnedQuestionsOf, sourceTitles } from '../db/blueprint-sources';
import type { Db } from '../db/client';
import { blueprintPool } from '../db/pool';
import { type Blueprint, validateBlueprint } from '../engine/blueprint';
import { countByArea, pinnedSourcesOf } from '../engine/draw';
import type { ItemForDraw } from '../engine/question';
import type { QuestionStatus } from '../engine/question-status';
import { type QuestionName, questionName } from './bank-question';

const pinnedWhy: Record<QuestionStatus, string> = {
  retired: 'was retired',
  draft: 'is back in draft',
  review: 'is in review',
  active: 'cannot be drawn',
};

/** One reason candidates cannot start; the view writes "The pinned question <name>" before `text` when `question` is set. */
export interface DrawProblem {
  /** The pinned question it is about, as the bank names it; null for a source's problem. */
  question: QuestionName | null;
  text: string;
}

/**
 * The problems of `blueprint` against the questions the draw would see (`pool`), each naming the
 * question or source and what to do; empty when the draw can honour the blueprint. `pinnedSeen`
 * holds the pinned questions the organization may see, `titles` the sources' titles.
 */
export function drawProblems(
  blueprint: Blueprint,
  pool: readonly ItemForDraw[],
  pinnedSeen: Readonly<Record<string, PinnedQuestion>>,
  titles: Readonly<Record<string, string>>,
): DrawProblem[] {
  const pinned = blueprint.pinned ?? [];
  const counts = countByArea(pool);
  const engine = validateBlueprint(blueprint, counts, pinnedSourcesOf(pool, pinned));
  if (engine.length === 0) return [];
  const drawable = new Set(pool.map((q) => q.id));
  const worded: DrawProblem[] = [];
  for (const id of pinned.filter((id) => !drawable.has(id))) {
    const q = pinnedSeen[id];
    const why = q ? pinnedWhy[q.status] : 'is no longer in the bank';
    worded.push({
      question: questionName(id, q),
      text: `${why}, so no candidate can start: remove it from “Always ask these” (Edit), or make it active again in the question bank.`,
    });
  }
  for (const section of blueprint.sections) {
    const available = counts[section.area] ?? 0;
    if (available >= section.count) continue;
    const title = titles[section.area] ?? section.area;
    worded.push({
      question: null,
      text: `${title} has ${available} active ${available === 1 ? 'question' : 'questions'} now and each candidate gets ${section.count}, so no candidate can start: lower the count (Edit), or activate more questions.`,
    });
  }
  // Anything the engine refuses that is not worded above is shown as the engine says it.
  return worded.length > 0 ? worded : engine.map((text) => ({ question: null, text }));
}

/** An assessment's draw problems now, from the organization's current bank. */
export async function drawProblemsOf(
  db: Db,
  assessment: { orgId: string; blueprint: Blueprint },
): Promise<DrawProblem[]> {
  const { orgId, blueprint } = assessment;
  const [pool, pinnedSeen, titles] = await Promise.all([
    blueprintPool(db, orgId, blueprint),
    pinnedQuestionsOf(db, orgId, blueprint.pinned ?? []),
    sourceTitles(
      db,
      orgId,
      blueprint.sections.map((s) => s.area),
    ),
  ]);
  return drawProblems(blueprint, pool, pinnedSeen, titles);
}
