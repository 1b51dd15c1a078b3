import { eq } from 'drizzle-orm';
import { createInvitation } from '../../src/db/assessments';
import { finalizeAttempt, saveResponse, startInvitedAttempt } from '../../src/db/attempts';
import type { Db } from '../../src/db/client';
import { attemptItems, attempts, questions, questionVersions, responses } from '../../src/db/schema';
import { probability } from '../../src/engine/irt';
import type { ItemResponse } from '../../src/engine/item-analysis';
import type { Answer, AnswerKey } from '../../src/engine/question';
import { createRng, randomNormal } from '../../src/engine/random';
import { scoreAnswer } from '../../src/engine/scoring';

export interface SeedItem {
  questionId: string;
  version: number;
  contentHash: string;
  answerKey: AnswerKey;
  area: string;
  timeWeight: number;
  optionIds: string[];
}

/** Every alpha question of the test bank and two of beta, in id order: the 12 items each seeded attempt shows. */
export async function fixedItems(db: Db): Promise<SeedItem[]> {
  const rows = await db
    .select({
      questionId: questions.id,
      version: questionVersions.version,
      contentHash: questionVersions.contentHash,
      answerKey: questionVersions.answerKey,
      area: questions.areaId,
      timeWeight: questionVersions.timeWeight,
      options: questionVersions.options,
    })
    .from(questions)
    .innerJoin(questionVersions, eq(questionVersions.questionId, questions.id));
  const chosen = rows
    .filter((r) => r.area === 'alpha' || r.questionId === 'beta-s1' || r.questionId === 'beta-s2')
    .sort((a, b) => a.questionId.localeCompare(b.questionId));
  if (chosen.length !== 12) throw new Error(`expected 12 test-bank items, found ${chosen.length}`);
  return chosen.map(({ options, ...r }) => ({ ...r, optionIds: options.map((o) => o.id) }));
}

/** The answer the key wants, or one it does not. */
export function answerFor(key: AnswerKey, optionIds: string[], right: boolean): Answer {
  const wrongOption = optionIds.find((id) => id !== (key.type === 'single' ? key.correct : '')) ?? '';
  switch (key.type) {
    case 'single':
      return { type: 'single', choice: right ? key.correct : wrongOption };
    case 'multiple':
      return { type: 'multiple', choices: right ? key.correct : optionIds.filter((id) => !key.correct.includes(id)) };
    case 'truefalse':
      return { type: 'truefalse', value: right ? key.correct : !key.correct };
    case 'text':
      return { type: 'text', text: right ? (key.accepted[0] ?? '') : 'no idea' };
    case 'numeric':
      return { type: 'numeric', value: right ? key.value : key.value + 100 };
    case 'ordering':
      return { type: 'ordering', order: right ? key.order : [...key.order].reverse() };
    // Graded by running them: the right credit comes from the grading attached at the finish.
    case 'code':
    case 'sql':
      return {
        type: key.type,
        source: key.reference,
        tests: right ? { passed: 1, total: 1 } : { passed: 0, total: 1 },
      } as Answer;
  }
}

export interface SeededTaker {
  attemptId: string;
  /** The attempt as the engine should see it (options left out: the caller knows the keys). */
  responses: ItemResponse[];
}

/**
 * `candidates` finished attempts of the fixed items, answered by takers of seeded ability under
 * the 2PL model, except alpha-s3, where the stronger half picks wrong option C (a second right
 * answer, or a misleading stem) and the rest guess between A and the key B; every seventh
 * candidate leaves the last item unanswered.
 */
export async function seedSimulatedAttempts(
  db: Db,
  input: { orgId: string; ownerId: string; assessmentId: string; passMark: number; candidates: number; now: number },
): Promise<{ items: SeedItem[]; takers: SeededTaker[] }> {
  const { orgId, assessmentId, now } = input;
  const items = await fixedItems(db);
  const rng = createRng('statistics-walkthrough');
  const takers: SeededTaker[] = [];
  for (let n = 1; n <= input.candidates; n++) {
    const theta = randomNormal(rng);
    const invitationId = await createInvitation(
      db,
      orgId,
      assessmentId,
      input.ownerId,
      { candidateName: `Cand ${n}`, candidateEmail: `c${n}@example.com`, expiresAt: now + 864e5, extraSeconds: 0 },
      now,
    );
    const { attemptId } = await startInvitedAttempt(db, {
      invitationId,
      orgId,
      assessmentId,
      seed: `seed-${n}`,
      startedAt: now,
      deadlineAt: now + 20 * 60_000,
      items: items.map((i) => ({
        questionId: i.questionId,
        version: i.version,
        contentHash: i.contentHash,
        optionOrder: null,
      })),
      detail: { device: 'd', address: '10.0.0.1' },
    });
    const responses: ItemResponse[] = [];
    for (const [position, item] of items.entries()) {
      const itemId = `${item.questionId}@${item.version}`;
      if (position === items.length - 1 && n % 7 === 0) {
        responses.push({ itemId, credit: 0, answered: false, chosen: null, timeMs: null });
        continue;
      }
      const answer: Answer =
        item.questionId === 'alpha-s3'
          ? { type: 'single', choice: theta > 0 ? 'c' : rng() < 0.5 ? 'b' : 'a' }
          : answerFor(item.answerKey, item.optionIds, rng() < probability(theta, { a: 1.6, b: (position % 5) - 2 }));
      const timeMs = 10_000 + position * 1000 + n;
      await saveResponse(db, {
        attemptId,
        questionId: item.questionId,
        seq: 1,
        answer,
        flagged: false,
        timeSpentMs: timeMs,
        now: now + 1000,
      });
      responses.push({ itemId, credit: scoreAnswer(item.answerKey, answer), answered: true, chosen: null, timeMs });
    }
    await finalizeAttempt(db, attemptId, now + 10 * 60_000, input.passMark);
    takers.push({ attemptId, responses });
  }
  return { items, takers };
}

/**
 * A finished practice test that showed one item, answered right or wrong, ending on `theta`: what
 * the pooled practice figures of a question's statistics page read.
 */
export async function seedPracticeAttempt(
  db: Db,
  p: { id: string; item: SeedItem; theta: number; thetaSe: number; right: boolean; now: number },
): Promise<void> {
  const answer = answerFor(p.item.answerKey, p.item.optionIds, p.right);
  await db.insert(attempts).values({
    id: p.id,
    kind: 'practice',
    areaId: p.item.area,
    seed: p.id,
    state: 'submitted',
    startedAt: p.now,
    deadlineAt: p.now + 600_000,
    submittedAt: p.now + 60_000,
    theta: p.theta,
    thetaSe: p.thetaSe,
  });
  await db.insert(attemptItems).values({
    attemptId: p.id,
    position: 0,
    questionId: p.item.questionId,
    questionVersion: p.item.version,
    contentHash: p.item.contentHash,
  });
  await db.insert(responses).values({
    attemptId: p.id,
    questionId: p.item.questionId,
    answer,
    seq: 1,
    savedAt: p.now,
    timeSpentMs: 20_000,
    score: scoreAnswer(p.item.answerKey, answer),
  });
}
