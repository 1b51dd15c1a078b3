import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Blueprint } from '../engine/blueprint';
import type { QuestionType } from '../engine/question';
import type { QuestionStatus } from '../engine/question-status';
import type { Db } from './client';
import { blueprintQuestions, drawableBy } from './pool';
import { questionExposure, questions, questionVersions, skillAreas } from './schema';

export interface BlueprintSourceRow {
  id: string;
  title: string;
  /** True for one of the organization's private collections, false for a public area. */
  private: boolean;
  /** Active questions by difficulty (1-5) the organization may draw. */
  byDifficulty: Record<number, number>;
}

/**
 * What an organization's blueprint may draw from: every public area, then its own collections,
 * each with its active questions by difficulty. Another organization's collections are not here.
 */
export async function blueprintSources(db: Db, orgId: string): Promise<BlueprintSourceRow[]> {
  const areas = await db
    .select({ id: skillAreas.id, title: skillAreas.title, orgId: skillAreas.orgId })
    .from(skillAreas)
    .where(or(isNull(skillAreas.orgId), eq(skillAreas.orgId, orgId)))
    .orderBy(sql`${skillAreas.orgId} is not null`, asc(skillAreas.position), asc(skillAreas.title));
  const counts = await db
    .select({ area: questions.areaId, difficulty: questionVersions.difficulty, n: sql<number>`count(*)` })
    .from(questions)
    .innerJoin(
      questionVersions,
      and(eq(questionVersions.questionId, questions.id), eq(questionVersions.version, questions.currentVersion)),
    )
    .where(drawableBy(orgId))
    .groupBy(questions.areaId, questionVersions.difficulty);
  return areas.map((area) => {
    const byDifficulty: Record<number, number> = {};
    for (const c of counts) if (c.area === area.id) byDifficulty[c.difficulty] = c.n;
    return { id: area.id, title: area.title, private: area.orgId !== null, byDifficulty };
  });
}

/** Titles of the sources a blueprint names (public areas and this organization's collections); unknown ids are left out. */
export async function sourceTitles(db: Db, orgId: string, ids: readonly string[]): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const rows = await db
    .select({ id: skillAreas.id, title: skillAreas.title })
    .from(skillAreas)
    .where(and(inArray(skillAreas.id, [...ids]), or(isNull(skillAreas.orgId), eq(skillAreas.orgId, orgId))));
  return Object.fromEntries(rows.map((r) => [r.id, r.title]));
}

export interface PoolListingRow {
  id: string;
  area: string;
  topic: string;
  type: QuestionType;
  difficulty: number;
  promptHtml: string;
  /** How often this organization's draws took it. */
  exposure: number;
}

/**
 * Every question an attempt of this blueprint can get, for the manager's "whole pool" view: the
 * same questions blueprintPool gives the draw, with their prompts, ordered by source, topic, id.
 */
export async function poolListing(db: Db, orgId: string, blueprint: Blueprint): Promise<PoolListingRow[]> {
  const wanted = blueprintQuestions(blueprint);
  if (!wanted) return [];
  const rows = await db
    .select({
      id: questions.id,
      area: questions.areaId,
      topic: questions.topic,
      type: questionVersions.type,
      difficulty: questionVersions.difficulty,
      promptHtml: questionVersions.promptHtml,
      exposure: questionExposure.drawn,
    })
    .from(questions)
    .innerJoin(
      questionVersions,
      and(eq(questionVersions.questionId, questions.id), eq(questionVersions.version, questions.currentVersion)),
    )
    .leftJoin(questionExposure, and(eq(questionExposure.questionId, questions.id), eq(questionExposure.orgId, orgId)))
    .where(and(wanted, drawableBy(orgId)))
    .orderBy(asc(questions.areaId), asc(questions.topic), asc(questions.id));
  return rows.map((r) => ({ ...r, type: r.type as QuestionType, exposure: r.exposure ?? 0 }));
}

/** A pinned question as the organization may see it: its status, whose it is, and its current prompt. */
export interface PinnedQuestion {
  status: QuestionStatus;
  /** The organization's own question (else the public bank's). */
  own: boolean;
  promptHtml: string;
  /** The author's Markdown, whose `## ` line is the question's short id. */
  sourceText: string | null;
}

/**
 * Each of these questions that the organization may see (public, or its own), for naming why a
 * pinned question can no longer be drawn; ids it may not see are left out.
 */
export async function pinnedQuestionsOf(
  db: Db,
  orgId: string,
  ids: readonly string[],
): Promise<Record<string, PinnedQuestion>> {
  if (ids.length === 0) return {};
  const rows = await db
    .select({
      id: questions.id,
      status: questions.status,
      orgId: questions.orgId,
      promptHtml: questionVersions.promptHtml,
      sourceText: questionVersions.sourceText,
    })
    .from(questions)
    .innerJoin(
      questionVersions,
      and(eq(questionVersions.questionId, questions.id), eq(questionVersions.version, questions.currentVersion)),
    )
    .where(and(inArray(questions.id, [...ids]), or(isNull(questions.orgId), eq(questions.orgId, orgId))));
  return Object.fromEntries(
    rows.map((r) => [
      r.id,
      { status: r.status, own: r.orgId !== null, promptHtml: r.promptHtml, sourceText: r.sourceText },
    ]),
  );
}
