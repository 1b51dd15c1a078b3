/** The two CSV downloads of an assessment: the pipeline table, and every answer of every candidate. */
import type { AnswerRecord } from '../db/reports';
import { countedCredit } from '../engine/scoring';
import { answerText, keyText } from './answer-text';
import type { CandidateRow } from './candidates';
import { type CsvCell, toCsv } from './csv';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/** One record per candidate, the columns of the table spelled out (times in seconds, dates in ISO 8601 UTC). */
export function candidatesCsv(rows: readonly CandidateRow[], areas: readonly { id: string; title: string }[]): string {
  const header = [
    'name',
    'email',
    'group_label',
    'status',
    'score_percent',
    'score_standard_error',
    'passed',
    'pass_mark',
    ...areas.map((a) => `area_${a.id}_percent`),
    'time_used_seconds',
    'time_allowed_seconds',
    'timed_out',
    'focus_lost',
    'pastes',
    'new_device_or_network',
    'late_saves',
    'percentile',
    'invited_at',
    'completed_at',
    'decision',
    'decided_by',
    'decided_at',
    'attempt_id',
    'regraded',
  ];
  const records = rows.map((r): CsvCell[] => {
    const done = r.status === 'completed';
    return [
      r.candidateName,
      r.candidateEmail,
      r.groupLabel ?? null,
      r.status,
      done ? r.scorePercent : null,
      done ? round1(r.standardError) : null,
      done ? r.passed : null,
      r.passMark,
      ...areas.map((a) => (done ? (r.result?.byArea[a.id]?.percent ?? null) : null)),
      r.timeUsedSeconds,
      r.timeAllowedSeconds,
      done ? r.timedOut : null,
      r.attemptId ? r.integrity.focusLost : null,
      r.attemptId ? r.integrity.paste : null,
      r.attemptId ? r.integrity.newOrigin : null,
      r.attemptId ? r.integrity.lateSave : null,
      r.percentile,
      iso(r.invitedAt),
      iso(r.completedAt),
      r.decision?.decision ?? null,
      r.decision?.decidedBy ?? null,
      iso(r.decision?.decidedAt ?? null),
      r.attemptId,
      // The score above is after the regrades that moved it (the report lists them).
      r.attemptId ? (r.regrades ?? 0) > 0 : null,
    ];
  });
  return toCsv(header, records);
}

/**
 * The credit an answer counts for: a regrade's full credit, empty for a dropped question, else the
 * stored credit (a regrade's accepted answer included), recomputed from the key when missing.
 */
function creditCounted(r: AnswerRecord): number | null {
  const credit = countedCredit(r, r.answer, r.credit);
  return credit === null ? null : Math.round(credit * 1000) / 1000;
}

/**
 * One record per candidate and question. Credit is recomputed from the key when the stored one is
 * missing (a question left unanswered has no response row, and earns 0).
 */
export function answersCsv(records: readonly AnswerRecord[]): string {
  const header = [
    'name',
    'email',
    'attempt_id',
    'position',
    'question_id',
    'question_version',
    'area',
    'topic',
    'type',
    'difficulty',
    'answer',
    'correct_answer',
    'credit',
    'time_spent_seconds',
    'flagged_by_candidate',
    'regrade',
  ];
  const rows = records.map((r): CsvCell[] => [
    r.candidateName,
    r.candidateEmail,
    r.attemptId,
    r.position + 1,
    r.questionId,
    r.questionVersion,
    r.area,
    r.topic,
    r.type,
    r.difficulty,
    answerText(r.options, r.answer),
    keyText(r.options, r.answerKey),
    creditCounted(r),
    r.timeSpentMs === null ? 0 : Math.round(r.timeSpentMs / 100) / 10,
    r.flagged ?? false,
    r.scoring ?? null,
  ]);
  return toCsv(header, rows);
}
