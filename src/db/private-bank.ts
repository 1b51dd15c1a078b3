/**
 * Writing an organization's private questions: drafts and their versions from Markdown, and the
 * review workflow (draft -> review -> active -> retired, and back). Invariants:
 * - every save whose text changed adds a version (never rewrites one), so an attempt keeps the
 *   exact version it showed and the history shows every text the question ever had;
 * - a question, its version and its event are written in one batch, or nothing is;
 * - every query names the organization: another organization's ids find nothing.
 */
import { and, eq } from 'drizzle-orm';
import { answerSectionOf } from '../bank/author-fields';
import { checkExecutableQuestion } from '../bank/check-executable';
import { compileQuestionMarkdown, type QuestionProblem } from '../bank/question-markdown';
import type { SourceQuestion } from '../bank/types';
import { withVisibleRows } from '../bank/visible-rows';
import { priorFromDifficulty } from '../engine/irt';
import type { QuestionStatus } from '../engine/question-status';
import type { Grade } from '../grading/types';
import { versionContent } from './bank-import';
import type { Db } from './client';
import { getCollection } from './collections';
import { newId } from './ids';
import { organizations, questionEvents, questions, questionVersions } from './schema';

/** Actions recorded in question_events by this module (others add their own, e.g. regraded). */
export type QuestionAction =
  | 'created'
  | 'edited'
  | 'moved'
  | 'copied'
  | 'imported'
  | 'submitted'
  | 'approved'
  | 'activated'
  | 'returned'
  | 'retired'
  | 'restored'
  | 'commented';

export interface SaveQuestionInput {
  orgId: string;
  /** One of the organization's collections (a skill_areas row with its org_id). */
  collectionId: string;
  /** One of the collection's topic ids. */
  topic: string;
  /** The member saving; null for a system import. */
  actorId: string | null;
  /** One question block in the public bank's format (`## slug`, headers, prompt, sections). */
  markdown: string;
  /** Set to edit an existing question of the organization; absent to create one. */
  questionId?: string;
  /** When set, the save is refused if the question's current version is no longer this one. */
  baseVersion?: number;
  changeNote?: string;
  /** The event a new question records: 'created' unless an import or a copy says otherwise. */
  createdAs?: 'created' | 'imported' | 'copied';
  /**
   * Runs a code or SQL question's reference and wrong solution, as bank:check does, before it
   * is saved (the runtime's sandboxed grader). Without it that check is skipped.
   */
  grade?: Grade;
  now: number;
}

/** Something that stops a save: in the Markdown (with its line), or about where the question goes. */
export interface DraftError {
  field: 'markdown' | 'collection' | 'topic' | 'question';
  /** 1-based line in the Markdown, for field 'markdown'. */
  line?: number;
  message: string;
}

export type SaveQuestionResult =
  | {
      ok: true;
      questionId: string;
      version: number;
      /** False when the text, collection and topic were all unchanged: nothing was written. */
      changed: boolean;
      status: QuestionStatus;
      warnings: QuestionProblem[];
    }
  | { ok: false; errors: DraftError[]; warnings: QuestionProblem[] };

/**
 * Validates the Markdown exactly as `bank:check` does and saves it as a new question (status
 * draft, version 1) or as the next version of an existing one. Unchanged text writes nothing.
 * An active question edited in an organization that requires approval goes back to review, so
 * no text goes live without a second person.
 */
export async function saveQuestionDraft(db: Db, input: SaveQuestionInput): Promise<SaveQuestionResult> {
  const collection = await getCollection(db, input.orgId, input.collectionId);
  if (!collection) {
    return { ok: false, errors: [{ field: 'collection', message: 'Choose one of your collections.' }], warnings: [] };
  }
  const topicErrors: DraftError[] = collection.topics.some((t) => t.id === input.topic)
    ? []
    : [
        {
          field: 'topic',
          message: `Choose a topic of "${collection.title}" (${collection.topics.map((t) => t.id).join(', ')}).`,
        },
      ];
  const compiled = await compileQuestionMarkdown(input.markdown, {
    area: input.collectionId,
    topic: input.topic,
    file: `${input.collectionId}/${input.topic}.md`,
  });
  const markdownErrors: DraftError[] = compiled.ok
    ? input.grade && topicErrors.length === 0
      ? await executableErrors(compiled.source, input.markdown, input.grade)
      : []
    : compiled.errors.map((e) => ({ field: 'markdown', line: e.line, message: e.message }));
  if (!compiled.ok || topicErrors.length > 0 || markdownErrors.length > 0) {
    return { ok: false, errors: [...topicErrors, ...markdownErrors], warnings: compiled.warnings };
  }
  // A SQL question keeps its visible examples' expected rows (for the candidate's run in the browser).
  const q = input.grade
    ? { ...compiled.question, key: await withVisibleRows(compiled.question.key, input.grade) }
    : compiled.question;
  const version = {
    ...versionContent(q),
    authorId: input.actorId,
    changeNote: input.changeNote?.trim() || null,
    createdAt: input.now,
  };

  if (input.questionId === undefined) {
    const questionId = `q_${newId()}`;
    const prior = priorFromDifficulty(q.difficulty);
    await db.batch([
      db.insert(questions).values({
        id: questionId,
        orgId: input.orgId,
        areaId: input.collectionId,
        topic: input.topic,
        currentVersion: 1,
        status: 'draft',
        irtA: prior.a,
        irtB: prior.b,
        createdAt: input.now,
        updatedAt: input.now,
      }),
      db.insert(questionVersions).values({ questionId, version: 1, ...version }),
      db.insert(questionEvents).values({
        orgId: input.orgId,
        questionId,
        version: 1,
        actorId: input.actorId,
        action: input.createdAs ?? 'created',
        body: version.changeNote,
        at: input.now,
      }),
    ]);
    return { ok: true, questionId, version: 1, changed: true, status: 'draft', warnings: compiled.warnings };
  }

  const current = await currentState(db, input.orgId, input.questionId);
  if (!current) {
    return { ok: false, errors: [{ field: 'question', message: 'This question is not in your bank.' }], warnings: [] };
  }
  if (input.baseVersion !== undefined && input.baseVersion !== current.version) {
    return {
      ok: false,
      errors: [
        {
          field: 'question',
          message: `Someone saved version ${current.version} since you opened version ${input.baseVersion}: reload the question and apply your change again.`,
        },
      ],
      warnings: compiled.warnings,
    };
  }
  const moved = current.areaId !== input.collectionId || current.topic !== input.topic;
  const base = { questionId: input.questionId, warnings: compiled.warnings };
  if (current.contentHash === q.contentHash) {
    if (!moved) return { ok: true, ...base, version: current.version, changed: false, status: current.status };
    await db.batch([
      db
        .update(questions)
        .set({ areaId: input.collectionId, topic: input.topic, updatedAt: input.now })
        .where(and(eq(questions.id, input.questionId), eq(questions.orgId, input.orgId))),
      db.insert(questionEvents).values({
        orgId: input.orgId,
        questionId: input.questionId,
        version: current.version,
        actorId: input.actorId,
        action: 'moved',
        body: `${collection.title} / ${input.topic}`,
        at: input.now,
      }),
    ]);
    return { ok: true, ...base, version: current.version, changed: true, status: current.status };
  }

  const next = current.version + 1;
  const status: QuestionStatus = current.status === 'active' && current.requireApproval ? 'review' : current.status;
  // Calibrated parameters come from data and survive an edit; a prior follows the new difficulty.
  const prior = current.calibratedAt === null ? priorFromDifficulty(q.difficulty) : null;
  await db.batch([
    db
      .update(questions)
      .set({
        areaId: input.collectionId,
        topic: input.topic,
        currentVersion: next,
        status,
        ...(prior ? { irtA: prior.a, irtB: prior.b } : {}),
        updatedAt: input.now,
      })
      .where(and(eq(questions.id, input.questionId), eq(questions.orgId, input.orgId))),
    db.insert(questionVersions).values({ questionId: input.questionId, version: next, ...version }),
    db.insert(questionEvents).values({
      orgId: input.orgId,
      questionId: input.questionId,
      version: next,
      actorId: input.actorId,
      action: 'edited',
      body:
        status === current.status
          ? version.changeNote
          : joinLines(version.changeNote, 'Back to review: edited while active.'),
      at: input.now,
    }),
  ]);
  return { ok: true, ...base, version: next, changed: true, status };
}

/**
 * bank:check's run of a code or SQL question (the reference passes every test, the wrong solution
 * fails a hidden one), each problem placed on the line of the question's answer section.
 */
async function executableErrors(source: SourceQuestion, markdown: string, grade: Grade): Promise<DraftError[]> {
  const problems = await checkExecutableQuestion(source, grade);
  if (problems.length === 0) return [];
  const heading = `### ${answerSectionOf(source.type)}`;
  const index = markdown.split(/\r?\n/).findIndex((l) => l.trim() === heading);
  const line = index >= 0 ? index + 1 : source.line;
  return problems.map((message) => ({ field: 'markdown', line, message }));
}

function joinLines(...lines: (string | null)[]): string {
  return lines.filter((l) => l !== null && l !== '').join('\n');
}

/** The question's status, current version and who wrote it, with the organization's approval rule. */
async function currentState(db: Db, orgId: string, questionId: string) {
  const [row] = await db
    .select({
      areaId: questions.areaId,
      topic: questions.topic,
      status: questions.status,
      version: questions.currentVersion,
      calibratedAt: questions.calibratedAt,
      contentHash: questionVersions.contentHash,
      authorId: questionVersions.authorId,
      requireApproval: organizations.requireQuestionApproval,
    })
    .from(questions)
    .innerJoin(
      questionVersions,
      and(eq(questionVersions.questionId, questions.id), eq(questionVersions.version, questions.currentVersion)),
    )
    .innerJoin(organizations, eq(organizations.id, questions.orgId))
    .where(and(eq(questions.id, questionId), eq(questions.orgId, orgId)));
  return row ?? null;
}

export type Transition = 'submit' | 'approve' | 'return' | 'retire' | 'restore';

export type TransitionResult = { ok: true; status: QuestionStatus } | { ok: false; error: string } | null;

/**
 * Moves a question along its workflow and records the event:
 * - submit: draft -> review;
 * - approve: review -> active, or draft -> active when the organization asks for no second
 *   approval; when it does, only from review and only by someone other than the author of the
 *   current version;
 * - return: review -> draft (a reviewer sends it back, the body says why);
 * - retire: draft, review or active -> retired (never deleted: attempts point at its versions);
 * - restore: retired -> draft.
 * Null when the question is not the organization's. Capabilities are the caller's to check.
 */
export async function transitionQuestion(
  db: Db,
  input: { orgId: string; questionId: string; actorId: string; transition: Transition; body?: string; now: number },
): Promise<TransitionResult> {
  const current = await currentState(db, input.orgId, input.questionId);
  if (!current) return null;
  const refuse = (error: string): TransitionResult => ({ ok: false, error });
  let to: QuestionStatus;
  let action: QuestionAction;
  switch (input.transition) {
    case 'submit':
      if (current.status !== 'draft')
        return refuse(`Only a draft can be submitted for review; this one is ${current.status}.`);
      [to, action] = ['review', 'submitted'];
      break;
    case 'approve':
      if (current.requireApproval) {
        if (current.status !== 'review')
          return refuse('Submit the question for review first: your organization asks for a second approval.');
        if (current.authorId === input.actorId) {
          return refuse(
            'Your organization asks for a second person: someone other than the last editor must approve it.',
          );
        }
        [to, action] = ['active', 'approved'];
      } else {
        if (current.status !== 'draft' && current.status !== 'review')
          return refuse(`Only a draft or a question in review can be activated; this one is ${current.status}.`);
        [to, action] = ['active', 'activated'];
      }
      break;
    case 'return':
      if (current.status !== 'review') return refuse('Only a question in review can be sent back to draft.');
      [to, action] = ['draft', 'returned'];
      break;
    case 'retire':
      if (current.status === 'retired') return refuse('This question is already retired.');
      [to, action] = ['retired', 'retired'];
      break;
    case 'restore':
      if (current.status !== 'retired') return refuse('Only a retired question can be restored.');
      [to, action] = ['draft', 'restored'];
      break;
  }
  await db.batch([
    db
      .update(questions)
      .set({ status: to, updatedAt: input.now })
      .where(
        and(eq(questions.id, input.questionId), eq(questions.orgId, input.orgId), eq(questions.status, current.status)),
      ),
    db.insert(questionEvents).values({
      orgId: input.orgId,
      questionId: input.questionId,
      version: current.version,
      actorId: input.actorId,
      action,
      body: input.body?.trim() || null,
      at: input.now,
    }),
  ]);
  return { ok: true, status: to };
}

export const commentMaxLength = 4000;

/** A comment in the question's review thread. Null when the question is not the organization's. */
export async function addQuestionComment(
  db: Db,
  input: { orgId: string; questionId: string; actorId: string; body: string; now: number },
): Promise<{ ok: true } | { ok: false; error: string } | null> {
  const current = await currentState(db, input.orgId, input.questionId);
  if (!current) return null;
  const body = input.body.trim();
  if (body === '') return { ok: false, error: 'Write a comment first.' };
  if (body.length > commentMaxLength)
    return { ok: false, error: `Keep a comment under ${commentMaxLength} characters.` };
  await db.insert(questionEvents).values({
    orgId: input.orgId,
    questionId: input.questionId,
    version: current.version,
    actorId: input.actorId,
    action: 'commented',
    body,
    at: input.now,
  });
  return { ok: true };
}
