/** What both banks' question pages say about a question, from its row: no Hono, no views. */
import type { BankQuestion } from '../db/bank-browse';

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
