/**
 * What the test page shows of an attempt, read in one statement: the attempt's kind, state and
 * clock (so the page needs no read of its own for the access check), its title, every item with its
 * saved response (the navigator, and the position on screen with its option order and variant
 * values), the reports the candidate sent, and whether this client address was seen before. The
 * question's own content comes from memory per version (version-content.ts). The page ran six
 * statements before (assessment, address, item with content, item ids, responses, reports).
 */
import { eq, sql } from 'drizzle-orm';
import type { Answer } from '../engine/question';
import type { ReportReason } from '../engine/question-report';
import type { Db } from './client';
import { preparedPerDb } from './prepared';
import type { SentReport } from './question-reports';
import { attempts } from './schema';

export interface PageItem {
  position: number;
  questionId: string;
  version: number;
  contentHash: string;
  optionOrder: string[] | null;
  /** A variant question's parameter values for this attempt, else null. */
  variant: Record<string, unknown> | null;
  answer: Answer | null;
  seq: number;
  flagged: boolean;
}

export interface QuestionPageRead {
  /** What the page and its access check need of the attempt itself. */
  attempt: PageAttempt;
  /** The assessment's title; null for practice. */
  assessmentTitle: string | null;
  /** The practice area's title; null for an assessment. */
  areaTitle: string | null;
  /** In position order. */
  items: PageItem[];
  reports: Map<string, SentReport>;
  /** Whether an event of the attempt recorded the address asked about. */
  addressSeen: boolean;
}

export type PageAttempt = Pick<
  typeof attempts.$inferSelect,
  'id' | 'kind' | 'state' | 'startedAt' | 'deadlineAt' | 'submittedAt'
>;

type ItemRow = [
  position: number,
  questionId: string,
  version: number,
  contentHash: string,
  optionOrder: string[] | null,
  variant: Record<string, unknown> | null,
  answer: Answer | null,
  seq: number | null,
  flagged: number | null,
];

// Inside a select list Drizzle writes a column without its table, which a subquery would read as
// its own table's column (question_reports.id for attempts.id): the outer columns are spelled out.
const pageRead = preparedPerDb((db) =>
  db
    .select({
      id: attempts.id,
      kind: attempts.kind,
      state: attempts.state,
      startedAt: attempts.startedAt,
      deadlineAt: attempts.deadlineAt,
      submittedAt: attempts.submittedAt,
      assessmentTitle: sql<string | null>`(select title from assessments where id = attempts.assessment_id)`,
      areaTitle: sql<string | null>`(select title from skill_areas where id = attempts.area_id)`,
      items: sql<string>`(select json_group_array(json_array(i.position, i.question_id, i.question_version,
          i.content_hash, json(i.option_order), json(i.variant), json(r.answer), r.seq, r.flagged))
        from attempt_items i
        left join responses r on r.attempt_id = i.attempt_id and r.question_id = i.question_id
        where i.attempt_id = attempts.id)`,
      reports: sql<string>`(select json_group_object(q.question_id, json_object('reason', q.reason, 'body', q.body))
        from question_reports q where q.attempt_id = attempts.id)`,
      addressSeen: sql<number>`exists (select 1 from attempt_events e
        where e.attempt_id = attempts.id and json_extract(e.detail, '$.address') = ${sql.placeholder('address')})`,
    })
    .from(attempts)
    .where(eq(attempts.id, sql.placeholder('attemptId')))
    .prepare(),
);

/** Null when there is no such attempt. `address` null asks about no address (addressSeen false). */
export async function questionPageRead(
  db: Db,
  attemptId: string,
  address: string | null,
): Promise<QuestionPageRead | null> {
  const [row] = await pageRead(db).all({ attemptId, address });
  if (!row) return null;
  const items = (JSON.parse(row.items) as ItemRow[])
    .map(([position, questionId, version, contentHash, optionOrder, variant, answer, seq, flagged]) => ({
      position,
      questionId,
      version,
      contentHash,
      optionOrder,
      variant,
      answer,
      seq: seq ?? 0,
      flagged: flagged === 1,
    }))
    .sort((x, y) => x.position - y.position);
  const reports = new Map(
    Object.entries(JSON.parse(row.reports) as Record<string, { reason: string; body: string }>).map(([id, r]) => [
      id,
      { reason: r.reason as ReportReason, body: r.body },
    ]),
  );
  return {
    attempt: {
      id: row.id,
      kind: row.kind,
      state: row.state,
      startedAt: row.startedAt,
      deadlineAt: row.deadlineAt,
      submittedAt: row.submittedAt,
    },
    assessmentTitle: row.assessmentTitle,
    areaTitle: row.areaTitle,
    items,
    reports,
    addressSeen: Boolean(row.addressSeen),
  };
}
