/**
 * An organization's question collections: `skill_areas` rows with its org_id, so drawing,
 * rendering and scoring treat them like public areas. Every query takes the organization id;
 * another organization's collection ids find nothing.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { idPattern } from '../bank/validate-question';
import type { Db } from './client';
import { newId } from './ids';
import { type AreaTopic, questions, skillAreas } from './schema';

export interface CollectionInput {
  title: string;
  summary: string;
  topics: AreaTopic[];
}

export interface CollectionSummary {
  id: string;
  title: string;
  summary: string;
  topics: AreaTopic[];
  /** Questions in any status except retired. */
  questionCount: number;
  activeCount: number;
}

export type CollectionResult = { ok: true; id: string } | { ok: false; errors: string[] };

/** What is wrong with a collection's fields, in words a manager can act on; empty when nothing is. */
export function collectionErrors(input: CollectionInput): string[] {
  const errors: string[] = [];
  if (input.title.trim() === '') errors.push('Give the collection a title.');
  if (input.title.length > 120) errors.push('Keep the title under 120 characters.');
  if (input.summary.length > 500) errors.push('Keep the summary under 500 characters.');
  if (input.topics.length === 0) errors.push('List at least one topic: every question belongs to one.');
  const seen = new Set<string>();
  for (const topic of input.topics) {
    if (!idPattern.test(topic.id)) {
      errors.push(`Topic id "${topic.id}" must be lower-case words joined by hyphens, e.g. "sql-joins".`);
    }
    if (seen.has(topic.id)) errors.push(`Topic id "${topic.id}" is listed twice.`);
    seen.add(topic.id);
    if (topic.title.trim() === '') errors.push(`Topic "${topic.id}" needs a title.`);
    if (topic.docsUrl !== '' && !/^https?:\/\/\S+$/.test(topic.docsUrl)) {
      errors.push(`Topic "${topic.id}": the documentation link must start with http:// or https://.`);
    }
  }
  return errors;
}

/** A new private collection (id `c_<random>`). */
export async function createCollection(
  db: Db,
  orgId: string,
  input: CollectionInput,
  now = Date.now(),
): Promise<CollectionResult> {
  const errors = collectionErrors(input);
  if (errors.length > 0) return { ok: false, errors };
  const id = `c_${newId()}`;
  await db.insert(skillAreas).values({
    id,
    orgId,
    title: input.title.trim(),
    summary: input.summary.trim(),
    topics: input.topics,
    updatedAt: now,
  });
  return { ok: true, id };
}

/**
 * Title, summary and topics of one of the organization's collections. A topic that questions
 * still use (retired ones included: their versions point at it) cannot be removed.
 */
export async function updateCollection(
  db: Db,
  orgId: string,
  id: string,
  input: CollectionInput,
  now = Date.now(),
): Promise<CollectionResult | null> {
  const current = await getCollection(db, orgId, id);
  if (!current) return null;
  const errors = collectionErrors(input);
  const kept = new Set(input.topics.map((t) => t.id));
  for (const used of await topicsInUse(db, orgId, id)) {
    if (!kept.has(used)) errors.push(`Topic "${used}" still has questions: move them before removing it.`);
  }
  if (errors.length > 0) return { ok: false, errors };
  await db
    .update(skillAreas)
    .set({ title: input.title.trim(), summary: input.summary.trim(), topics: input.topics, updatedAt: now })
    .where(and(eq(skillAreas.id, id), eq(skillAreas.orgId, orgId)));
  return { ok: true, id };
}

export async function getCollection(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(skillAreas)
    .where(and(eq(skillAreas.id, id), eq(skillAreas.orgId, orgId)));
  return row ?? null;
}

/** The organization's collections with their question counts, by title. */
export async function listCollections(db: Db, orgId: string): Promise<CollectionSummary[]> {
  return db
    .select({
      id: skillAreas.id,
      title: skillAreas.title,
      summary: skillAreas.summary,
      topics: skillAreas.topics,
      // Written out: Drizzle leaves outer columns unqualified inside a subquery.
      questionCount: sql<number>`(select count(*) from questions q where q.area_id = skill_areas.id and q.org_id = skill_areas.org_id and q.status <> 'retired')`,
      activeCount: sql<number>`(select count(*) from questions q where q.area_id = skill_areas.id and q.org_id = skill_areas.org_id and q.status = 'active')`,
    })
    .from(skillAreas)
    .where(eq(skillAreas.orgId, orgId))
    .orderBy(asc(skillAreas.title));
}

async function topicsInUse(db: Db, orgId: string, areaId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ topic: questions.topic })
    .from(questions)
    .where(and(eq(questions.orgId, orgId), eq(questions.areaId, areaId)));
  return rows.map((r) => r.topic);
}
