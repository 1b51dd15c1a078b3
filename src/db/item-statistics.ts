/**
 * The response data item statistics are computed from. An assessment's figures come from its
 * organization's finished attempts of every version of it (one lineage); each query takes the
 * organization id and filters by it, so another organization's ids find nothing. A question's
 * practice figures pool every finished practice test of the public bank, whoever took it.
 */
import { and, asc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Answer, AnswerKey, QuestionOption, QuestionType } from '../engine/question';
import type { Db } from './client';
import { versionOfItem } from './item-version';
import { assessments, attemptItems, attempts, questions, questionVersions, responses } from './schema';

/** One question of one finished attempt, answered or not, with the version it showed. */
export interface StatisticsResponse {
  attemptId: string;
  assessmentVersion: number;
  /** The score the attempt was given when it ended, in percent. */
  scorePercent: number | null;
  questionId: string;
  questionVersion: number;
  area: string;
  type: QuestionType;
  timeWeight: number;
  options: QuestionOption[];
  answerKey: AnswerKey;
  /** Null when the question was left unanswered (no response row, or an answer cleared). */
  answer: Answer | null;
  /** The credit stored when the attempt ended; null without a response row. */
  credit: number | null;
  /** Null without a response row. */
  timeSpentMs: number | null;
  /** The question's 2PL parameters (calibrated, or the priors from its difficulty). */
  irtA?: number;
  irtB?: number;
}

/** The ids of every version of this assessment in the organization; empty when it is not the organization's. */
export async function lineageIds(db: Db, orgId: string, assessmentId: string): Promise<string[]> {
  const rows = await db
    .select({ id: assessments.id })
    .from(assessments)
    .where(
      and(
        eq(assessments.orgId, orgId),
        eq(
          assessments.lineageId,
          sql`(select ${assessments.lineageId} from ${assessments} where ${assessments.id} = ${assessmentId} and ${assessments.orgId} = ${orgId})`,
        ),
      ),
    );
  return rows.map((r) => r.id);
}

/**
 * Every question of every finished attempt of the assessment, all its versions, in attempt then
 * question order. In-progress attempts are left out: their answers are not final.
 */
export async function assessmentResponses(db: Db, orgId: string, assessmentId: string): Promise<StatisticsResponse[]> {
  const ids = await lineageIds(db, orgId, assessmentId);
  if (ids.length === 0) return [];
  return db
    .select({
      attemptId: attempts.id,
      assessmentVersion: assessments.version,
      scorePercent: attempts.scorePercent,
      questionId: attemptItems.questionId,
      questionVersion: attemptItems.questionVersion,
      area: questions.areaId,
      type: questionVersions.type,
      timeWeight: questionVersions.timeWeight,
      options: questionVersions.options,
      answerKey: questionVersions.answerKey,
      answer: responses.answer,
      credit: responses.score,
      timeSpentMs: responses.timeSpentMs,
      irtA: questions.irtA,
      irtB: questions.irtB,
    })
    .from(attempts)
    .innerJoin(assessments, and(eq(assessments.id, attempts.assessmentId), eq(assessments.orgId, orgId)))
    .innerJoin(attemptItems, eq(attemptItems.attemptId, attempts.id))
    .innerJoin(questions, eq(questions.id, attemptItems.questionId))
    .innerJoin(questionVersions, versionOfItem)
    .leftJoin(responses, and(eq(responses.attemptId, attempts.id), eq(responses.questionId, attemptItems.questionId)))
    .where(
      and(
        eq(attempts.orgId, orgId),
        eq(attempts.kind, 'assessment'),
        inArray(attempts.assessmentId, ids),
        ne(attempts.state, 'in_progress'),
      ),
    )
    .orderBy(asc(attempts.startedAt), asc(attempts.id), asc(attemptItems.position));
}

/** One practice answer to a question, with the ability the adaptive test estimated for its taker. */
export interface PracticeStatisticsResponse {
  questionVersion: number;
  answer: Answer | null;
  credit: number | null;
  timeSpentMs: number | null;
  /** The practice test's final ability estimate: the criterion, as calibration uses it. */
  theta: number;
}

/**
 * Every finished practice test that showed this question (any version), pooled over everyone who
 * practised. Every question of the bank is public today; a question an organization owns must
 * never be pooled here.
 */
export async function practiceResponses(db: Db, questionId: string): Promise<PracticeStatisticsResponse[]> {
  const rows = await db
    .select({
      questionVersion: attemptItems.questionVersion,
      answer: responses.answer,
      credit: responses.score,
      timeSpentMs: responses.timeSpentMs,
      theta: attempts.theta,
    })
    .from(attemptItems)
    .innerJoin(attempts, eq(attempts.id, attemptItems.attemptId))
    .leftJoin(responses, and(eq(responses.attemptId, attempts.id), eq(responses.questionId, attemptItems.questionId)))
    .where(
      and(
        eq(attemptItems.questionId, questionId),
        eq(attempts.kind, 'practice'),
        ne(attempts.state, 'in_progress'),
        isNotNull(attempts.theta),
      ),
    )
    .orderBy(asc(attempts.startedAt), asc(attempts.id));
  return rows.map((r) => ({ ...r, theta: r.theta as number }));
}

/** A question as the statistics page shows it: each version's content, and its 2PL parameters. */
export async function questionForStatistics(db: Db, questionId: string, versions: readonly number[]) {
  if (versions.length === 0) return null;
  const [question] = await db
    .select({
      id: questions.id,
      area: questions.areaId,
      topic: questions.topic,
      status: questions.status,
      currentVersion: questions.currentVersion,
      irtA: questions.irtA,
      irtB: questions.irtB,
      calibratedAt: questions.calibratedAt,
    })
    .from(questions)
    .where(eq(questions.id, questionId));
  if (!question) return null;
  const contents = await db
    .select({
      version: questionVersions.version,
      type: questionVersions.type,
      difficulty: questionVersions.difficulty,
      timeWeight: questionVersions.timeWeight,
      promptHtml: questionVersions.promptHtml,
      options: questionVersions.options,
      answerKey: questionVersions.answerKey,
    })
    .from(questionVersions)
    .where(and(eq(questionVersions.questionId, questionId), inArray(questionVersions.version, [...versions])))
    .orderBy(asc(questionVersions.version));
  return { ...question, versions: contents };
}
