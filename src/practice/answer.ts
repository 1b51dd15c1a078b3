/**
 * Answering a practice question: the test page posts one answer at a time, and the test moves
 * on. Forward only, and idempotent on the position: a form posted twice, from a second tab or
 * after the back button, changes nothing and lands on the current question.
 */
import { answerFromForm, type FormFields } from '../candidate/answer-form';
import { attemptItemAt, attemptItemIds, responsesOf, saveResponse } from '../db/attempts';
import type { Db } from '../db/client';
import { advancePractice } from './flow';

const noAnswer =
  'Choose an answer to continue. An adaptive test cannot skip a question: if you are not sure, give your best guess.';

/** "Practice: <area>", the title the test pages show (the area's title is read with the page). */
export function practiceTitleOf(areaTitle: string | null): string {
  return areaTitle === null ? 'Practice test' : `Practice: ${areaTitle}`;
}

/**
 * The position of the question to show now, or 'finished'. Repairs an interrupted step first:
 * when the last question has an answer but nothing came after it (the request that saved it
 * failed before choosing), the next question is chosen now, or the test ends.
 */
export async function currentPracticePosition(db: Db, attemptId: string, now: number): Promise<number | 'finished'> {
  if ((await advancePractice(db, attemptId, now)) === 'finished') return 'finished';
  const ids = await attemptItemIds(db, attemptId);
  return ids.length - 1;
}

export type PracticeAnswerOutcome =
  | { kind: 'invalid'; error: string }
  | { kind: 'closed' }
  | { kind: 'continue' }
  | { kind: 'finished' };

/**
 * Saves the answer to the current question and advances (next question or the end). The caller
 * has already checked the deadline. Time on a question is measured on the server, from the
 * previous answer (or the start) to this one: the adaptive page runs no client-side timer.
 */
export async function practiceAnswer(
  db: Db,
  input: {
    attempt: { id: string; startedAt: number };
    position: number;
    seq: number;
    form: FormFields;
    now: number;
  },
): Promise<PracticeAnswerOutcome> {
  const { attempt, position, now } = input;
  const current = await currentPracticePosition(db, attempt.id, now);
  if (current === 'finished') return { kind: 'finished' };
  if (position !== current) return { kind: 'continue' };
  const item = await attemptItemAt(db, attempt.id, position);
  if (!item) return { kind: 'continue' };
  const parsed = answerFromForm(item, input.form);
  if (!parsed.ok) return { kind: 'invalid', error: parsed.error };
  if (parsed.answer === null) return { kind: 'invalid', error: noAnswer };
  const saved = await responsesOf(db, attempt.id);
  const shownAt = Math.max(attempt.startedAt, ...[...saved.values()].map((r) => r.savedAt));
  const decision = await saveResponse(db, {
    attemptId: attempt.id,
    questionId: item.questionId,
    seq: input.seq,
    answer: parsed.answer,
    flagged: false,
    timeSpentMs: Math.max(0, now - shownAt),
    now,
    lastPosition: position,
  });
  if (decision.kind === 'closed') return { kind: 'closed' };
  // 'stale' or 'duplicate': a racing request answered first; its answer stands, and advancing is idempotent.
  return { kind: await advancePractice(db, attempt.id, now) };
}
