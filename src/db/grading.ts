/**
 * Grading an attempt's code and SQL answers before it is finalized: each saved answer that has
 * not been graded runs against its question's hidden tests (through the runtime's `grade`), and
 * the pass count is written onto the stored answer, where the type's `score` reads it, with the
 * per-test results in `responses.grading` for the report. The write is guarded by the sequence
 * number that was graded, so a save landing meanwhile is never overwritten by an older grading.
 */
import { and, eq } from 'drizzle-orm';
import type { Answer } from '../engine/question';
import { failedGrading, type Grade, type Grading } from '../grading/types';
import { gradingTask } from '../question-types/grading-task';
import { attemptItemsWithContent, getAttempt, responsesOf } from './attempts';
import type { Db } from './client';
import { responses } from './schema';

/** What `responses.grading` holds: the grading and the save it graded. */
export interface StoredGrading extends Grading {
  seq: number;
}

/** Grades the attempt's ungraded executable answers while it is in progress; returns how many it graded. */
export async function gradeResponses(db: Db, attemptId: string, grade: Grade): Promise<number> {
  const attempt = await getAttempt(db, attemptId);
  if (attempt?.state !== 'in_progress') return 0;
  const [items, saved] = await Promise.all([attemptItemsWithContent(db, attemptId), responsesOf(db, attemptId)]);
  const pending = items.flatMap((item) => {
    const response = saved.get(item.questionId);
    const answer = response?.answer;
    if (!response || !answer || ('tests' in answer && answer.tests)) return [];
    const task = gradingTask(item.answerKey, answer);
    return task ? [{ questionId: item.questionId, seq: response.seq, answer, task }] : [];
  });
  const graded = await Promise.all(
    pending.map(async (p) => {
      try {
        return { ...p, grading: await grade(p.task) };
      } catch (e) {
        // A grader that failed (not the candidate's code): the answer is graded 0, with the reason for the report.
        return { ...p, grading: failedGrading(p.task.tests, `the grader failed: ${String(e)}`) };
      }
    }),
  );
  if (graded.length === 0) return 0;
  await db.batch(
    graded.map(({ questionId, seq, answer, grading }) =>
      db
        .update(responses)
        .set({
          answer: { ...answer, tests: { passed: grading.passed, total: grading.total } } as Answer,
          grading: { ...grading, seq } satisfies StoredGrading as unknown as Record<string, unknown>,
        })
        .where(and(eq(responses.attemptId, attemptId), eq(responses.questionId, questionId), eq(responses.seq, seq))),
    ) as unknown as Parameters<Db['batch']>[0],
  );
  return graded.length;
}

/** The stored gradings of an attempt's answers, by question: what the report shows test by test. */
export async function gradingsOf(db: Db, attemptId: string): Promise<Map<string, StoredGrading>> {
  const rows = await db
    .select({ questionId: responses.questionId, grading: responses.grading })
    .from(responses)
    .where(eq(responses.attemptId, attemptId));
  return new Map(
    rows.flatMap((r) => (r.grading ? [[r.questionId, r.grading as unknown as StoredGrading] as const] : [])),
  );
}
