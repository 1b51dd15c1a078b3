/**
 * Reading both banks as a manager does: lists with filters, one question with its key, its
 * versions and its history. Private reads take the organization id and filter by it (a question
 * of another organization is not found); public reads take only org_id-null rows. Usage figures
 * (exposure, answers and facility) are always the viewing organization's own.
 */
import { and, asc, desc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { QuestionStatus } from '../engine/question-status';
import type { QuestionType } from '../question-types/rules';
import type { Db } from './client';
import { itemStats, questionEvents, questionExposure, questions, questionVersions, skillAreas, users } from './schema';

export interface BankFilters {
  /** A collection (private) or area (public) id. */
  collectionId?: string;
  topic?: string;
  type?: QuestionType;
  difficulty?: number;
  /** Questions carrying this tag. */
  tag?: string;
  status?: QuestionStatus;
  /** Words in the prompt or (private) the Markdown. */
  text?: string;
  /** Drawn for this organization at least once, or never. */
  usage?: 'used' | 'unused';
  limit?: number;
  offset?: number;
}

export interface BankListRow {
  id: string;
  areaId: string;
  areaTitle: string;
  topic: string;
  status: QuestionStatus;
  version: number;
  type: QuestionType;
  difficulty: number;
  tags: string[];
  promptHtml: string;
  updatedAt: number;
  /** Times drawn for the viewing organization's candidates. */
  exposure: number;
  /** Answers in the viewing organization's finished attempts, and their mean credit (0..1). */
  answered: number;
  facility: number | null;
  /** Pooled practice statistics (public questions only): answers and point-biserial. */
  practiceN: number | null;
  pointBiserial: number | null;
}

export const bankPageSize = 50;

const currentVersion = and(
  eq(questionVersions.questionId, questions.id),
  eq(questionVersions.version, questions.currentVersion),
);

function filterConditions(f: BankFilters, privateBank: boolean): SQL[] {
  const where: SQL[] = [];
  if (f.collectionId) where.push(eq(questions.areaId, f.collectionId));
  if (f.topic) where.push(eq(questions.topic, f.topic));
  if (f.type) where.push(eq(questionVersions.type, f.type));
  if (f.difficulty) where.push(eq(questionVersions.difficulty, f.difficulty));
  if (f.status) where.push(eq(questions.status, f.status));
  if (f.tag) where.push(sql`exists (select 1 from json_each(${questionVersions.tags}) where value = ${f.tag})`);
  if (f.text?.trim()) {
    const pattern = `%${f.text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const inPrompt = sql`${questionVersions.promptHtml} like ${pattern} escape '\\'`;
    where.push(
      privateBank ? (or(inPrompt, sql`${questionVersions.sourceText} like ${pattern} escape '\\'`) as SQL) : inPrompt,
    );
  }
  return where;
}

function usageColumns(orgId: string) {
  return {
    exposure: sql<number>`coalesce(${questionExposure.drawn}, 0)`,
    // Only this organization's finished attempts: nobody else's candidates are counted.
    answered: sql<number>`(select count(r.score) from responses r join attempts a on a.id = r.attempt_id where r.question_id = ${questions.id} and a.org_id = ${orgId} and a.state <> 'in_progress')`,
    facility: sql<
      number | null
    >`(select avg(r.score) from responses r join attempts a on a.id = r.attempt_id where r.question_id = ${questions.id} and a.org_id = ${orgId} and a.state <> 'in_progress')`,
  };
}

async function listQuestions(
  db: Db,
  orgId: string,
  scope: SQL,
  filters: BankFilters,
  privateBank: boolean,
): Promise<{ rows: BankListRow[]; total: number }> {
  const where = and(scope, ...filterConditions(filters, privateBank));
  const usage = usageColumns(orgId);
  const usageCondition =
    filters.usage === 'used'
      ? sql`coalesce(${questionExposure.drawn}, 0) > 0`
      : filters.usage === 'unused'
        ? sql`coalesce(${questionExposure.drawn}, 0) = 0`
        : undefined;
  const limit = Math.min(Math.max(filters.limit ?? bankPageSize, 1), 200);
  const base = () =>
    db
      .select({
        id: questions.id,
        areaId: questions.areaId,
        areaTitle: skillAreas.title,
        topic: questions.topic,
        status: questions.status,
        version: questions.currentVersion,
        type: questionVersions.type,
        difficulty: questionVersions.difficulty,
        tags: questionVersions.tags,
        promptHtml: questionVersions.promptHtml,
        updatedAt: questions.updatedAt,
        ...usage,
        practiceN: itemStats.n,
        pointBiserial: itemStats.pointBiserial,
      })
      .from(questions)
      .innerJoin(questionVersions, currentVersion)
      .innerJoin(skillAreas, eq(skillAreas.id, questions.areaId))
      .leftJoin(questionExposure, and(eq(questionExposure.questionId, questions.id), eq(questionExposure.orgId, orgId)))
      .leftJoin(itemStats, privateBank ? sql`0` : eq(itemStats.questionId, questions.id))
      .where(and(where, usageCondition));
  const rows = await base()
    .orderBy(
      privateBank ? desc(questions.updatedAt) : asc(skillAreas.position),
      asc(questions.topic),
      asc(questions.id),
    )
    .limit(limit)
    .offset(Math.max(filters.offset ?? 0, 0));
  const [count] = await db
    .select({ n: sql<number>`count(*)` })
    .from(questions)
    .innerJoin(questionVersions, currentVersion)
    .leftJoin(questionExposure, and(eq(questionExposure.questionId, questions.id), eq(questionExposure.orgId, orgId)))
    .where(and(where, usageCondition));
  return { rows: rows as BankListRow[], total: count?.n ?? 0 };
}

/** The organization's own questions, newest change first. */
export function listPrivateQuestions(db: Db, orgId: string, filters: BankFilters = {}) {
  return listQuestions(db, orgId, eq(questions.orgId, orgId), filters, true);
}

/** The public bank's questions (active ones unless a status is asked for), with this organization's usage. */
export function listPublicQuestions(db: Db, orgId: string, filters: BankFilters = {}) {
  return listQuestions(
    db,
    orgId,
    and(isNull(questions.orgId), filters.status ? undefined : eq(questions.status, 'active')) as SQL,
    filters,
    false,
  );
}

/** Tags in use in a bank, for the filter's suggestions. */
export async function bankTags(db: Db, scope: { orgId: string } | 'public'): Promise<string[]> {
  const rows = await db.all<{ tag: string }>(
    scope === 'public'
      ? sql`select distinct j.value as tag from questions q join question_versions v on v.question_id = q.id and v.version = q.current_version, json_each(v.tags) j where q.org_id is null and q.status = 'active' order by 1`
      : sql`select distinct j.value as tag from questions q join question_versions v on v.question_id = q.id and v.version = q.current_version, json_each(v.tags) j where q.org_id = ${scope.orgId} order by 1`,
  );
  return rows.map((r) => r.tag);
}

/** One question with its current version, answer key included; null unless it is this organization's (or, with `public`, the public bank's). */
export async function getBankQuestion(db: Db, scope: { orgId: string } | 'public', id: string, viewerOrgId: string) {
  const owner = scope === 'public' ? isNull(questions.orgId) : eq(questions.orgId, scope.orgId);
  const [row] = await db
    .select({
      id: questions.id,
      orgId: questions.orgId,
      areaId: questions.areaId,
      areaTitle: skillAreas.title,
      areaTopics: skillAreas.topics,
      topic: questions.topic,
      status: questions.status,
      version: questions.currentVersion,
      irtA: questions.irtA,
      irtB: questions.irtB,
      calibratedAt: questions.calibratedAt,
      updatedAt: questions.updatedAt,
      content: questionVersions,
      ...usageColumns(viewerOrgId),
      practiceN: itemStats.n,
      practicePValue: itemStats.pValue,
      pointBiserial: itemStats.pointBiserial,
    })
    .from(questions)
    .innerJoin(questionVersions, currentVersion)
    .innerJoin(skillAreas, eq(skillAreas.id, questions.areaId))
    .leftJoin(
      questionExposure,
      and(eq(questionExposure.questionId, questions.id), eq(questionExposure.orgId, viewerOrgId)),
    )
    .leftJoin(itemStats, scope === 'public' ? eq(itemStats.questionId, questions.id) : sql`0`)
    .where(and(eq(questions.id, id), owner));
  return row ?? null;
}

export type BankQuestion = NonNullable<Awaited<ReturnType<typeof getBankQuestion>>>;

/** Every version of one of the organization's questions, newest first, with its author's name and Markdown. */
export async function privateQuestionVersions(db: Db, orgId: string, questionId: string) {
  return db
    .select({
      version: questionVersions.version,
      contentHash: questionVersions.contentHash,
      type: questionVersions.type,
      difficulty: questionVersions.difficulty,
      sourceText: questionVersions.sourceText,
      changeNote: questionVersions.changeNote,
      authorName: users.name,
      createdAt: questionVersions.createdAt,
    })
    .from(questionVersions)
    .innerJoin(questions, eq(questions.id, questionVersions.questionId))
    .leftJoin(users, eq(users.id, questionVersions.authorId))
    .where(and(eq(questionVersions.questionId, questionId), eq(questions.orgId, orgId)))
    .orderBy(desc(questionVersions.version));
}

/** The question's history and review thread, oldest first. */
export async function questionHistory(db: Db, orgId: string, questionId: string) {
  return db
    .select({
      id: questionEvents.id,
      version: questionEvents.version,
      action: questionEvents.action,
      body: questionEvents.body,
      at: questionEvents.at,
      actorName: users.name,
    })
    .from(questionEvents)
    .leftJoin(users, eq(users.id, questionEvents.actorId))
    .where(and(eq(questionEvents.orgId, orgId), eq(questionEvents.questionId, questionId)))
    .orderBy(asc(questionEvents.at), asc(questionEvents.id));
}

/** The public areas with their topics, in catalog order: the public bank's filters. */
export async function publicAreasWithTopics(db: Db) {
  return db
    .select({ id: skillAreas.id, title: skillAreas.title, topics: skillAreas.topics })
    .from(skillAreas)
    .where(isNull(skillAreas.orgId))
    .orderBy(asc(skillAreas.position), asc(skillAreas.title));
}
