/** What both banks' question pages say about a question, from its row: no Hono, no views. */
import type { BankQuestion } from '../db/bank-browse';

/** The author's short id: the `## ` line of the Markdown. */
export function labelOf(q: BankQuestion): string {
  return /^##\s+(\S+)/.exec(q.content.sourceText ?? '')?.[1] ?? q.id;
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
