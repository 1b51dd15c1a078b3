/** What both banks' question pages say about a question, from its row: no Hono, no views. */
import type { BankQuestion } from '../db/bank-browse';
import { promptExcerpt } from './prompt-excerpt';

/** The author's short id: the `## ` line of the Markdown (the id itself when there is none). */
export function shortIdOf(id: string, sourceText: string | null): string {
  return /^##\s+(\S+)/.exec(sourceText ?? '')?.[1] ?? id;
}

export function labelOf(q: BankQuestion): string {
  return shortIdOf(q.id, q.content.sourceText);
}

/** A question's page in the bank: the organization's own, or the public bank's. */
export function bankHref(question: { id: string; own: boolean }): string {
  return question.own ? `/app/bank/questions/${question.id}` : `/app/bank/public/${question.id}`;
}

/** A question as the bank lists it to people: the first words of its prompt, its short id and its page. */
export interface QuestionName {
  excerpt: string;
  shortId: string;
  href: string | null;
}

/** How a question is named; one the organization cannot see (`q` undefined) by its id alone. */
export function questionName(
  id: string,
  q: { own: boolean; promptHtml: string; sourceText: string | null } | undefined,
): QuestionName {
  if (!q) return { excerpt: '', shortId: id, href: null };
  return {
    excerpt: promptExcerpt(q.promptHtml, 80),
    shortId: shortIdOf(id, q.sourceText),
    href: bankHref({ id, ...q }),
  };
}

export function factsOf(q: BankQuestion) {
  return {
    id: q.id,
    label: labelOf(q),
    areaTitle: q.areaTitle,
    topic: q.areaTopics.find((t) => t.id === q.topic)?.title ?? q.topic,
    type: q.content.type,
    difficulty: q.content.difficulty,
    tags: q.content.tags,
    status: q.status,
    version: q.version,
    exposure: q.exposure,
    answered: q.answered,
    facility: q.facility,
    practiceN: q.practiceN,
    pointBiserial: q.pointBiserial,
  };
}
