import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/app';
import { createOrgWithOwner, createUser } from './accounts';
import { getBankQuestion, listPrivateQuestions, privateQuestionVersions, questionHistory } from './bank-browse';
import { createCollection, updateCollection } from './collections';
import { addQuestionComment, type SaveQuestionInput, saveQuestionDraft, transitionQuestion } from './private-bank';
import {
  attempts,
  memberships,
  organizations,
  questionExposure,
  questions,
  questionVersions,
  responses,
} from './schema';

let t: Awaited<ReturnType<typeof openTestDb>>;
beforeEach(async () => {
  t = await openTestDb();
});
afterEach(() => t.close());

const now = Date.UTC(2026, 10, 23, 9, 0, 0);

const singleMd = (marker: string) => `## join-kinds
type: single
difficulty: 2
tags: sql, joins

Which join keeps every row of the left table? (${marker})

### Options
- [ ] INNER JOIN
- [x] LEFT JOIN
- [ ] CROSS JOIN

### Explanation
A LEFT JOIN keeps unmatched left rows with NULLs on the right.
`;

async function setup() {
  const owner = await createOrgWithOwner(t.db, {
    email: 'o@example.com',
    name: 'Olga',
    passwordHash: 'x',
    orgName: 'Acme',
  });
  const created = await createCollection(
    t.db,
    owner.orgId,
    { title: 'Our SQL', summary: 'Written by us.', topics: [{ id: 'joins', title: 'Joins', docsUrl: '' }] },
    now,
  );
  if (!created.ok) throw new Error(created.errors.join());
  const base = { orgId: owner.orgId, collectionId: created.id, topic: 'joins', actorId: owner.userId, now };
  /** A single-choice question carrying `marker`, saved into the collection (or with `extra`, edited). */
  const draft = (marker: string, extra: Partial<SaveQuestionInput> = {}) =>
    saveQuestionDraft(t.db, { ...base, markdown: singleMd(marker), ...extra });
  return { ...owner, collectionId: created.id, draft };
}

describe('saveQuestionDraft', () => {
  it('creates a private draft with its version, Markdown and event in one go', async () => {
    const { orgId, userId, draft } = await setup();
    const saved = await draft('M1', { changeNote: 'first draft' });
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    expect(saved.questionId).toMatch(/^q_/);
    expect(saved).toMatchObject({ version: 1, status: 'draft', changed: true });
    const q = await getBankQuestion(t.db, { orgId }, saved.questionId, orgId);
    expect(q?.orgId).toBe(orgId);
    expect(q?.content.sourceText).toContain('## join-kinds');
    expect(q?.content.answerKey).toEqual({ type: 'single', correct: 'b' });
    expect(q?.content.promptHtml).toContain('M1');
    expect(q?.content.authorId).toBe(userId);
    const history = await questionHistory(t.db, orgId, saved.questionId);
    expect(history.map((e) => [e.action, e.body, e.actorName])).toEqual([['created', 'first draft', 'Olga']]);
  });

  it('refuses broken Markdown with the messages and lines of bank:check, writing nothing', async () => {
    const { orgId, userId, collectionId } = await setup();
    const saved = await saveQuestionDraft(t.db, {
      orgId,
      collectionId,
      topic: 'joins',
      actorId: userId,
      markdown: '## broken\ntype: single\ndifficulty: 9\n\nA prompt.\n\n### Options\n- [ ] one\n- [ ] two\n',
      now,
    });
    expect(saved.ok).toBe(false);
    if (saved.ok) return;
    expect(saved.errors).toContainEqual({
      field: 'markdown',
      line: 3,
      message: 'difficulty is a whole number from 1 to 5, found "9"',
    });
    expect(saved.errors.some((e) => e.message.includes('### Explanation'))).toBe(true);
    expect(await t.db.select().from(questions)).toEqual([]);
  });

  it('refuses a topic the collection does not list and a second question in the text', async () => {
    const { orgId, userId, collectionId } = await setup();
    const saved = await saveQuestionDraft(t.db, {
      orgId,
      collectionId,
      topic: 'nope',
      actorId: userId,
      markdown: `${singleMd('A')}\n${singleMd('B').replace('join-kinds', 'other')}`,
      now,
    });
    expect(saved.ok).toBe(false);
    if (saved.ok) return;
    expect(saved.errors.map((e) => e.field)).toEqual(['topic', 'markdown']);
    expect(saved.errors[1]).toMatchObject({ line: 16, message: expect.stringContaining('one question at a time') });
  });

  it('adds a version per changed text, none for the same text; attempts keep theirs', async () => {
    const { orgId, userId, collectionId, draft } = await setup();
    const first = await draft('V1');
    if (!first.ok) throw new Error('saved');
    const same = await saveQuestionDraft(t.db, {
      orgId,
      collectionId,
      topic: 'joins',
      actorId: userId,
      questionId: first.questionId,
      markdown: `${singleMd('V1')}\n\n`,
      now: now + 1,
    });
    expect(same).toMatchObject({ ok: true, version: 1, changed: false });
    const second = await draft('V2', {
      questionId: first.questionId,
      baseVersion: 1,
      changeNote: 'clearer',
      now: now + 2,
    });
    expect(second).toMatchObject({ ok: true, version: 2, changed: true });
    const versions = await privateQuestionVersions(t.db, orgId, first.questionId);
    expect(versions.map((v) => [v.version, v.changeNote])).toEqual([
      [2, 'clearer'],
      [1, null],
    ]);
    // Version 1 is still there, as an attempt that showed it would need it.
    const v1 = await t.db.select().from(questionVersions).where(eq(questionVersions.version, 1));
    expect(v1[0]?.promptHtml).toContain('V1');

    const stale = await draft('V3', { questionId: first.questionId, baseVersion: 1, now: now + 3 });
    expect(stale.ok).toBe(false);
  });

  it('cannot touch another organization: its collection and questions are not found', async () => {
    const a = await setup();
    const b = await createOrgWithOwner(t.db, {
      email: 'b@example.com',
      name: 'Bo',
      passwordHash: 'x',
      orgName: 'Other',
    });
    const saved = await saveQuestionDraft(t.db, {
      ...a,
      topic: 'joins',
      actorId: a.userId,
      markdown: singleMd('SECRET'),
      now,
    });
    if (!saved.ok) throw new Error('saved');
    const intoForeign = await saveQuestionDraft(t.db, {
      orgId: b.orgId,
      collectionId: a.collectionId,
      topic: 'joins',
      actorId: b.userId,
      markdown: singleMd('X'),
      now,
    });
    expect(intoForeign).toMatchObject({ ok: false, errors: [{ field: 'collection' }] });
    expect(await getBankQuestion(t.db, { orgId: b.orgId }, saved.questionId, b.orgId)).toBeNull();
    expect(await getBankQuestion(t.db, 'public', saved.questionId, b.orgId)).toBeNull();
    expect((await listPrivateQuestions(t.db, b.orgId)).rows).toEqual([]);
    expect(await privateQuestionVersions(t.db, b.orgId, saved.questionId)).toEqual([]);
    expect(await questionHistory(t.db, b.orgId, saved.questionId)).toEqual([]);
    expect(
      await transitionQuestion(t.db, {
        orgId: b.orgId,
        questionId: saved.questionId,
        actorId: b.userId,
        transition: 'retire',
        now,
      }),
    ).toBeNull();
    expect(
      await addQuestionComment(t.db, {
        orgId: b.orgId,
        questionId: saved.questionId,
        actorId: b.userId,
        body: 'hi',
        now,
      }),
    ).toBeNull();
  });
});

describe('transitionQuestion', () => {
  it('needs a second person to approve when the organization asks for it, and records every step', async () => {
    const { orgId, userId, draft } = await setup();
    await t.db.update(organizations).set({ requireQuestionApproval: true }).where(eq(organizations.id, orgId));
    const colleague = await createUser(t.db, { email: 'c@example.com', name: 'Cem', passwordHash: 'x' });
    await t.db.insert(memberships).values({ orgId, userId: colleague, role: 'admin' });
    const saved = await draft('A');
    if (!saved.ok) throw new Error('saved');
    let clock = now;
    const step = (actorId: string, transition: 'submit' | 'approve' | 'retire' | 'restore') =>
      transitionQuestion(t.db, { orgId, questionId: saved.questionId, actorId, transition, now: ++clock });

    expect(await step(userId, 'approve')).toMatchObject({ ok: false, error: expect.stringContaining('review first') });
    expect(await step(userId, 'submit')).toEqual({ ok: true, status: 'review' });
    expect(await step(userId, 'approve')).toMatchObject({ ok: false, error: expect.stringContaining('second person') });
    expect(await step(colleague, 'approve')).toEqual({ ok: true, status: 'active' });

    // Editing an active question puts it back to review: the new text waits for a second person.
    const edited = await draft('B', { questionId: saved.questionId, now: ++clock });
    expect(edited).toMatchObject({ ok: true, status: 'review', version: 2 });
    expect(await step(colleague, 'retire')).toEqual({ ok: true, status: 'retired' });
    expect(await step(colleague, 'restore')).toEqual({ ok: true, status: 'draft' });
    expect(await step(colleague, 'restore')).toMatchObject({ ok: false });
    expect(
      await addQuestionComment(t.db, { orgId, questionId: saved.questionId, actorId: colleague, body: '  ', now }),
    ).toEqual({
      ok: false,
      error: 'Write a comment first.',
    });
    await addQuestionComment(t.db, {
      orgId,
      questionId: saved.questionId,
      actorId: colleague,
      body: 'Looks good',
      now: ++clock,
    });
    const history = await questionHistory(t.db, orgId, saved.questionId);
    expect(history.map((e) => `${e.action}:${e.actorName}`)).toEqual([
      'created:Olga',
      'submitted:Olga',
      'approved:Cem',
      'edited:Olga',
      'retired:Cem',
      'restored:Cem',
      'commented:Cem',
    ]);
  });

  it('activates a draft directly when no second approval is required', async () => {
    const { orgId, userId, collectionId, draft } = await setup();
    const saved = await draft('A');
    if (!saved.ok) throw new Error('saved');
    expect(
      await transitionQuestion(t.db, {
        orgId,
        questionId: saved.questionId,
        actorId: userId,
        transition: 'approve',
        now,
      }),
    ).toEqual({ ok: true, status: 'active' });
    const listed = await listPrivateQuestions(t.db, orgId, { status: 'active', tag: 'joins', text: 'left table' });
    expect(listed.rows.map((r) => r.id)).toEqual([saved.questionId]);
    expect((await listPrivateQuestions(t.db, orgId, { tag: 'nope' })).total).toBe(0);
    expect((await listPrivateQuestions(t.db, orgId, { type: 'numeric' })).total).toBe(0);
    expect((await listPrivateQuestions(t.db, orgId, { difficulty: 2, collectionId, topic: 'joins' })).total).toBe(1);
  });
});

describe('usage', () => {
  it("counts exposure, answers and mean credit from the viewing organization's finished attempts only", async () => {
    const { orgId, draft } = await setup();
    const other = await createOrgWithOwner(t.db, {
      email: 'z@example.com',
      name: 'Z',
      passwordHash: 'x',
      orgName: 'Z',
    });
    const saved = await draft('A');
    if (!saved.ok) throw new Error('saved');
    const attempt = (id: string, org: string, state: 'submitted' | 'in_progress') => ({
      id,
      kind: 'assessment' as const,
      orgId: org,
      seed: id,
      state,
      startedAt: now,
      deadlineAt: now + 1,
    });
    await t.db
      .insert(attempts)
      .values([
        attempt('a1', orgId, 'submitted'),
        attempt('a2', orgId, 'submitted'),
        attempt('a3', orgId, 'in_progress'),
        attempt('b1', other.orgId, 'submitted'),
      ]);
    const response = (attemptId: string, score: number) => ({
      attemptId,
      questionId: saved.questionId,
      seq: 1,
      savedAt: now,
      score,
      answer: { type: 'single' as const, choice: 'b' },
    });
    await t.db.insert(responses).values([response('a1', 1), response('a2', 0), response('a3', 1), response('b1', 1)]);
    await t.db.insert(questionExposure).values({ orgId, questionId: saved.questionId, drawn: 3 });
    const [row] = (await listPrivateQuestions(t.db, orgId)).rows;
    expect(row).toMatchObject({ exposure: 3, answered: 2, facility: 0.5 });
    expect((await listPrivateQuestions(t.db, orgId, { usage: 'unused' })).total).toBe(0);
    expect((await listPrivateQuestions(t.db, orgId, { usage: 'used' })).total).toBe(1);
  });
});

describe('collections', () => {
  it('keep topics that questions use and report what is wrong', async () => {
    const { orgId, collectionId, draft } = await setup();
    await draft('A');
    const removed = await updateCollection(t.db, orgId, collectionId, {
      title: 'Our SQL',
      summary: '',
      topics: [{ id: 'Bad Id', title: '', docsUrl: 'ftp://x' }],
    });
    expect(removed).toMatchObject({ ok: false });
    if (removed?.ok !== false) return;
    expect(removed.errors).toEqual([
      'Topic id "Bad Id" must be lower-case words joined by hyphens, e.g. "sql-joins".',
      'Topic "Bad Id" needs a title.',
      'Topic "Bad Id": the documentation link must start with http:// or https://.',
      'Topic "joins" still has questions: move them before removing it.',
    ]);
    const other = await createOrgWithOwner(t.db, {
      email: 'x@example.com',
      name: 'X',
      passwordHash: 'x',
      orgName: 'X',
    });
    expect(
      await updateCollection(t.db, other.orgId, collectionId, {
        title: 'Mine',
        summary: '',
        topics: [{ id: 'a', title: 'A', docsUrl: '' }],
      }),
    ).toBeNull();
  });
});
