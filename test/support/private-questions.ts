import { createCollection } from '../../src/db/collections';
import { saveQuestionDraft, transitionQuestion } from '../../src/db/private-bank';
import type { TestApp } from './app';

/** A single-choice question in the public bank's format; `marker` lands in its explanation. */
export const privateSingle = (slug: string, difficulty: number, marker: string) => `## ${slug}
type: single
difficulty: ${difficulty}

Which of our services answers ${slug}?

### Options
- [ ] the billing service
- [x] the gateway of ${slug}
- [ ] the mail relay

### Explanation
${marker}: the gateway answers it.
`;

/**
 * A private collection of one organization with one topic, and its questions saved through the
 * private bank's own functions: `active` ones activated, `drafts` left as drafts. Returns the ids.
 */
export async function seedPrivateCollection(
  t: TestApp,
  member: { orgId: string; userId: string },
  title: string,
  questions: { active: string[]; drafts?: string[] },
) {
  const { orgId, userId } = member;
  const now = t.clock.now;
  const created = await createCollection(
    t.db,
    orgId,
    { title, summary: 'Written by the team.', topics: [{ id: 'services', title: 'Services', docsUrl: '' }] },
    now,
  );
  if (!created.ok) throw new Error(created.errors.join(' '));
  const save = async (markdown: string) => {
    const saved = await saveQuestionDraft(t.db, {
      orgId,
      collectionId: created.id,
      topic: 'services',
      actorId: userId,
      markdown,
      now,
    });
    if (!saved.ok) throw new Error(saved.errors.map((e) => e.message).join(' '));
    return saved.questionId;
  };
  const active: string[] = [];
  for (const markdown of questions.active) {
    const id = await save(markdown);
    const moved = await transitionQuestion(t.db, {
      orgId,
      questionId: id,
      actorId: userId,
      transition: 'approve',
      now,
    });
    if (!moved?.ok) throw new Error(`could not activate ${id}`);
    active.push(id);
  }
  const drafts: string[] = [];
  for (const markdown of questions.drafts ?? []) drafts.push(await save(markdown));
  return { collectionId: created.id, active, drafts };
}
